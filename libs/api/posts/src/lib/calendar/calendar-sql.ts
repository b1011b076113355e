import type { CalendarQuery } from '@kadens/shared/contracts';

/**
 * The calendar's one query. PostgreSQL builds the JSON array itself, so the API passes the text through
 * without parsing and re-serialising thousands of entries. Filters are parameters (null = no filter),
 * so every request shares one plan. Exported for the benchmark, which sends the same SQL through `pg`.
 */
export const CALENDAR_SQL = `
SELECT COALESCE(json_agg(e ORDER BY e."plannedAt", e.id), '[]')::text AS body
  FROM (
    SELECT p.id, p.title,
           to_char(p.planned_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "plannedAt",
           p.state, p.theme_id AS "themeId", p.content_type_id AS "contentTypeId", p.initiative_id AS "initiativeId",
           p.invites_dialogue AS "invitesDialogue",
           COALESCE((SELECT json_agg(pa.audience_id) FROM post_audiences pa WHERE pa.post_id = p.id), '[]') AS "audienceIds",
           COALESCE((SELECT json_agg(json_build_object('id', t.id, 'channelId', t.channel_id, 'platform', c.platform, 'state', t.state))
                       FROM post_targets t JOIN channels c ON c.id = t.channel_id WHERE t.post_id = p.id), '[]') AS targets
      FROM posts p
     WHERE p.organization_id = $1
       AND p.planned_at >= $2 AND p.planned_at < $3
       AND ($4::uuid[] IS NULL OR p.theme_id = ANY($4))
       AND ($5::uuid[] IS NULL OR EXISTS (SELECT 1 FROM post_audiences pa WHERE pa.post_id = p.id AND pa.audience_id = ANY($5)))
       AND ($6::uuid[] IS NULL OR EXISTS (SELECT 1 FROM post_targets t WHERE t.post_id = p.id AND t.channel_id = ANY($6)))
       AND ($7::uuid[] IS NULL OR p.initiative_id = ANY($7))
       AND ($8::text[] IS NULL OR p.state = ANY($8))
  ) e`;

export function calendarParameters(organizationId: string, query: CalendarQuery): unknown[] {
  const list = (values: readonly string[] | undefined) => (values && values.length > 0 ? values : null);
  return [organizationId, query.from, query.to, list(query.themeIds), list(query.audienceIds), list(query.channelIds), list(query.initiativeIds), list(query.states)];
}
