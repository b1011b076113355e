import type {
  ApprovalProgressView,
  AuditEventView,
  ChannelView,
  ChecklistItemView,
  InboxEntry,
  MemberView,
  OrganizationView,
  PostView,
  ReviewSummary,
} from '@kadens/shared/contracts';

const CREATED = '2030-05-01T08:00:00.000Z';

export const ORGANIZATION = { id: 'o1', name: 'Fjordvik kommune', slug: 'fjordvik', timeZone: 'Europe/Oslo' } as OrganizationView;

export const CHANNELS: ChannelView[] = [
  {
    id: 'c-fb',
    platform: 'facebook',
    name: 'Fjordvik på Facebook',
    handle: '',
    responsibleUserId: null,
    publicDescription: '',
    status: 'active',
    createdAt: CREATED,
  },
  {
    id: 'c-x',
    platform: 'x',
    name: 'Fjordvik på X',
    handle: '',
    responsibleUserId: null,
    publicDescription: '',
    status: 'active',
    createdAt: CREATED,
  },
];

export const MEMBERS: MemberView[] = [
  { userId: 'u-eddie', email: 'editor@kadens.demo', name: 'Eddie Editor', role: 'editor', joinedAt: CREATED },
  { userId: 'u-me', email: 'me@kadens.demo', name: 'Me', role: 'approver', joinedAt: CREATED },
];

export const CHECKLIST: ChecklistItemView[] = [
  {
    id: 'k-relevance',
    key: 'relevance',
    text: 'Relevant to the theme and the audiences it is for',
    required: true,
    position: 1,
    archived: false,
  },
  {
    id: 'k-privacy',
    key: 'privacy',
    text: 'Respects privacy: no personal data without consent',
    required: true,
    position: 2,
    archived: false,
  },
  { id: 'k-own', key: null, text: 'Checked the opening hours with the library', required: false, position: 3, archived: false },
];

export function progress(overrides: Partial<ApprovalProgressView> = {}): ApprovalProgressView {
  return { required: 2, count: 0, adminRequired: false, adminApproved: false, complete: false, ...overrides };
}

export function post(overrides: Partial<PostView> = {}): PostView {
  return {
    id: 'p1',
    title: 'Summer opening hours',
    body: 'The library keeps summer hours from 24 June.',
    link: null,
    mediaUrls: [],
    mediaIds: [],
    media: [],
    contentTypeId: 'ct-news',
    themeId: 't1',
    audienceIds: [],
    initiativeId: null,
    plannedAt: '2030-06-04T10:00:00.000Z',
    invitesDialogue: false,
    state: 'in_review',
    revision: 2,
    authorId: 'u-eddie',
    revisionAuthorId: 'u-eddie',
    sensitive: false,
    targets: [
      { id: 'tg1', channelId: 'c-fb', platform: 'facebook', textVariant: null, state: 'pending' },
      { id: 'tg2', channelId: 'c-x', platform: 'x', textVariant: 'Summer hours from 24 June!', state: 'pending' },
    ],
    ruleOverride: null,
    createdAt: CREATED,
    updatedAt: CREATED,
    ...overrides,
  };
}

export function summary(overrides: Partial<ReviewSummary> = {}, postOverrides: Partial<PostView> = {}): ReviewSummary {
  const current = post(postOverrides);
  const content = (body: string) => ({
    title: current.title,
    body,
    link: current.link,
    mediaUrls: current.mediaUrls,
    contentTypeId: current.contentTypeId,
    themeId: current.themeId,
    audienceIds: current.audienceIds,
    initiativeId: current.initiativeId,
    invitesDialogue: current.invitesDialogue,
    targets: current.targets.map((target) => ({ channelId: target.channelId, textVariant: target.textVariant })),
  });
  return {
    post: current,
    progress: progress(),
    reviews: [],
    currentRevision: { revision: current.revision, authorId: current.authorId, createdAt: CREATED, content: content(current.body) },
    lastApprovedRevision: null,
    timeChange: null,
    checklist: CHECKLIST,
    plan: {
      theme: { id: current.themeId, name: 'Opening hours', color: '#1e88e5' },
      audiences: [],
      contentType: { id: current.contentTypeId, key: 'news', name: 'Nyhet' },
    },
    ...overrides,
  };
}

export function inboxEntry(overrides: Partial<InboxEntry> = {}): InboxEntry {
  return {
    postId: 'p1',
    title: 'Summer opening hours',
    plannedAt: '2030-06-04T10:00:00.000Z',
    revision: 2,
    authorId: 'u-eddie',
    authorName: 'Eddie Editor',
    sensitive: false,
    platforms: ['facebook'],
    progress: progress(),
    approvedByYou: false,
    ...overrides,
  };
}

export function auditEvent(action: string, overrides: Partial<AuditEventView> = {}): AuditEventView {
  return {
    id: `e-${action}`,
    actorId: 'u-eddie',
    actorName: 'Eddie Editor',
    action,
    subjectType: 'post',
    subjectId: 'p1',
    before: { state: 'draft', revision: 2 },
    after: { state: 'in_review', revision: 2, approvals: 0, required: 2 },
    reason: null,
    createdAt: CREATED,
    ...overrides,
  };
}
