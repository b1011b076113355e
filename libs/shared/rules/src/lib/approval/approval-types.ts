import type { PostState, Role, TargetState, UserId } from '@kadens/shared/contracts';

import type { ApprovalProgress } from './approval-policy';

export const POST_ACTIONS = ['submit', 'approve', 'request_changes', 'edit_content', 'move_time', 'cancel', 'expire'] as const;
export type PostAction = (typeof POST_ACTIONS)[number];

/**
 * A decision names the revision the reviewer saw, so an approval given on a screen that was
 * overtaken by an edit cannot count for the new text. The checklist is evaluated by the caller
 * (its items are per organisation); the machine only insists it was complete.
 */
export type PostActionRequest =
  | { type: 'approve'; revision: number; checklistComplete: boolean }
  | { type: 'request_changes'; revision: number }
  | { type: Exclude<PostAction, 'approve' | 'request_changes'> };

/** `expire` is done by the scheduler, never by a person; everything else by a member. */
export type Actor = { userId: UserId; role: Role } | 'system';

/** The role is the approver's role when they approved, which decides whether it was an admin's. */
export interface RecordedApproval {
  userId: UserId;
  role: Role;
  revision: number;
  /**
   * An outside person's approval by link (libs/api/approvals external-reviews): `userId` is then the
   * request's id and `role` is `approver` — it counts like an approver's, never as an admin's.
   */
  external?: true;
}

/** What the machine needs to know about a post; the API loads it, the web has it in the view. */
export interface PostWorkflow {
  state: PostState;
  revision: number;
  authorId: UserId;
  /**
   * Who saved the current revision. When an approver edits someone else's post, they wrote that
   * revision, so they may not approve it either.
   */
  revisionAuthorId: UserId;
  sensitive: boolean;
  approvals: readonly RecordedApproval[];
  /** Delivery states of the post's channel targets; once one is out, the post is frozen. */
  targetStates: readonly TargetState[];
}

/**
 * What the delivery side does with the post's targets that have not gone out: `scheduled` (due at
 * the planned time), `pending` (off the schedule), `expired` (its time passed unapproved), or
 * null to leave them as they are. Held targets stay held; the publishing module owns that.
 */
export type TargetDirective = Extract<TargetState, 'pending' | 'scheduled' | 'expired'> | null;

/** Who should hear about the change; the notifier skips the actor, who already knows. */
export type Recipient = 'author' | 'approvers';

export interface WorkflowChange {
  state: PostState;
  revision: number;
  revisionAuthorId: UserId;
  /** The approvals that count for `revision`; superseded ones live on in the audit trail. */
  approvals: readonly RecordedApproval[];
  progress: ApprovalProgress;
  targets: TargetDirective;
  notify: readonly Recipient[];
}

/**
 * Why an action was refused, in the order they are checked. Suggested HTTP statuses: 403 for
 * role_lacks_permission, own_post, only_system, only_member; 409 for not_allowed_in_state,
 * stale_revision, already_approved, delivery_started; 400 for checklist_incomplete.
 */
export const DENIAL_REASONS = [
  'only_system',
  'only_member',
  'role_lacks_permission',
  'not_allowed_in_state',
  'own_post',
  'stale_revision',
  'already_approved',
  'checklist_incomplete',
  'delivery_started',
] as const;
export type DenialReason = (typeof DENIAL_REASONS)[number];

export type Decision = { ok: true; next: WorkflowChange } | { ok: false; reason: DenialReason };
