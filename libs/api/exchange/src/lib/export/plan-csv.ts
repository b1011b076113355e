import { type Locale, PLAN_CSV_COLUMNS, type PlanCsvColumn } from '@kadens/shared/contracts';
import type { PlanRow } from '@kadens/api/posts';
import { stringify } from 'csv-stringify/sync';

import { EXPORT_HEADERS } from '../csv/plan-csv-columns';
import { wallClockIn } from '../csv/csv-values';

const YES: Readonly<Record<Locale, string>> = { nb: 'ja', da: 'ja', sv: 'ja', en: 'yes' };
const NO: Readonly<Record<Locale, string>> = { nb: 'nei', da: 'nej', sv: 'nej', en: 'no' };

/**
 * The plan as CSV, the columns the import reads (headers in the organisation's language), times as
 * the organisation's wall clock. `;`-separated with a UTF-8 BOM and CRLF: what Excel in Norway, Denmark
 * and Sweden opens with one double-click (there `,` is the decimal sign, and without the BOM Excel reads
 * æøå as Windows-1252). Google Sheets, Numbers and LibreOffice read it too, and the import sniffs `;`.
 */
export function planCsv(rows: readonly PlanRow[], locale: Locale, timeZone: string): string {
  const header = PLAN_CSV_COLUMNS.map((column) => EXPORT_HEADERS[locale][column]);
  const records = rows.map((row) => {
    const { date, time } = wallClockIn(row.planned_at, timeZone);
    const values: Record<PlanCsvColumn, string> = {
      date,
      time,
      channels: row.channels.join(', '),
      title: row.title,
      text: row.body,
      theme: row.theme,
      audience: row.audiences.join(', '),
      contentType: row.content_type,
      link: row.link ?? '',
      mediaUrl: row.media_urls.join(' '),
      altText: '',
      dialogue: row.invites_dialogue ? YES[locale] : NO[locale],
    };
    return PLAN_CSV_COLUMNS.map((column) => neutralized(values[column]));
  });
  return stringify([header, ...records], { delimiter: ';', bom: true, record_delimiter: 'windows', quoted_match: /^\s|\s$/ });
}

/**
 * A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR at the start) gets a leading
 * apostrophe-free guard: a space, which the import trims again. (OWASP "CSV injection".)
 */
function neutralized(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? ` ${value}` : value;
}
