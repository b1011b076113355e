import type { TargetState } from '@kadens/shared/contracts';

/** Credentials with which Kadens renews an access token by itself (OAuth refresh token, Bluesky's refresh JWT). */
export const RENEWING_CREDENTIALS: readonly string[] = ['refreshToken', 'refreshJwt'];

/** Targets still to go out, which an expired connection would fail when their time comes. */
export const AT_RISK_STATES: readonly TargetState[] = ['pending', 'scheduled', 'queued'];

/**
 * When the channel's connection stops working, in ms since the epoch: its expiry, unless nothing is known
 * (a pasted token) or Kadens renews it by itself; null then.
 */
export function connectionDeadline(connection: { expiresAt: string | null; credentialNames: readonly string[] } | null): number | null {
  if (connection === null || connection.expiresAt === null) return null;
  if (connection.credentialNames.some((name) => RENEWING_CREDENTIALS.includes(name))) return null;
  const deadline = Date.parse(connection.expiresAt);
  return Number.isNaN(deadline) ? null : deadline;
}

/**
 * A target is at risk when it is still to go out and its time comes at or after its connection's deadline:
 * someone must reconnect the channel before then (the calendar marks it, needs-attention lists it).
 */
export function targetAtRisk(state: TargetState, plannedAt: string | null, deadline: number | null): boolean {
  if (deadline === null || plannedAt === null || !AT_RISK_STATES.includes(state)) return false;
  return Date.parse(plannedAt) >= deadline;
}
