import { daysInMonth, formatClockTime, formatCivilDate, localToInstant, toLocalDateTime } from '@kadens/shared/rules';

export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

/**
 * A date as people type it in the Nordics or as ISO: `2027-01-05`, `05.01.2027`, `5.1.27`, `05/01/2027`,
 * `5/1-2027` — day before month in every Nordic form. Two-digit years are 20xx. Null when unreadable
 * or not a real day (31.02.).
 */
export function parseCivilDate(value: string): CivilDate | null {
  const text = value.trim();
  let parts: [number, number, number] | null = null;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (iso) parts = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  const nordic = /^(\d{1,2})[./-](\d{1,2})[./-](\d{2}|\d{4})\.?$/.exec(text) ?? /^(\d{1,2})\/(\d{1,2})-(\d{2}|\d{4})$/.exec(text);
  if (!parts && nordic) {
    const year = Number(nordic[3]);
    parts = [nordic[3]?.length === 2 ? 2000 + year : year, Number(nordic[2]), Number(nordic[1])];
  }
  if (!parts) return null;
  const [year, month, day] = parts;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

/** `09:30`, `9.30`, `kl. 9`, `0930`, `09:30:00` → minutes after midnight; null when unreadable. */
export function parseWallTime(value: string): { hour: number; minute: number } | null {
  const text = value
    .trim()
    .toLowerCase()
    .replace(/^kl\.?\s*/, '');
  const match = /^(\d{1,2})(?:[:.](\d{2})(?:[:.]\d{2})?)?$/.exec(text) ?? /^(\d{2})(\d{2})$/.exec(text);
  if (!match) return null;
  const hour = Number(match[1]);
  const minute = Number(match[2] ?? 0);
  if (hour > 23 || minute > 59) return null;
  return { hour, minute };
}

/**
 * The instant a wall-clock time names in the organisation's IANA zone, by the rules' own zone code
 * (a time in the spring gap moves forward by the gap, an autumn repeat takes the earlier instant).
 */
export function instantInZone(date: CivilDate, time: { hour: number; minute: number }, timeZone: string): string {
  return new Date(localToInstant(formatCivilDate(date), formatClockTime(time.hour * 60 + time.minute), timeZone)).toISOString();
}

/** The date (`2027-01-05`) and time (`09:30`) an instant shows in the zone: what an export writes. */
export function wallClockIn(instant: Date, timeZone: string): { date: string; time: string } {
  const local = toLocalDateTime(instant.getTime(), timeZone);
  return { date: local.date, time: formatClockTime(local.minuteOfDay) };
}

const TRUE = new Set(['ja', 'yes', 'true', 'y', 'j', '1', 'x', 'sant', 'sand']);
const FALSE = new Set(['nei', 'nej', 'no', 'false', 'n', '0', '', 'usant', 'falsk', 'falskt']);

/** ja/nei, ja/nej, yes/no, true/false, 1/0, x/empty; null when it is none of them. */
export function parseYesNo(value: string): boolean | null {
  const text = value.trim().toLowerCase();
  if (TRUE.has(text)) return true;
  if (FALSE.has(text)) return false;
  return null;
}

/** A cell listing names: split on commas, semicolons, vertical bars or line breaks; blanks dropped. */
export function splitNames(value: string): string[] {
  return value
    .split(/[,;|\r\n]+/)
    .map((name) => name.trim())
    .filter((name) => name !== '');
}

/** A cell listing URLs: split on white space, semicolons, vertical bars, or a comma before the next `http`. */
export function splitUrls(value: string): string[] {
  return value
    .split(/[\s;|]+|,(?=\s*https?:)/i)
    .map((url) => url.trim())
    .filter((url) => url !== '');
}

/** Names compared as people mean them: case, spacing and Unicode form ignored. */
export function nameKey(name: string): string {
  return name.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
}
