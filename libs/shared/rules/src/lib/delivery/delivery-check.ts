import type { PostState, TargetState } from '@kadens/shared/contracts';

/** What the worker sees when a job for a target arrives, read under the target's row lock. */
export interface DeliverySnapshot {
  targetState: TargetState;
  /** The job the target is waiting for; a job with another id was superseded. */
  targetJobId: string | null;
  jobId: string;
  jobRevision: number;
  postState: PostState;
  postRevision: number;
  organizationPaused: boolean;
  channelPaused: boolean;
  channelActive: boolean;
}

export type DeliveryRefusal = 'not_approved' | 'stale_revision' | 'cancelled';
export type DeliveryHold = 'organization_paused' | 'channel_paused' | 'channel_inactive';

/**
 * - publish: go ahead.
 * - skip: the job is not the target's current one (moved, re-dispatched, already handled); nothing to record.
 * - refuse: the revision that was dispatched is not the approved one any more; recorded, and the target
 *   goes where the workflow would have put it.
 * - hold: a pause (or a channel taken out of use) holds the target for a person to decide.
 */
export type DeliveryCheck =
  | { verdict: 'publish' }
  | { verdict: 'skip' }
  | { verdict: 'refuse'; reason: DeliveryRefusal; targetState: Extract<TargetState, 'pending' | 'scheduled'> }
  | { verdict: 'hold'; reason: DeliveryHold };

/** The worker's re-check before it calls a platform. Pure: the order of the checks is the policy. */
export function checkDelivery(snapshot: DeliverySnapshot): DeliveryCheck {
  if (snapshot.targetState !== 'queued' || snapshot.targetJobId !== snapshot.jobId) return { verdict: 'skip' };
  if (snapshot.postState === 'cancelled') return { verdict: 'refuse', reason: 'cancelled', targetState: 'pending' };
  if (snapshot.postState !== 'approved') return { verdict: 'refuse', reason: 'not_approved', targetState: 'pending' };
  if (snapshot.postRevision !== snapshot.jobRevision) return { verdict: 'refuse', reason: 'stale_revision', targetState: 'scheduled' };
  if (snapshot.organizationPaused) return { verdict: 'hold', reason: 'organization_paused' };
  if (snapshot.channelPaused) return { verdict: 'hold', reason: 'channel_paused' };
  if (!snapshot.channelActive) return { verdict: 'hold', reason: 'channel_inactive' };
  return { verdict: 'publish' };
}
