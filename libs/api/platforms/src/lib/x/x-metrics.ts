import { isRecord, stringField } from '../http/http-failure';
import { countAt, knownNumbers, sumOfKnown } from '../metrics-numbers';
import type { MetricsReading } from '../platform-adapter';
import { PlatformInvalidContentError } from '../platform-errors';

/** One authorised GET on the API, through the adapter's guarded client and X's error mapping. */
export type XGet = (path: string, query: Record<string, string>) => Promise<Record<string, unknown>>;

/**
 * A post's public metrics (issue 13), from `GET /2/tweets/:id?tweet.fields=public_metrics`
 * (https://docs.x.com/x-api/posts/get-post-by-id; fields: https://docs.x.com/x-api/fundamentals/data-dictionary/reference):
 * `impression_count` → views, `like_count` → reactions, `reply_count` → comments,
 * `retweet_count` + `quote_count` → shares, `bookmark_count` → saves.
 *
 * Public metrics only: `non_public_metrics` and `organic_metrics` (link clicks, video views) are given
 * only for the account's own posts of the last 30 days, and asking for them on an older one refuses
 * the whole request, so reach, clicks and video views stay absent.
 * A deleted or withheld post answers 200 with `errors` (`resource-not-found`) and no `data`.
 */
export async function readXMetrics(postId: string, get: XGet): Promise<MetricsReading> {
  const body = await get(`/2/tweets/${encodeURIComponent(postId)}`, { 'tweet.fields': 'public_metrics' });
  const data = body['data'];
  if (!isRecord(data)) throw notFound(postId, body);
  const metrics = data['public_metrics'];
  const numbers = knownNumbers({
    views: countAt(metrics, 'impression_count'),
    reactions: countAt(metrics, 'like_count'),
    comments: countAt(metrics, 'reply_count'),
    shares: sumOfKnown(countAt(metrics, 'retweet_count'), countAt(metrics, 'quote_count')),
    saves: countAt(metrics, 'bookmark_count'),
  });
  return { numbers, raw: { id: data['id'], public_metrics: metrics } };
}

function notFound(postId: string, body: Record<string, unknown>): PlatformInvalidContentError {
  const errors = body['errors'];
  const first: unknown = Array.isArray(errors) ? errors[0] : undefined;
  const words = stringField(first, 'detail') ?? stringField(first, 'title') ?? `post ${postId} was not in the answer`;
  return new PlatformInvalidContentError('x', `${words} (HTTP 200)`, {
    status: 200,
    code: stringField(first, 'type') ?? 'post_not_found',
  });
}
