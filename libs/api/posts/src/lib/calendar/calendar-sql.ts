import type { CalendarQuery } from '@kadens/shared/contracts';

/**
 * The calendar's one query: an index range scan over posts, whose audience ids, channel ids and
 * targets are kept on the row by triggers (migration CalendarColumns). PostgreSQL builds the JSON
 * array itself, so the API passes the text through without parsing and re-serialising thousands of
 * entries. Filters are parameters (null = no filter). Exported for the benchmark, which sends the same
 * SQL through `pg`.
 */
export const CALENDAR_SQL = `
SELECT COALESCE(json_agg(json_build_object(
         'id', p.id, 'title', p.title,
         'plannedAt', to_char(p.planned_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
         'state', p.state, 'themeId', p.theme_id, 'contentTypeId', p.content_type_id, 'initiativeId', p.initiative_id,
         'invitesDialogue', p.invites_dialogue, 'audienceIds', p.audience_ids, 'targets', p.calendar_targets
       ) ORDER BY p.planned_at, p.id), '[]')::text AS body
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
