import type { OutboundClient } from '@kadens/api/outbound';
import { platformRules } from '@kadens/shared/platform-rules';

import { isRecord, requiredId } from '../http/http-failure';
import type { LookupRequest, PublishedLookup } from '../platform-adapter';
import { PlatformError, PlatformInvalidContentError } from '../platform-errors';
import { blueskyRecordKey } from './bluesky-record-key';
import type { BlueskySession } from './bluesky-sessions';
import { xrpc } from './bluesky-xrpc';

export const BLUESKY_POST_COLLECTION = 'app.bsky.feed.post';

export interface BlueskyLookup {
  client: OutboundClient;
  pds: string;
  session: BlueskySession;
  request: LookupRequest;
  now: number;
}

/**
 * Whether an ambiguous attempt made its post: `com.atproto.repo.getRecord` on the record key derived
 * from the idempotency key (bluesky-record-key.ts). Found → the record's at-uri, as publish returns it.
 * `RecordNotFound` → not on the platform, and a repeat writes to the same key, so it cannot make a
 * second post. A record at the key with another text (when the content is known) is a collision
 * between two posts' keys, not this post: that throws, the attempt stays unconfirmed.
 */
export async function lookUpBlueskyPost({ client, pds, session, request, now }: BlueskyLookup): Promise<PublishedLookup> {
  const rkey = blueskyRecordKey(request.idempotencyKey);
  let body: Record<string, unknown>;
  try {
    body = await xrpc({
      client,
      pds,
      nsid: 'com.atproto.repo.getRecord',
      method: 'GET',
      params: { repo: session.did, collection: BLUESKY_POST_COLLECTION, rkey },
      timeoutMs: request.timeoutMs,
      effect: 'none',
      now,
    });
  } catch (error) {
    if (error instanceof PlatformError && error.code === 'RecordNotFound') return { found: false, because: 'not_on_platform' };
    throw error;
  }
  if (request.content !== undefined) {
    const text = platformRules('bluesky').composeText(request.content);
    if (!isRecord(body['value']) || body['value']['text'] !== text) {
      throw new PlatformInvalidContentError('bluesky', `Record key ${rkey} holds a different post`, { code: 'rkey_collision' });
    }
  }
  const uri = requiredId('bluesky', body, 'uri', 'none');
  return { found: true, externalId: uri, url: `https://bsky.app/profile/${session.did}/post/${uri.split('/').pop() ?? rkey}` };
}
