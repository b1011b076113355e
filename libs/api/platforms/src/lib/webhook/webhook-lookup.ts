import { optionalSetting } from '../connection-fields';
import type { LookupRequest, PublishedLookup } from '../platform-adapter';
import { PlatformAmbiguousError } from '../platform-errors';

/** The connection setting by which the organisation says its receiver keeps the deduplication part of the contract. */
export const WEBHOOK_DEDUPLICATES_SETTING = 'deduplicates';

/**
 * A receiver cannot be asked whether it has a post; the contract has no read. What it can promise,
 * in the connection setting `deduplicates: yes`, is to keep the contract's deduplication: a repeat
 * with an `Idempotency-Key` it has seen is answered with the first delivery's answer and makes
 * nothing new. Then a repeat is the look-up, and the pipeline may send again (`repeat_is_safe`); the
 * repeat carries the post in full, which only the publish has. Without the promise it cannot tell,
 * and an ambiguous delivery stays unconfirmed for a person.
 */
export function lookUpWebhookDelivery(request: LookupRequest): Promise<PublishedLookup> {
  if (optionalSetting(request.connection, WEBHOOK_DEDUPLICATES_SETTING) === 'yes') {
    return Promise.resolve({ found: false, because: 'repeat_is_safe' });
  }
  return Promise.reject(
    new PlatformAmbiguousError(
      'webhook',
      'The receiver cannot be asked, and its connection does not say it deduplicates on Idempotency-Key, so it cannot tell',
      { code: 'lookup.cannot_tell' },
    ),
  );
}
