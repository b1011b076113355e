import type { PostView, TargetState, Violation } from '@kadens/shared/contracts';

/** A target in these states no longer goes out, so the rules do not count it. */
const SETTLED_OFF_PLAN: readonly TargetState[] = ['failed', 'expired'];

/**
 * What the promise checks read of a post — and nothing else: its time, the channels it goes to, whether
 * it invites dialogue (its own flag; its content type may add it), and any override an approver gave.
 */
export interface PlannedPost {
  /** null: not saved yet (the dry-run check of a new post). */
  postId: string | null;
  plannedAt: string | null;
  /** The channels whose targets still count (not failed or expired). */
  channelIds: readonly string[];
  /** The post's own flag; a content type that invites dialogue (question/poll) turns it on as well. */
  invitesDialogue: boolean;
  contentTypeId: string;
  cancelled: boolean;
  /** The blocking violations a stored override covers. */
  overridden: readonly Violation[];
}

/** The parts of a post (saved or about to be) that the planned values come from. */
export type PlanningFields = Pick<PostView, 'plannedAt' | 'invitesDialogue' | 'contentTypeId' | 'state'> & {
  id: string | null;
  targets: ReadonlyArray<{ channelId: string; state: TargetState }>;
  ruleOverride: { violations: readonly Violation[] } | null;
};

export function plannedPostOf(post: PlanningFields): PlannedPost {
  return {
    postId: post.id,
    plannedAt: post.plannedAt,
    channelIds: post.targets.filter((target) => !SETTLED_OFF_PLAN.includes(target.state)).map((target) => target.channelId),
    invitesDialogue: post.invitesDialogue,
    contentTypeId: post.contentTypeId,
    cancelled: post.state === 'cancelled',
    overridden: post.ruleOverride?.violations ?? [],
  };
}

/**
 * Whether a change can change what the promise checks answer: only what they read counts, so a typo fix
 * never trips over an old over-full day. Channels are compared as sets; instants as instants.
 */
export function planChangeMatters(before: PlannedPost, after: PlannedPost): boolean {
  const instant = (value: string | null) => (value === null ? null : Date.parse(value));
  const channels = (ids: readonly string[]) => [...new Set(ids)].sort().join(',');
  return (
    instant(before.plannedAt) !== instant(after.plannedAt) ||
    before.invitesDialogue !== after.invitesDialogue ||
    before.contentTypeId !== after.contentTypeId ||
    before.cancelled !== after.cancelled ||
    channels(before.channelIds) !== channels(after.channelIds)
  );
}
