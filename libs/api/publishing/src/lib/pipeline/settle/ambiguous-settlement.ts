import { type FailedAttempt, type Settlement, settleFailedAttempt } from '@kadens/shared/rules';

import type { LookupVerdict } from './published-lookup';

/** An ambiguous attempt as the retry policy sees it (the kind is decided here). */
export type AmbiguousAttempt = Omit<FailedAttempt, 'kind' | 'retryAfterMs'>;

/** The post is on the platform (found by the look-up), or the settlement the retry policy gives, with what to add to the message. */
export type AmbiguousOutcome =
  | { published: { externalId: string; url: string | null }; settlement?: undefined; note: string }
  | { published?: undefined; settlement: Settlement; note: string | null };

/**
 * What an attempt without a usable answer leaves its target in, once the platform has been asked
 * (pure; see PublishedLookups):
 * - found → published, with the platform's id and address;
 * - not on the platform → it never arrived, so it is retried like a transient failure while attempts
 *   are left, and fails when none are (the platform said it does not have the post);
 * - a repeat is safe (the receiver deduplicates) → retried while attempts are left, else unconfirmed:
 *   nobody knows whether it arrived;
 * - no answer (the look-up failed, the platform cannot tell or cannot look up) → today's rule: retried
 *   where the platform deduplicates the key within its window, otherwise unconfirmed, with the reason.
 */
export function settleAmbiguous(verdict: LookupVerdict | null, attempt: AmbiguousAttempt): AmbiguousOutcome {
  if (verdict?.kind === 'found') {
    return { published: { externalId: verdict.externalId, url: verdict.url }, note: 'found on the platform by a look-up' };
  }
  if (verdict?.kind === 'absent' && verdict.because === 'not_on_platform') {
    const settlement = settleFailedAttempt({ ...attempt, kind: 'transient' });
    return {
      settlement,
      note:
        settlement.targetState === 'scheduled'
          ? 'a look-up found no post on the platform, so it is sent again'
          : 'a look-up found no post on the platform, and no attempts are left',
    };
  }
  if (verdict?.kind === 'absent') {
    const settlement = settleFailedAttempt({ ...attempt, kind: 'ambiguous', idempotent: true, idempotencyWindowMs: null });
    return {
      settlement,
      note:
        settlement.targetState === 'scheduled'
          ? 'the receiver deduplicates on Idempotency-Key, so it is sent again with the same key'
          : 'the receiver deduplicates on Idempotency-Key, but no attempts are left',
    };
  }
  return {
    settlement: settleFailedAttempt({ ...attempt, kind: 'ambiguous' }),
    note: verdict === null ? null : `looking it up did not tell: ${verdict.reason}`,
  };
}

/** The attempt's message with the look-up's note, within the column's 2,000 characters. */
export function withNote(message: string, note: string | null): string {
  return (note === null ? message : `${message}; ${note}`).slice(0, 2000);
}
