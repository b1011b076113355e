import type { PublishErrorKind } from '@kadens/shared/contracts';

export interface FailedAttempt {
  /** The adapter's error kind; `unknown` is anything else thrown after the call began (a bug). */
  kind: PublishErrorKind | 'unknown';
  /** This attempt's number, 1 for the first. */
  attempt: number;
  maxAttempts: number;
  /** The platform deduplicates repeats of the same idempotency key… */
  idempotent: boolean;
  /** …for this long (null: for ever). */
  idempotencyWindowMs: number | null;
  /** When the first attempt at this revision started. */
  firstAttemptAt: number;
  now: number;
  /** The platform's own "retry after" for a rate limit. */
  retryAfterMs?: number;
  retryBaseMs: number;
}

export type Settlement =
  | { targetState: 'scheduled'; notBefore: number; reconnect: false }
  | { targetState: 'failed' | 'unconfirmed'; notBefore: null; reconnect: boolean };

const MAX_BACKOFF_MS = 60 * 60_000;

/** Exponential backoff: base, 2×base, 4×base… capped at an hour. */
export function backoffMs(attempt: number, baseMs: number): number {
  return Math.min(MAX_BACKOFF_MS, baseMs * 2 ** Math.max(0, attempt - 1));
}

/**
 * What a failed attempt leaves the target in. Nothing here retries a post that may already exist on
 * the platform unless the platform says a repeat cannot make a second one, and only within the time
 * it remembers the key.
 */
export function settleFailedAttempt(failure: FailedAttempt): Settlement {
  const retry = (delayMs: number): Settlement => ({ targetState: 'scheduled', notBefore: failure.now + delayMs, reconnect: false });
  const give = (targetState: 'failed' | 'unconfirmed', reconnect = false): Settlement => ({ targetState, notBefore: null, reconnect });
  const triesLeft = failure.attempt < failure.maxAttempts;

  switch (failure.kind) {
    case 'auth':
      return give('failed', true);
    case 'invalid_content':
      return give('failed');
    case 'rate_limited':
      return triesLeft ? retry(Math.max(1_000, failure.retryAfterMs ?? backoffMs(failure.attempt, failure.retryBaseMs))) : give('failed');
    case 'transient':
      return triesLeft ? retry(backoffMs(failure.attempt, failure.retryBaseMs)) : give('failed');
    case 'ambiguous':
    case 'unknown': {
      const delay = backoffMs(failure.attempt, failure.retryBaseMs);
      const window = failure.idempotencyWindowMs;
      const remembered = window === null || failure.now + delay - failure.firstAttemptAt < window;
      return failure.idempotent && triesLeft && remembered ? retry(delay) : give('unconfirmed');
    }
  }
}
