import type { OutboundClient } from '@kadens/api/outbound';

import { isRecord } from '../http/http-failure';
import { countAt, knownNumbers, sumOfKnown } from '../metrics-numbers';
import type { MetricsReading } from '../platform-adapter';
import { PlatformInvalidContentError } from '../platform-errors';
import type { BlueskySession } from './bluesky-sessions';
import { xrpc } from './bluesky-xrpc';

export interface BlueskyMetricsCall {
  client: OutboundClient;
  pds: string;
  session: BlueskySession;
  /** The post's at-uri, which publish returned as its external id. */
  uri: string;
  timeoutMs: number;
  now: number;
}

/**
 * A post's public counts (issue 13), from `app.bsky.feed.getPosts?uris=…`
 * (https://docs.bsky.app/docs/api/app-bsky-feed-get-posts; the counts are `app.bsky.feed.defs#postView`).
 * Asked of the account's PDS with its session, which hands `app.bsky.*` queries to its AppView.
 *
 * `replyCount` → comments, `likeCount` → reactions, `repostCount` + `quoteCount` → shares (a quote
 * is a repost with words of its own, as on Mastodon), `bookmarkCount` → saves. Bluesky gives no
 * views, reach or clicks: those stay absent, as does any count the AppView leaves out.
 * A post the AppView does not know (deleted, or taken down) is simply missing from `posts`.
 */
export async function readBlueskyMetrics(call: BlueskyMetricsCall): Promise<MetricsReading> {
  const body = await xrpc({
    client: call.client,
    pds: call.pds,
    nsid: 'app.bsky.feed.getPosts',
    method: 'GET',
    params: { uris: call.uri },
    bearer: call.session.accessJwt,
    timeoutMs: call.timeoutMs,
    effect: 'none',
    now: call.now,
  });
  const posts = Array.isArray(body['posts']) ? body['posts'] : [];
  const post = posts.find((candidate) => isRecord(candidate) && candidate['uri'] === call.uri);
  if (!isRecord(post)) {
    throw new PlatformInvalidContentError('bluesky', `The post ${call.uri} was not found: deleted, or not visible to the AppView`, {
      status: 200,
      code: 'post_not_found',
    });
  }
  const numbers = knownNumbers({
    comments: countAt(post, 'replyCount'),
    reactions: countAt(post, 'likeCount'),
    shares: sumOfKnown(countAt(post, 'repostCount'), countAt(post, 'quoteCount')),
    saves: countAt(post, 'bookmarkCount'),
  });
  return { numbers, raw: pickCounts(post) };
}

/** The snapshot keeps the counts and the post's identity, not the record, author or embeds. */
function pickCounts(post: Record<string, unknown>): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const key of ['uri', 'cid', 'indexedAt', 'replyCount', 'repostCount', 'likeCount', 'quoteCount', 'bookmarkCount']) {
    if (key in post) kept[key] = post[key];
  }
  return kept;
}
