import type { PostRevisionView, PostView } from './posts';
import type { Role } from './role';

/** The review checklist every organisation starts with, drawn from the seed articles; editable per organisation. */
export const CHECKLIST_KEYS = ['relevance', 'tone', 'privacy', 'marketing_law', 'rights', 'link_back'] as const;
export type ChecklistKey = (typeof CHECKLIST_KEYS)[number];

/** English fallbacks for the seeded items; the web translates them by key. */
export const DEFAULT_CHECKLIST: ReadonlyArray<{ key: ChecklistKey; text: string }> = [
  { key: 'relevance', text: 'Relevant to the theme and the audiences it is for' },
  { key: 'tone', text: 'Calm and personal in tone, not emotional' },
  { key: 'privacy', text: 'Respects privacy: no personal data without consent' },
  { key: 'marketing_law', text: 'Follows marketing law: advertising is recognisable as such' },
  { key: 'rights', text: 'We have the rights to images, video and quotes' },
  { key: 'link_back', text: 'Links back to our website where that helps' },
];

export interface ChecklistItemView {
  id: string;
  key: ChecklistKey | null;
  text: string;
  /** Approving needs every required item ticked. */
  required: boolean;
  position: number;
  archived: boolean;
}

export interface ChecklistItemInput {
  text: string;
  required?: boolean;
  position?: number;
}

export interface ChecklistItemUpdate extends Partial<ChecklistItemInput> {
  archived?: boolean;
}

/** How much sign-off posts need: per organisation, and a channel may ask for more. */
export interface ApprovalPolicyView {
  approvalsRequired: 1 | 2 | 3;
  /** One of the approvals must be an admin's (always so for sensitive posts). */
  adminApprovalRequired: boolean;
}

export type ApprovalPolicyUpdate = Partial<ApprovalPolicyView>;

export interface ApprovalProgressView {
  required: number;
  count: number;
  adminRequired: boolean;
  adminApproved: boolean;
  complete: boolean;
  /** Present when an outside person's sign-off by link is required (an external review was asked for). */
  externalRequired?: true;
  externalApproved?: boolean;
}

export const REVIEW_DECISIONS = ['approved', 'changes_requested'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

export interface ReviewView {
  id: string;
  revision: number;
  reviewerId: string;
  reviewerName: string;
  reviewerRole: Role;
  decision: ReviewDecision;
  comment: string;
  /** Ids of the checklist items the reviewer ticked. */
  checklist: string[];
  /** Still counts towards sign-off (false once a later revision or a request for changes voided it). */
  counts: boolean;
  createdAt: string;
}

export interface ApproveRequest {
  /** The revision the approver saw; a newer one makes this 409. */
  revision: number;
  checklist: string[];
  comment?: string;
}

export interface RequestChangesRequest {
  revision: number;
  comment: string;
}

export interface CancelRequest {
  reason?: string;
}

/** Everything the review screen needs in one answer. */
export interface ReviewSummary {
  post: PostView;
  progress: ApprovalProgressView;
  reviews: ReviewView[];
  currentRevision: PostRevisionView;
  /** What was last signed off, to show the difference; null if never approved. */
  lastApprovedRevision: PostRevisionView | null;
  /**
   * The planned time the last sign-off was given for and the time now, when an edit since then moved it
   * (null when the time is unchanged, or the post was never approved); either side null: no time planned.
   */
  timeChange: { approved: string | null; current: string | null } | null;
  checklist: ChecklistItemView[];
  /** What the post is about and for, by name, for the checklist's first question. */
  plan: ReviewPlanView;
}

/** The post's theme, audiences and content type; a seeded content type also has its `key`. */
export interface ReviewPlanView {
  theme: { id: string; name: string; color: string };
  audiences: Array<{ id: string; name: string }>;
  contentType: { id: string; key: string | null; name: string };
}

export interface InboxEntry {
  postId: string;
  title: string;
  plannedAt: string | null;
  revision: number;
  authorId: string;
  authorName: string;
  sensitive: boolean;
  platforms: string[];
  progress: ApprovalProgressView;
  /** You already approved this revision. */
  approvedByYou: boolean;
}

export interface CommentView {
  id: string;
  authorId: string;
  authorName: string;
  body: string;
  createdAt: string;
}

/** `connection_expiring`: a channel's connection stops working soon (params: title = the channel's name, channelId, expiresAt, daysBefore). */
export const NOTIFICATION_KINDS = [
  'review_requested',
  'approved',
  'changes_requested',
  'expired',
  'cancelled',
  'commented',
  'connection_expiring',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** `GET`/`PUT …/notifications/mail-preferences`: the kinds a member does not want by e-mail in an organisation. */
export interface NotificationMailPreferences {
  mutedKinds: NotificationKind[];
}

export interface NotificationView {
  id: string;
  kind: NotificationKind;
  postId: string | null;
  params: Record<string, string | number>;
  createdAt: string;
  read: boolean;
}

export interface AuditEventView {
  id: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  subjectType: string;
  subjectId: string | null;
  before: unknown;
  after: unknown;
  reason: string | null;
  createdAt: string;
}
