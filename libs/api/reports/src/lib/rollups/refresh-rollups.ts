import type { DataSource, EntityManager } from 'typeorm';

import { countedSql, engagementSql, METRIC_COLUMNS } from './report-numbers-sql';

/** One lock for every process that rebuilds rollups, so two never rebuild the same day at once. */
const ROLLUP_LOCK = 7_274_101_313;
/** Days rebuilt in one transaction: a year of one organisation, or a few busy days of many. */
const DAYS_PER_ROUND = 400;
/** A call stops after this many rounds even if writers keep marking days; the next call goes on. */
const MAX_ROUNDS = 50;

/** The rollups' aggregate columns, in the order ROLLUP_INSERT_SQL selects them. */
const AGGREGATE_COLUMNS = [
  'posts',
  'demo_posts',
  ...METRIC_COLUMNS.flatMap((column) => [`${column}_sum`, `${column}_n`]),
  'engagement_sum',
  'engagement_n',
];

const AGGREGATES = [
  'count(*)::int',
  'count(*) FILTER (WHERE t.demo)::int',
  ...METRIC_COLUMNS.flatMap((column) => [`COALESCE(sum(t.${column}), 0)`, `count(t.${column})::int`]),
  'COALESCE(sum(t.engagement), 0)',
  'count(t.engagement)::int',
].join(', ');

/**
 * Rebuilds every rollup row of the given (organisation, day) pairs ($1 uuid[], $2 date[]) from
 * target_results in one statement: the four groupings every target counts once in, and the total
 * (one pass, GROUPING SETS), then the audience groupings, where a target counts once per audience of
 * its post, or once with no audience.
 */
export const ROLLUP_INSERT_SQL = `
  WITH days AS (SELECT * FROM unnest($1::uuid[], $2::date[]) AS d (organization_id, published_on)),
  counted AS (
    SELECT r.organization_id, r.published_on, r.channel_id, p.theme_id, p.content_type_id, p.initiative_id, p.audience_ids, r.demo,
           ${METRIC_COLUMNS.map((column) => `${countedSql('r', column)} AS ${column}`).join(', ')},
           ${engagementSql('r')} AS engagement
      FROM days d
      JOIN target_results r ON r.organization_id = d.organization_id AND r.published_on = d.published_on
      JOIN posts p ON p.id = r.post_id
  )
  INSERT INTO report_rollups (organization_id, published_on, dimension, key, key2, ${AGGREGATE_COLUMNS.join(', ')})
  SELECT t.organization_id, t.published_on,
         CASE WHEN GROUPING(t.channel_id) = 0 THEN 'channel' WHEN GROUPING(t.theme_id) = 0 THEN 'theme'
              WHEN GROUPING(t.content_type_id) = 0 THEN 'contentType' WHEN GROUPING(t.initiative_id) = 0 THEN 'initiative' ELSE 'total' END,
         CASE WHEN GROUPING(t.channel_id) = 0 THEN t.channel_id WHEN GROUPING(t.theme_id) = 0 THEN t.theme_id
              WHEN GROUPING(t.content_type_id) = 0 THEN t.content_type_id WHEN GROUPING(t.initiative_id) = 0 THEN t.initiative_id END,
         NULL::uuid,
         ${AGGREGATES}
    FROM counted t
   GROUP BY t.organization_id, t.published_on, GROUPING SETS ((t.channel_id), (t.theme_id), (t.content_type_id), (t.initiative_id), ())
  UNION ALL
  SELECT t.organization_id, t.published_on,
         CASE WHEN GROUPING(t.content_type_id) = 0 THEN 'audienceContentType' ELSE 'audience' END,
         t.audience_id,
         CASE WHEN GROUPING(t.content_type_id) = 0 THEN t.content_type_id END,
         ${AGGREGATES}
    FROM (SELECT c.*, a.audience_id FROM counted c LEFT JOIN LATERAL unnest(c.audience_ids) AS a (audience_id) ON true) t
   GROUP BY t.organization_id, t.published_on, GROUPING SETS ((t.audience_id), (t.audience_id, t.content_type_id))`;

export interface RollupRefresh {
  /** (organisation, day) pairs rebuilt. */
  days: number;
  rounds: number;
}

/**
 * Brings the reports' rollups up to date: every (organisation, day) with a target whose numbers changed
 * (`target_results.rollup_pending`) or that lost a target (`report_stale_days`) is rebuilt from
 * target_results, and its marks cleared. Idempotent; safe with several processes (one advisory lock:
 * a second caller waits, then finds little or nothing left). Marks are cleared before the rebuild, in
 * the same transaction, so a number written meanwhile marks its day again rather than being lost.
 *
 * For the refresher's interval, for tests and for seeders that write target_results directly.
 */
export async function refreshRollups(db: DataSource | EntityManager, options: { daysPerRound?: number } = {}): Promise<RollupRefresh> {
  const daysPerRound = options.daysPerRound ?? DAYS_PER_ROUND;
  let days = 0;
  let rounds = 0;
  while (rounds < MAX_ROUNDS) {
    const rebuilt = await db.transaction((tx) => refreshRound(tx, daysPerRound));
    if (rebuilt === 0) break;
    days += rebuilt;
    rounds += 1;
  }
  return { days, rounds };
}

async function refreshRound(tx: EntityManager, daysPerRound: number): Promise<number> {
  await tx.query(`SELECT pg_advisory_xact_lock($1)`, [ROLLUP_LOCK]);
  const stale: Array<{ organization_id: string; published_on: string }> = await tx.query(
    `SELECT organization_id, published_on::text AS published_on
       FROM (SELECT DISTINCT organization_id, published_on FROM target_results WHERE rollup_pending
             UNION
             SELECT organization_id, published_on FROM report_stale_days) d
      ORDER BY organization_id, published_on
      LIMIT $1`,
    [daysPerRound],
  );
  if (stale.length === 0) return 0;
  const parameters = [stale.map((d) => d.organization_id), stale.map((d) => d.published_on)];
  const chosen = `(organization_id, published_on) IN (SELECT * FROM unnest($1::uuid[], $2::date[]))`;
  await tx.query(`UPDATE target_results SET rollup_pending = false WHERE rollup_pending AND ${chosen}`, parameters);
  await tx.query(`DELETE FROM report_stale_days WHERE ${chosen}`, parameters);
  await tx.query(`DELETE FROM report_rollups WHERE ${chosen}`, parameters);
  await tx.query(ROLLUP_INSERT_SQL, parameters);
  return stale.length;
}
