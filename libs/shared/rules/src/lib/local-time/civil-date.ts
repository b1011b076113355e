/**
 * Calendar arithmetic on plain dates (no time zone, no clock). A date is a 'YYYY-MM-DD' string at the
 * edges and a day number (days since 1970-01-01) inside, because integers make day loops, differences
 * and week maths trivial and can never be shifted by a time zone.
 */

export const MINUTES_PER_DAY = 1440;
export const MS_PER_MINUTE = 60_000;
export const MS_PER_DAY = 86_400_000;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const CLOCK_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;

export interface CivilFields {
  year: number;
  month: number;
  day: number;
}

/** ISO 8601 week: weeks start on Monday and belong to the year of their Thursday. */
export interface IsoWeek {
  isoYear: number;
  week: number;
}

export function isCivilDate(value: string): boolean {
  const match = DATE_PATTERN.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function parseCivilDate(value: string): CivilFields {
  if (!isCivilDate(value)) throw new RangeError(`Not a calendar date (YYYY-MM-DD): "${value}"`);
  return { year: Number(value.slice(0, 4)), month: Number(value.slice(5, 7)), day: Number(value.slice(8, 10)) };
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function dayNumberOf(fields: CivilFields): number {
  const utc = new Date(0);
  // setUTCFullYear avoids Date.UTC's "years 0–99 mean 1900–1999" quirk.
  utc.setUTCFullYear(fields.year, fields.month - 1, fields.day);
  return Math.floor(utc.getTime() / MS_PER_DAY);
}

export function dayNumber(date: string): number {
  return dayNumberOf(parseCivilDate(date));
}

export function fieldsOfDayNumber(dayNum: number): CivilFields {
  const utc = new Date(dayNum * MS_PER_DAY);
  return { year: utc.getUTCFullYear(), month: utc.getUTCMonth() + 1, day: utc.getUTCDate() };
}

export function formatCivilDate(fields: CivilFields): string {
  const year = String(fields.year).padStart(4, '0');
  return `${year}-${pad2(fields.month)}-${pad2(fields.day)}`;
}

export function dateOfDayNumber(dayNum: number): string {
  return formatCivilDate(fieldsOfDayNumber(dayNum));
}

export function addDays(date: string, days: number): string {
  return dateOfDayNumber(dayNumber(date) + days);
}

/** 1 = Monday … 7 = Sunday (ISO). Day 0, 1970-01-01, was a Thursday. */
export function isoWeekdayOfDayNumber(dayNum: number): number {
  return ((((dayNum + 3) % 7) + 7) % 7) + 1;
}

export function isoWeekOfDayNumber(dayNum: number): IsoWeek {
  const thursday = dayNum - isoWeekdayOfDayNumber(dayNum) + 4;
  const isoYear = fieldsOfDayNumber(thursday).year;
  const week = Math.floor((thursday - dayNumberOf({ year: isoYear, month: 1, day: 1 })) / 7) + 1;
  return { isoYear, week };
}

export function isoWeekOf(date: string): IsoWeek {
  return isoWeekOfDayNumber(dayNumber(date));
}

/** "2026-W53": sortable, and the form ISO 8601 and HTML week inputs use. */
export function formatIsoWeek(week: IsoWeek): string {
  return `${String(week.isoYear).padStart(4, '0')}-W${pad2(week.week)}`;
}

export function mondayOfDayNumber(dayNum: number): number {
  return dayNum - isoWeekdayOfDayNumber(dayNum) + 1;
}

export function isClockTime(value: string): boolean {
  return CLOCK_PATTERN.test(value);
}

/** "HH:MM" (00:00–23:59) → minutes after local midnight. */
export function parseClockTime(value: string): number {
  const match = CLOCK_PATTERN.exec(value);
  if (!match) throw new RangeError(`Not a clock time (HH:MM): "${value}"`);
  return Number(match[1]) * 60 + Number(match[2]);
}

export function formatClockTime(minuteOfDay: number): string {
  return `${pad2(Math.floor(minuteOfDay / 60))}:${pad2(minuteOfDay % 60)}`;
}

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}
