import type { OutboundClient } from '@kadens/api/outbound';

import { optionalSetting, requireCredential } from '../connection-fields';
import { isRecord, stringField } from '../http/http-failure';
import { graphCall, GRAPH_DEFAULT_VERSION } from '../meta-graph/graph-client';
import { readInsights, type RefusedMetrics } from '../meta-graph/graph-insights';
import { countAt, countOf, knownNumbers, sumOfKnown } from '../metrics-numbers';
import type { MetricsReading, MetricsRequest } from '../platform-adapter';

/**
 * The Page post insights asked for, by what they become. Meta retired `post_impressions*` (November
 * 2025) and `post_impressions_unique*` (June 2025) for all versions; `post_media_view` ("views") and
 * `post_total_media_view_unique` replace them
 * (https://developers.facebook.com/docs/platforminsights/page/deprecated-metrics,
 * https://developers.facebook.com/docs/pages-api/changelog/). Meta has announced more retirements of
 * unique ("reach") metrics, so any of these may be refused: it is then listed in `missing`.
 */
export const FACEBOOK_POST_METRICS = {
  views: 'post_media_view',
  reach: 'post_total_media_view_unique',
  reactions: 'post_reactions_by_type_total',
  clicks: 'post_clicks',
} as const;
/** Asked only for a video post (3-second views; the unique count was retired in 2026). */
export const FACEBOOK_VIDEO_METRIC = 'post_video_views';

/**
 * A Page post's results (issue 13): `GET /{post-id}/insights?metric=…&period=lifetime`
 * (https://developers.facebook.com/docs/graph-api/reference/insights; needs `read_insights`) and the
 * post's own `shares` and `comments.summary(total_count)` (https://developers.facebook.com/docs/graph-api/reference/post).
 * Reactions are the sum of `post_reactions_by_type_total` (like, love, wow…), each kind kept in `raw`.
 * Graph leaves `shares` out of a post nobody has shared, so a post read without it has 0 shares.
 * A video published by itself is known by its video id; its feed post (`post_id`) carries the insights.
 * Saves are not given for Page posts and stay absent.
 */
export async function readFacebookMetrics(
  client: OutboundClient,
  { externalId, connection, timeoutMs }: MetricsRequest,
  refused: RefusedMetrics,
): Promise<MetricsReading> {
  const accessToken = requireCredential('facebook', connection, 'accessToken');
  const get = (path: string, params: Record<string, string>) =>
    graphCall(client, 'facebook', connection, { method: 'GET', path, params, accessToken, timeoutMs, effect: 'none' });

  const isVideo = !externalId.includes('_');
  let postId = externalId;
  if (isVideo) postId = stringField(await get(`/${encodeURIComponent(externalId)}`, { fields: 'post_id' }), 'post_id') ?? externalId;
  const post = await get(`/${encodeURIComponent(postId)}`, { fields: 'shares,comments.limit(0).summary(total_count)' });

  const metrics: string[] = [...Object.values(FACEBOOK_POST_METRICS), ...(isVideo ? [FACEBOOK_VIDEO_METRIC] : [])];
  const version = optionalSetting(connection, 'graphVersion') ?? GRAPH_DEFAULT_VERSION;
  const insights = await readInsights(
    (names) => get(`/${encodeURIComponent(postId)}/insights`, { metric: names.join(','), period: 'lifetime' }),
    metrics,
    { refused, version },
  );
  const value = (metric: string) => insights.values.get(metric);
  const numbers = knownNumbers({
    views: countOf(value(FACEBOOK_POST_METRICS.views)),
    reach: countOf(value(FACEBOOK_POST_METRICS.reach)),
    reactions: reactionsOf(value(FACEBOOK_POST_METRICS.reactions)),
    clicks: countOf(value(FACEBOOK_POST_METRICS.clicks)),
    videoViews: isVideo ? countOf(value(FACEBOOK_VIDEO_METRIC)) : undefined,
    comments: countAt(isRecord(post['comments']) ? post['comments']['summary'] : undefined, 'total_count'),
    shares: isRecord(post['shares']) ? countAt(post['shares'], 'count') : 0,
  });
  return {
    numbers,
    raw: { post, insights: insights.raw },
    ...(insights.missing.length > 0 ? { missing: insights.missing } : {}),
  };
}

/** `{like: 3, love: 1, …}` summed; absent when Graph gave no object. */
function reactionsOf(value: unknown): number | undefined {
  if (!isRecord(value)) return countOf(value);
  return sumOfKnown(...Object.values(value).map(countOf)) ?? 0;
}
