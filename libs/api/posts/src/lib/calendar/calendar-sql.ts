import type { CalendarQuery } from '@kadens/shared/contracts';

/**
 * Calendar entries up to this many bytes are carried in the covering index; larger ones are read from
 * the table. Must equal the bound the migrations CalendarCoveringIndex and CalendarLargeEntryIndex wrote
 * into their partial indexes (calendar-entry.integration.spec.ts reads it back from pg_indexes).
 */
export const CALENDAR_INDEXED_ENTRY_BYTES = 2200;

const FILTERS = `
       p.organization_id = $1
   AND p.planned_at >= $2 AND p.planned_at < $3
   AND ($4::uuid[] IS NULL OR p.theme_id = ANY($4))
   AND ($5::uuid[] IS NULL OR p.audience_ids && $5)
   AND ($6::uuid[] IS NULL OR p.channel_ids && $6)
   AND ($7::uuid[] IS NULL OR p.initiative_id = ANY($7))
   AND ($8::text[] IS NULL OR p.state = ANY($8))`;

/** The calendar's filters ($1 organisation, $2–$3 range, $4–$8 lists; `calendarParameters`) for other reads of the same posts (PostsReader.planRows). */
export const CALENDAR_FILTERS = FILTERS;

// Each must match its partial index's predicate (migrations CalendarCoveringIndex, CalendarLargeEntryIndex) to the letter.
const INDEXED = `octet_length(p.calendar_entry) <= ${CALENDAR_INDEXED_ENTRY_BYTES}`;
const LARGE = `octet_length(p.calendar_entry) > ${CALENDAR_INDEXED_ENTRY_BYTES}`;

/** One piece of the answer: a day's worth of seconds from the range's start (not a calendar day). */
const PIECE = `p.planned_at >= $2::timestamptz + make_interval(secs => d.n * 86400) AND p.planned_at < $2::timestamptz + make_interval(secs => (d.n + 1) * 86400)`;

/**
 * The calendar's one query: concatenates each post's ready calendar entry (JSON text kept on the row by
 * triggers: migrations CalendarColumns and CalendarEntry), so neither PostgreSQL nor the API builds or
 * re-serialises thousands of entries per request. Entries small enough for the covering index are read
 * from it alone (an index-only scan); the few larger ones from the table. Filters are parameters (null =
 * no filter).
 *
 * The range is answered in pieces of 24 hours from its start, one row each (`n` = 0, 1, …; `body` null
 * for a piece without posts), each piece its own short index range scan: PostgreSQL sends the first
 * pieces while it still reads the last — no sort of the whole range, no megabyte-long string — and the API
 * sends (and compresses) them as they arrive. The JSON array is `[` + the bodies joined by `,` + `]`
 * (`calendarJson`). Exported for the benchmark, which sends the same SQL through `pg`.
 */
export const CALENDAR_SQL = `
SELECT d.n,
       (SELECT string_agg(e.entry, ',' ORDER BY e.planned_at, e.id)
          FROM (SELECT p.planned_at, p.id, p.calendar_entry AS entry FROM posts p WHERE ${FILTERS} AND ${INDEXED} AND ${PIECE}
                UNION ALL
                SELECT p.planned_at, p.id, p.calendar_entry FROM posts p WHERE ${FILTERS} AND ${LARGE} AND ${PIECE}) e) AS body
  FROM generate_series(0, ceil(extract(epoch FROM $3::timestamptz - $2::timestamptz) / 86400)::int - 1) AS d (n)`;

/** A row of CALENDAR_SQL: the piece's number and its entries, comma-separated (null without posts). */
export interface CalendarPiece {
  n: number;
  body: string | null;
}

/** The calendar's JSON array from the rows of CALENDAR_SQL (in the order of `n`). */
export function calendarJson(rows: readonly CalendarPiece[]): string {
  return `[${[...rows]
    .sort((a, b) => a.n - b.n)
    .flatMap((row) => (row.body === null ? [] : [row.body]))
    .join(',')}]`;
}

export function calendarParameters(organizationId: string, query: CalendarQuery): unknown[] {
  const list = (values: readonly string[] | undefined) => (values && values.length > 0 ? values : null);
  return [
    organizationId,
    query.from,
    query.to,
    list(query.themeIds),
    list(query.audienceIds),
    list(query.channelIds),
    list(query.initiativeIds),
    list(query.states),
  ];
}
