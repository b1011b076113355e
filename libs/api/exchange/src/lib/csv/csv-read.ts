import { parse } from 'csv-parse/sync';

export type Delimiter = ',' | ';' | '\t';

/**
 * The delimiter of the first line, counted outside quotes: Nordic Excel writes `;` (the comma is the
 * decimal sign there), others `,`, and pasted spreadsheets tabs. A tie goes to `;`, then `,`.
 */
export function sniffDelimiter(text: string): Delimiter {
  const counts: Record<Delimiter, number> = { ';': 0, ',': 0, '\t': 0 };
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && (char === ';' || char === ',' || char === '\t')) counts[char] += 1;
  }
  const order: Delimiter[] = [';', ',', '\t'];
  return order.reduce((best, candidate) => (counts[candidate] > counts[best] ? candidate : best), ';');
}

export class CsvUnreadable extends Error {}

/**
 * The file's records as strings (the header first), with csv-parse: RFC 4180 quoting, line breaks
 * inside quotes, a UTF-8 BOM skipped, empty lines dropped, rows of any width kept (the caller names a
 * missing cell). Bytes that are not UTF-8 are refused rather than guessed at.
 */
export function readCsv(bytes: Buffer): { delimiter: Delimiter; records: string[][] } {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new CsvUnreadable('not_utf8');
  }
  const delimiter = sniffDelimiter(text.replace(/^\uFEFF/, ''));
  try {
    const records: string[][] = parse(text, {
      bom: true,
      delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
    });
    return { delimiter, records };
  } catch (error) {
    throw new CsvUnreadable(error instanceof Error ? error.message : 'unreadable');
  }
}
