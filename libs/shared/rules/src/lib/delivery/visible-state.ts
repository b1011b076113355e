import type { PostState, TargetState } from '@kadens/shared/contracts';

/**
 * The one state a person sees for a post or a channel target, everywhere (calendar, composer, review
 * page, inbox, needs-attention): sign-off and delivery read as one word.
 */
export const VISIBLE_STATES = [
  'draft',
  'in_review',
  'changes_requested',
  'approved',
  'queued',
  'publishing',
  'partly_published',
  'published',
  'held',
  'failed',
  'unconfirmed',
  'expired',
  'cancelled',
] as const;
export type VisibleState = (typeof VISIBLE_STATES)[number];

/**
 * A post's visible state from its workflow state and its targets' delivery states. Precedence, first
 * match wins:
 * 1. a cancelled post is cancelled;
 * 2. a target that waits for a person: failed, then unconfirmed, then held (the post needs attention);
 * 3. a target being published: publishing;
 * 4. every target published: published;
 * 5. a target queued: queued;
 * 6. some targets published (the others waiting for their time): partly published;
 * 7. a target expired (its time came before sign-off): expired;
 * 8. otherwise the sign-off: draft, in review, changes requested or approved.
 * A post without targets shows its sign-off.
 */
export function visiblePostState(postState: PostState, targetStates: readonly TargetState[]): VisibleState {
  if (postState === 'cancelled') return 'cancelled';
  const any = (state: TargetState) => targetStates.includes(state);
  for (const waiting of ['failed', 'unconfirmed', 'held'] as const) if (any(waiting)) return waiting;
  if (any('publishing')) return 'publishing';
  if (targetStates.length > 0 && targetStates.every((state) => state === 'published')) return 'published';
  if (any('queued')) return 'queued';
  if (any('published')) return 'partly_published';
  if (any('expired')) return 'expired';
  return postState;
}

/**
 * One target's visible state: its delivery once it has one; before that (pending, or scheduled and
 * waiting for its time) the post's sign-off, so a target never says more than its post.
 */
export function visibleTargetState(postState: PostState, targetState: TargetState): VisibleState {
  if (targetState === 'pending' || targetState === 'scheduled') return postState;
  return targetState;
}
