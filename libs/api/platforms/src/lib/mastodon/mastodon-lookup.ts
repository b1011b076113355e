import { requiredId, stringField } from '../http/http-failure';
import type { LookupRequest, PublishedLookup } from '../platform-adapter';
import { PlatformAmbiguousError, PlatformInvalidContentError } from '../platform-errors';

/** The status Mastodon answers for a repeated key (its body), or a refusal thrown as the publishing errors. */
export type MastodonProbe = (idempotencyKey: string) => Promise<Record<string, unknown>>;

/**
 * Mastodon remembers an `Idempotency-Key` for an hour and answers a repeat with the status the key
 * made, before it looks at the request (PostStatusService checks the key first). So, within the hour,
 * the adapter asks with an empty status under the same key: a known key replays the status (found);
 * an unknown key reaches validation and is refused with 422 "Text can't be blank" — nothing is made,
 * and the key is not taken. Should an instance ever validate first, a known key would also answer 422:
 * "not found", and the retry that follows, within the hour under the same key, still gets the first
 * status back, never a second one. After the hour Mastodon has forgotten the key and cannot tell.
 */
export async function lookUpMastodonStatus(
  request: LookupRequest,
  windowMs: number,
  now: number,
  probe: MastodonProbe,
): Promise<PublishedLookup> {
  if (now - request.firstAttemptAt >= windowMs) {
    throw new PlatformAmbiguousError(
      'mastodon',
      `Mastodon remembers an Idempotency-Key for ${Math.round(windowMs / 60_000)} minutes; the first attempt is older, so it cannot tell`,
      { code: 'lookup.cannot_tell' },
    );
  }
  let body: Record<string, unknown>;
  try {
    body = await probe(request.idempotencyKey);
  } catch (error) {
    if (error instanceof PlatformInvalidContentError && error.status === 422) return { found: false, because: 'not_on_platform' };
    throw error;
  }
  const id = requiredId('mastodon', body, 'id', 'none');
  return { found: true, externalId: id, url: stringField(body, 'url') ?? stringField(body, 'uri') };
}
