import { isPlatformError, type MetricsReading, PlatformRateLimitedError } from '@kadens/api/platforms';

/** What one collection job ended with, as the settlement writes it. */
export type ReadingOutcome =
  | { kind: 'collected'; reading: MetricsReading }
  /** Back to due, to be read again at `notBefore`; `counted` when the try counts towards RESULTS_MAX_ATTEMPTS. */
  | { kind: 'retry'; notBefore: Date; errorKind: string; message: string; counted: boolean }
  /** Given up; `reconnect` when the channel must show "reconnect needed". */
  | { kind: 'failed'; errorKind: string; message: string; reconnect: boolean }
  /** Nothing to read (the target is no longer published, the platform reads no results). */
  | { kind: 'skipped'; errorKind: string; message: string };

export interface RetryPolicy {
  /** Tries already made that counted (before this one). */
  attempts: number;
  maxAttempts: number;
  retryBaseMs: number;
  now: number;
}

const MESSAGE_MAX = 2000;

/**
 * How a failed reading settles, by the publishing error classes and nothing platform-specific:
 * - rate_limited: due again after the platform's `retryAfter` (at least a second); it does not count
 *   as a try, since the platform asked to wait, not refused;
 * - auth: failed, and the channel needs reconnecting (as publishing does on PlatformAuthError);
 * - invalid_content (the post is gone, the request refused as a whole): failed, with the platform's words;
 * - transient, ambiguous (a read is safe to repeat) and anything unexpected: due again with a doubling
 *   backoff, until RESULTS_MAX_ATTEMPTS tries, then failed.
 */
export function settleReadingFailure(error: unknown, policy: RetryPolicy): ReadingOutcome {
  const message = (error instanceof Error ? error.message : String(error)).slice(0, MESSAGE_MAX);
  if (error instanceof PlatformRateLimitedError) {
    return {
      kind: 'retry',
      notBefore: new Date(policy.now + Math.max(1_000, error.retryAfterMs)),
      errorKind: 'rate_limited',
      message,
      counted: false,
    };
  }
  const kind = isPlatformError(error) ? error.kind : 'error';
  if (kind === 'auth') return { kind: 'failed', errorKind: 'auth', message, reconnect: true };
  if (kind === 'invalid_content') return { kind: 'failed', errorKind: 'invalid_content', message, reconnect: false };
  const attempt = policy.attempts + 1;
  if (attempt >= policy.maxAttempts) return { kind: 'failed', errorKind: kind, message, reconnect: false };
  const delay = policy.retryBaseMs * 2 ** (attempt - 1);
  return { kind: 'retry', notBefore: new Date(policy.now + delay), errorKind: kind, message, counted: true };
}

/** The refused metrics as the snapshot keeps them beside the numbers that were read: "views: (#100) … ; saves: …". */
export function missingMetricsText(reading: MetricsReading): string | null {
  const missing = reading.missing ?? [];
  if (missing.length === 0) return null;
  return missing
    .map((entry) => `${entry.metric}: ${entry.reason}`)
    .join('; ')
    .slice(0, MESSAGE_MAX);
}
