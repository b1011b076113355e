import { type Platform, RESULT_METRICS, type ReportPostRow, type ReportPostSort, type ResultNumbers } from '@kadens/shared/contracts';

import { countedSql, engagementSql, manualSql, METRIC_COLUMN, METRIC_COLUMNS } from '../rollups/report-numbers-sql';
import type { ReportPostsQueryDto } from '../report-query.dto';

export const DEFAULT_POSTS_LIMIT = 50;

const SORT_EXPRESSION: Readonly<Record<string, string>> = {
  engagement: engagementSql('r'),
  ...Object.fromEntries(RESULT_METRICS.map((metric) => [metric, countedSql('r', METRIC_COLUMN[metric])])),
};

/**
 * By publishing time: the day first, so that the (organisation, day) index yields the rows in order and a
 * page of the newest needs no sort of the whole range. By a number: unknown numbers sort last both ways,
 * so the bottom posts are the weakest known ones; ties newest first.
 */
function orderBy(sort: ReportPostSort): string {
  const descending = sort.startsWith('-');
  const direction = descending ? 'DESC' : 'ASC';
  const expression = SORT_EXPRESSION[descending ? sort.slice(1) : sort];
  if (expression === undefined) return `r.published_on ${direction}, r.published_at ${direction}, r.target_id ${direction}`;
  return `${expression} ${direction} NULLS LAST, r.published_at DESC, r.target_id`;
}

/** The WHERE clause and parameters of a query's filters ($1 organisation, $2 from, $3 to); whether posts must be joined. */
function filtersOf(organizationId: string, query: ReportPostsQueryDto): { where: string; parameters: unknown[]; needsPost: boolean } {
  const parameters: unknown[] = [organizationId, query.from, query.to];
  const conditions = ['r.organization_id = $1', 'r.published_on BETWEEN $2::date AND $3::date'];
  const add = (condition: (placeholder: string) => string, value: string | undefined) => {
    if (value === undefined) return;
    parameters.push(value);
    conditions.push(condition(`$${parameters.length}::uuid`));
  };
  add((p) => `r.channel_id = ${p}`, query.channelId);
  add((p) => `p.theme_id = ${p}`, query.themeId);
  add((p) => `p.content_type_id = ${p}`, query.contentTypeId);
  add((p) => `p.initiative_id = ${p}`, query.initiativeId);
  add((p) => `p.audience_ids @> ARRAY[${p}]`, query.audienceId);
  const needsPost = [query.themeId, query.contentTypeId, query.initiativeId, query.audienceId].some((value) => value !== undefined);
  return { where: conditions.join(' AND '), parameters, needsPost };
}

/**
 * One page of published targets (`limit` null: all of them, for the CSV), sorted. The page is chosen
 * from target_results alone (posts joined only to filter), then the names are joined to that page.
 */
export function reportPostsSql(
  organizationId: string,
  query: ReportPostsQueryDto,
  limit: number | null,
): { sql: string; parameters: unknown[] } {
  const { where, parameters, needsPost } = filtersOf(organizationId, query);
  const order = orderBy(query.sort ?? '-publishedAt');
  const postJoin = needsPost ? 'JOIN posts p ON p.id = r.post_id' : '';
  let page = '';
  if (limit !== null) {
    parameters.push(limit, query.offset ?? 0);
    page = `LIMIT $${parameters.length - 1} OFFSET $${parameters.length}`;
  }
  const sql = `
    WITH page AS MATERIALIZED (
      SELECT r.target_id FROM target_results r ${postJoin} WHERE ${where} ORDER BY ${order} ${page}
    )
    SELECT r.target_id, r.post_id, p.title, r.channel_id, c.name AS channel_name, c.platform, r.published_at, pt.external_url AS url,
           p.theme_id, th.name AS theme_name, p.content_type_id, ct.name AS content_type_name, p.audience_ids, p.initiative_id,
           ${METRIC_COLUMNS.map((column) => `${countedSql('r', column)}::float8 AS ${column}`).join(', ')},
           ${engagementSql('r')}::float8 AS engagement, r.collected_at, ${manualSql('r')} AS manual, r.demo
      FROM page
      JOIN target_results r ON r.target_id = page.target_id
      JOIN posts p ON p.id = r.post_id
      JOIN post_targets pt ON pt.id = r.target_id
      JOIN channels c ON c.id = r.channel_id
      JOIN themes th ON th.id = p.theme_id
      JOIN content_types ct ON ct.id = p.content_type_id
     ORDER BY ${order}`;
  return { sql, parameters };
}

/** How many targets the query matches, across pages. */
export function reportPostsCountSql(organizationId: string, query: ReportPostsQueryDto): { sql: string; parameters: unknown[] } {
  const { where, parameters, needsPost } = filtersOf(organizationId, query);
  return {
    sql: `SELECT count(*)::int AS total FROM target_results r ${needsPost ? 'JOIN posts p ON p.id = r.post_id' : ''} WHERE ${where}`,
    parameters,
  };
}

/** A row of reportPostsSql as pg returns it. */
export interface ReportPostRecord {
  target_id: string;
  post_id: string;
  title: string;
  channel_id: string;
  channel_name: string;
  platform: Platform;
  published_at: Date;
  url: string | null;
  theme_id: string;
  theme_name: string;
  content_type_id: string;
  content_type_name: string;
  audience_ids: string[];
  initiative_id: string | null;
  engagement: number | null;
  collected_at: Date | null;
  manual: boolean;
  demo: boolean;
  [column: string]: unknown;
}

export function reportPostRow(record: ReportPostRecord): ReportPostRow {
  const numbers: ResultNumbers = {};
  for (const metric of RESULT_METRICS) {
    const value = record[METRIC_COLUMN[metric]];
    if (typeof value === 'number') numbers[metric] = value;
  }
  return {
    targetId: record.target_id,
    postId: record.post_id,
    title: record.title,
    channelId: record.channel_id,
    channelName: record.channel_name,
    platform: record.platform,
    publishedAt: record.published_at.toISOString(),
    url: record.url,
    themeId: record.theme_id,
    themeName: record.theme_name,
    contentTypeId: record.content_type_id,
    contentTypeName: record.content_type_name,
    audienceIds: record.audience_ids,
    initiativeId: record.initiative_id,
    numbers,
    engagement: record.engagement,
    collectedAt: record.collected_at?.toISOString() ?? null,
    manual: record.manual,
    demo: record.demo,
  };
}
