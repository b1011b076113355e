import type { AttentionAction, AttentionReason, ConnectionStatus, PostState, TargetState } from '@kadens/shared/contracts';

import { AT_RISK_STATES } from './connection-deadline';

/*
 * The needs-attention list: which targets wait for a person, and what that person may do with each.
 * The API checks every action with `attentionDenial` and lists `attentionActions`, so the web never
 * offers a button the server would refuse.
 */

/** What an action depends on besides the target's own state. */
export interface AttentionContext {
  state: TargetState;
  /** The post's workflow state: only an approved post may go out (again). */
  postState: PostState;
  /** The organisation or the target's channel is paused. */
  paused: boolean;
  /** The channel's platform can be asked whether an attempt made its post ("check again"). */
  canLookUp?: boolean;
}

/** Why an action is refused; the API answers 409 with this as its code. */
export type AttentionDenial = 'target_state' | 'not_approved' | 'publishing_paused' | 'lookup_unsupported';

/** States a target waits in for a person; expired waits for a new approval, not for one of these actions. */
const WAITING: readonly TargetState[] = ['failed', 'unconfirmed', 'held'];

/** The target states each action starts from. */
const FROM: Readonly<Record<AttentionAction, readonly TargetState[]>> = {
  check_again: ['unconfirmed'],
  retry: WAITING,
  publish_now: WAITING,
  mark_published: WAITING,
  reschedule: [...WAITING, 'scheduled'],
};

/**
 * The actions a list offers, in the order a person most likely wants them: a failure is retried, an
 * unknown outcome is checked first (it may be out there already), a held target was never tried.
 * `retry` and `publish_now` do the same; the list names the one that fits the state.
 */
const OFFERED: Readonly<Partial<Record<TargetState, readonly AttentionAction[]>>> = {
  failed: ['retry', 'reschedule', 'mark_published'],
  unconfirmed: ['check_again', 'mark_published', 'retry', 'reschedule'],
  held: ['publish_now', 'reschedule', 'mark_published'],
  scheduled: ['reschedule'],
};

const REASON_STATES: readonly TargetState[] = ['failed', 'unconfirmed', 'expired', 'held'];
/** Targets still on their way (or stopped by a failure) that a broken connection will fail. */
const RECONNECT_STATES: readonly TargetState[] = ['scheduled', 'queued', 'failed'];

/**
 * Why a target belongs in the needs-attention list, or null when it does not. A broken connection
 * comes first: until the channel is reconnected, no retry can work. A target still to go out whose
 * time comes after its connection expires is at risk: someone must reconnect the channel before then.
 */
export function attentionReason(
  state: TargetState,
  connection: ConnectionStatus | null,
  /** The post is planned at or after the moment the channel's connection expires, and nothing renews it. */
  plannedAfterExpiry = false,
): AttentionReason | null {
  if (connection === 'reconnect_needed' && RECONNECT_STATES.includes(state)) return 'reconnect_needed';
  if (REASON_STATES.includes(state)) return state as AttentionReason;
  return plannedAfterExpiry && AT_RISK_STATES.includes(state) ? 'at_risk' : null;
}

/** Null when the action may be taken; otherwise why not. The state is checked first. */
export function attentionDenial(action: AttentionAction, context: AttentionContext): AttentionDenial | null {
  if (!FROM[action].includes(context.state)) return 'target_state';
  // Asking the platform is a read; what it finds is a fact, like mark_published.
  if (action === 'check_again') return context.canLookUp ? null : 'lookup_unsupported';
  // Saying "it is out there" is a fact, not a delivery: it needs neither an approval nor an open switch.
  if (action === 'mark_published') return null;
  if (context.postState !== 'approved') return 'not_approved';
  // A reschedule while paused is fine: if the pause still holds when the time comes, the target is held again.
  if ((action === 'retry' || action === 'publish_now') && context.paused) return 'publishing_paused';
  return null;
}

/** The actions to offer for a target, best first; empty when there is nothing a person can do here. */
export function attentionActions(context: AttentionContext): AttentionAction[] {
  return (OFFERED[context.state] ?? []).filter((action) => attentionDenial(action, context) === null);
}
