import type { ReportGrouping, ReportSummaryQuery } from '@kadens/shared/contracts';
import { addDays, previousRange } from '@kadens/shared/rules';

import { METRIC_COLUMNS } from '../rollups/report-numbers-sql';

const SUMS = [
  'sum(posts)::int AS posts',
  'sum(demo_posts)::int AS demo',
  ...METRIC_COLUMNS.flatMap((column) => [`sum(${column}_sum)::bigint AS ${column}_sum`, `sum(${column}_n)::int AS ${column}_n`]),
  'sum(engagement_sum)::bigint AS engagement_sum',
  'sum(engagement_n)::int AS engagement_n',
].join(', ');

/**
 * The report summary in one statement, from the rollups only: $1 organisation, $2 grouping, $3 the
 * previous period's first day, $4 the period's first day, $5 its last day. One pass over both periods
 * per grouping (`current` tells them apart), the totals from the 'total' rows, the audiences' content
 * types in the period, and the names of everything a group may be. Answers one JSON text (`body`).
 */
export const SUMMARY_SQL = `
  WITH groups AS (
    SELECT key, published_on >= $4::date AS current, ${SUMS}
      FROM report_rollups
     WHERE organization_id = $1 AND dimension = $2 AND published_on BETWEEN $3::date AND $5::date
     GROUP BY key, published_on >= $4::date
  ),
  totals AS (
    SELECT published_on >= $4::date AS current, ${SUMS}
      FROM report_rollups
     WHERE organization_id = $1 AND dimension = 'total' AND published_on BETWEEN $3::date AND $5::date
     GROUP BY published_on >= $4::date
  ),
  audience_content AS (
    SELECT key AS audience_id, key2 AS content_type_id, sum(posts)::int AS posts,
           sum(engagement_sum)::bigint AS engagement_sum, sum(engagement_n)::int AS engagement_n
      FROM report_rollups
     WHERE organization_id = $1 AND dimension = 'audienceContentType' AND key IS NOT NULL AND published_on BETWEEN $4::date AND $5::date
     GROUP BY key, key2
  ),
  entities AS (
    SELECT id, name, color::text AS color, archived_at IS NULL AS active FROM themes WHERE organization_id = $1 AND $2 = 'theme'
    UNION ALL
    SELECT id, name, NULL, status = 'active' FROM channels WHERE organization_id = $1 AND $2 = 'channel'
    UNION ALL
    SELECT id, name, NULL, archived_at IS NULL FROM content_types WHERE organization_id = $1 AND $2 = 'contentType'
    UNION ALL
    SELECT id, what, NULL, status = 'active' FROM initiatives WHERE organization_id = $1 AND $2 = 'initiative'
    UNION ALL
    SELECT id, name, NULL, archived_at IS NULL FROM audiences WHERE organization_id = $1 AND $2 = 'audience'
  )
  SELECT json_build_object(
    'timeZone', o.time_zone,
    'locale', o.default_locale,
    'groups', COALESCE((SELECT json_agg(g) FROM groups g), '[]'),
    'totals', COALESCE((SELECT json_agg(t) FROM totals t), '[]'),
    'audienceContent', COALESCE((SELECT json_agg(a) FROM audience_content a), '[]'),
    'entities', COALESCE((SELECT json_agg(e) FROM entities e), '[]'),
    'audiences', COALESCE((SELECT json_agg(json_build_object('id', a.id, 'name', a.name) ORDER BY a.name)
                             FROM audiences a WHERE a.organization_id = $1 AND a.id IN (SELECT audience_id FROM audience_content)), '[]'),
    'contentTypes', COALESCE((SELECT json_agg(json_build_object('id', c.id, 'name', c.name))
                                FROM content_types c WHERE c.organization_id = $1 AND c.id IN (SELECT content_type_id FROM audience_content)), '[]')
  )::text AS body
    FROM organizations o
   WHERE o.id = $1`;

/** SUMMARY_SQL's parameters for a query; the previous period has as many days, just before. */
export function summaryParameters(organizationId: string, query: ReportSummaryQuery): [string, ReportGrouping, string, string, string] {
  const previous = previousRange(query.from, query.to);
  // previous.to is the day before `from`, so one range [previous.from, to] covers both.
  if (addDays(previous.to, 1) !== query.from) throw new Error('previousRange must end the day before from');
  return [organizationId, query.groupBy, previous.from, query.from, query.to];
}
