import { RESULT_METRICS, type ReportPostRow } from '@kadens/shared/contracts';
import { formatClockTime, toLocalDateTime } from '@kadens/shared/rules';

/** The CSV's columns, headers in English; numbers plain (no grouping, no decimals), unknown numbers empty. */
export const REPORT_POSTS_CSV_HEADER = [
  'Published',
  'Channel',
  'Platform',
  'Title',
  'Theme',
  'Content type',
  'Audiences',
  'Initiative',
  'URL',
  'Views',
  'Reach',
  'Reactions',
  'Comments',
  'Shares',
  'Clicks',
  'Saves',
  'Video views',
  'Engagement',
  'Entered by hand',
  'Demo',
  'Collected at',
  'Target id',
  'Post id',
];

/** The same conventions as the plan export: `;`, a UTF-8 BOM and CRLF, which Excel in the Nordics opens with a double-click. */
export const REPORT_CSV_OPTIONS = { delimiter: ';', bom: true, record_delimiter: 'windows', quoted_match: /^\s|\s$/ } as const;

export interface CsvNames {
  timeZone: string;
  audiences: ReadonlyMap<string, string>;
  initiatives: ReadonlyMap<string, string>;
}

/** `2026-03-05 09:30`: the instant on the organisation's wall clock. */
function localTime(instant: string | null, timeZone: string): string {
  if (instant === null) return '';
  const local = toLocalDateTime(Date.parse(instant), timeZone);
  return `${local.date} ${formatClockTime(local.minuteOfDay)}`;
}

/**
 * A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR at the start) gets a leading
 * space, as the plan export does (OWASP "CSV injection"). Numbers are written by us and left alone.
 */
function neutralized(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? ` ${value}` : value;
}

export function reportPostCsvRecord(row: ReportPostRow, names: CsvNames): string[] {
  const number = (value: number | null | undefined) => (value === null || value === undefined ? '' : String(value));
  return [
    localTime(row.publishedAt, names.timeZone),
    neutralized(row.channelName),
    row.platform,
    neutralized(row.title),
    neutralized(row.themeName),
    neutralized(row.contentTypeName),
    neutralized(row.audienceIds.map((id) => names.audiences.get(id) ?? id).join(', ')),
    neutralized(row.initiativeId === null ? '' : (names.initiatives.get(row.initiativeId) ?? '')),
    neutralized(row.url ?? ''),
    ...RESULT_METRICS.map((metric) => number(row.numbers[metric])),
    number(row.engagement),
    row.manual ? 'yes' : 'no',
    row.demo ? 'yes' : 'no',
    localTime(row.collectedAt, names.timeZone),
    row.targetId,
    row.postId,
  ];
}
