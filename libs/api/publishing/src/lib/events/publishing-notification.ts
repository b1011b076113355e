import { TARGET_STATES, type TargetDelivery } from '@kadens/shared/contracts';
import { isUUID } from 'class-validator';

/** Sent by a trigger on every change of a target's state (see the publishing migration). */
export const TARGET_STATE_NOTIFY_CHANNEL = 'kadens_target_state';
/** Sent by the crisis switch on every pause or resume; the payload is the organisation id. */
export const PAUSE_NOTIFY_CHANNEL = 'kadens_publishing_pause';
export const LISTENED_CHANNELS = [TARGET_STATE_NOTIFY_CHANNEL, PAUSE_NOTIFY_CHANNEL] as const;

/** One PostgreSQL notification, read: always for one organisation. */
export type PublishingNotification =
  | { kind: 'target'; organizationId: string; delivery: Pick<TargetDelivery, 'targetId' | 'postId' | 'channelId' | 'state'> }
  | { kind: 'pause'; organizationId: string };

/**
 * Reads a notification's payload; null for anything malformed or unknown, which is dropped rather than
 * streamed (the payloads come from our own triggers, but a NOTIFY can be sent by any session).
 */
export function parseNotification(channel: string, payload: string | undefined): PublishingNotification | null {
  if (channel === PAUSE_NOTIFY_CHANNEL) return payload && isUUID(payload) ? { kind: 'pause', organizationId: payload } : null;
  if (channel !== TARGET_STATE_NOTIFY_CHANNEL || !payload) return null;
  let body: unknown;
  try {
    body = JSON.parse(payload);
  } catch {
    return null;
  }
  if (typeof body !== 'object' || body === null) return null;
  const { o, p, t, c, s } = body as Record<string, unknown>;
  if (![o, p, t, c].every((id) => typeof id === 'string' && isUUID(id))) return null;
  if (!(TARGET_STATES as readonly unknown[]).includes(s)) return null;
  return {
    kind: 'target',
    organizationId: o as string,
    delivery: { targetId: t as string, postId: p as string, channelId: c as string, state: s as TargetDelivery['state'] },
  };
}
