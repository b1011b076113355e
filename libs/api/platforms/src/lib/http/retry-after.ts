/**
 * Readers for the ways platforms say when to come back. Each returns milliseconds from `now`, or null
 * when the header is absent or unreadable, so an adapter can chain them and end with its own default.
 */

/** Never ask for an immediate retry: a reset already passed by our clock is clock skew, not an invitation. */
export const MIN_RETRY_AFTER_MS = 1000;

export function clampRetryAfter(ms: number): number {
  return Math.max(MIN_RETRY_AFTER_MS, Math.ceil(ms));
}

/** RFC 9110 `Retry-After`: delta seconds or an HTTP date. */
export function retryAfterHeaderMs(headers: Headers, now: number): number | null {
  const value = headers.get('retry-after')?.trim();
  if (!value) return null;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : at - now;
}

/** A reset given as Unix epoch seconds (X's `x-rate-limit-reset`). */
export function epochSecondsHeaderMs(headers: Headers, name: string, now: number): number | null {
  const value = headers.get(name)?.trim();
  if (!value || !/^\d+(\.\d+)?$/.test(value)) return null;
  return Number(value) * 1000 - now;
}

/** A reset given as an ISO 8601 time (Mastodon's `X-RateLimit-Reset`). */
export function isoTimeHeaderMs(headers: Headers, name: string, now: number): number | null {
  const value = headers.get(name)?.trim();
  if (!value) return null;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : at - now;
}

// Any count of seconds larger than this is a point in time (2001-09-09 onwards), not a wait.
const EPOCH_SECONDS_THRESHOLD = 1_000_000_000;

/**
 * A reset in seconds that may be either a wait (the IETF RateLimit draft's `ratelimit-reset`) or an
 * epoch time (what Bluesky's PDS sends under the same name); the size tells them apart.
 */
export function resetSecondsHeaderMs(headers: Headers, name: string, now: number): number | null {
  const value = headers.get(name)?.trim();
  if (!value || !/^\d+$/.test(value)) return null;
  const seconds = Number(value);
  return seconds >= EPOCH_SECONDS_THRESHOLD ? seconds * 1000 - now : seconds * 1000;
}
