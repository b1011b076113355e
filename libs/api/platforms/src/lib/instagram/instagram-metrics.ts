import type { OutboundClient } from '@kadens/api/outbound';

import { optionalSetting, requireCredential } from '../connection-fields';
import { graphCall, GRAPH_DEFAULT_VERSION } from '../meta-graph/graph-client';
import type { GraphErrorOptions } from '../meta-graph/graph-errors';
import { readInsights, type RefusedMetrics } from '../meta-graph/graph-insights';
import { countOf, knownNumbers } from '../metrics-numbers';
import type { MetricsReading, MetricsRequest } from '../platform-adapter';

/**
 * The media insights asked for, by what they become. `impressions`, `plays`, `clips_replays_count`
 * and `video_views` were retired in 2025 (v22.0, then all versions from April 21, 2025) in favour of
 * `views` (https://developers.facebook.com/docs/instagram-platform/reference/instagram-media/insights,
 * https://developers.facebook.com/docs/graph-api/changelog/version22.0). `total_interactions` is kept
 * in `raw` only (it is the sum of the others).
 */
export const INSTAGRAM_MEDIA_METRICS = {
  views: 'views',
  reach: 'reach',
  reactions: 'likes',
  comments: 'comments',
  shares: 'shares',
  saves: 'saved',
} as const;
const RAW_ONLY_METRICS = ['total_interactions'];

/**
 * A media's results (issue 13): `GET /{ig-media-id}/insights?metric=…` (needs `instagram_manage_insights`).
 * Instagram answers an empty set, not 0, for a metric it has no data for yet, so those stay absent;
 * a refused name (retired, or not given for this media type) is listed in `missing` and the rest read.
 * Clicks and video views are not given per media: absent (reels count their plays in `views`).
 */
export async function readInstagramMetrics(
  client: OutboundClient,
  { externalId, connection, timeoutMs }: MetricsRequest,
  refused: RefusedMetrics,
  errors: GraphErrorOptions,
): Promise<MetricsReading> {
  const accessToken = requireCredential('instagram', connection, 'accessToken');
  const version = optionalSetting(connection, 'graphVersion') ?? GRAPH_DEFAULT_VERSION;
  const insights = await readInsights(
    (names) =>
      graphCall(
        client,
        'instagram',
        connection,
        {
          method: 'GET',
          path: `/${encodeURIComponent(externalId)}/insights`,
          params: { metric: names.join(',') },
          accessToken,
          timeoutMs,
          effect: 'none',
        },
        errors,
      ),
    [...Object.values(INSTAGRAM_MEDIA_METRICS), ...RAW_ONLY_METRICS],
    { refused, version },
  );
  const value = (metric: string) => countOf(insights.values.get(metric));
  const numbers = knownNumbers({
    views: value(INSTAGRAM_MEDIA_METRICS.views),
    reach: value(INSTAGRAM_MEDIA_METRICS.reach),
    reactions: value(INSTAGRAM_MEDIA_METRICS.reactions),
    comments: value(INSTAGRAM_MEDIA_METRICS.comments),
    shares: value(INSTAGRAM_MEDIA_METRICS.shares),
    saves: value(INSTAGRAM_MEDIA_METRICS.saves),
  });
  return { numbers, raw: insights.raw, ...(insights.missing.length > 0 ? { missing: insights.missing } : {}) };
}
