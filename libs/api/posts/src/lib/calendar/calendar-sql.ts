import type { CalendarQuery } from '@kadens/shared/contracts';

/**
 * The calendar's one query: an index range scan over posts that concatenates each post's ready
 * calendar entry (JSON text kept on the row by triggers: migrations CalendarColumns and CalendarEntry),
 * so neither PostgreSQL nor the API builds or re-serialises thousands of entries per request. Filters are parameters (null = no filter). Exported for the benchmark, which sends the same
 * SQL through `pg`.
 */
export const CALENDAR_SQL = `
SELECT '[' || COALESCE(string_agg(p.calendar_entry, ',' ORDER BY p.planned_at, p.id), '') || ']' AS body
  FROM posts p
 WHERE p.organization_id = $1
   AND p.planned_at >= $2 AND p.planned_at < $3
   AND ($4::uuid[] IS NULL OR p.theme_id = ANY($4))
   AND ($5::uuid[] IS NULL OR p.audience_ids && $5)
   AND ($6::uuid[] IS NULL OR p.channel_ids && $6)
   AND ($7::uuid[] IS NULL OR p.initiative_id = ANY($7))
   AND ($8::text[] IS NULL OR p.state = ANY($8))`;

export function calendarParameters(organizationId: string, query: CalendarQuery): unknown[] {
  const list = (values: readonly string[] | undefined) => (values && values.length > 0 ? values : null);
  return [organizationId, query.from, query.to, list(query.themeIds), list(query.audienceIds), list(query.channelIds), list(query.initiativeIds), list(query.states)];
}
