import {
  addDays,
  dateOfDayNumber,
  dayNumber,
  dayNumberOf,
  daysInMonth,
  isCivilDate,
  isoWeekOf,
  formatIsoWeek,
  mondayOfDayNumber,
} from '../local-time';
import type { EffectPeriod } from '@kadens/shared/contracts';

/**
 * Reporting periods spelled the way people and the API say them (issue 13): a week '2026-W48', a month
 * '2026-11', a quarter '2026-Q4', a year '2026'. Each is a run of whole calendar days in the
 * organisation's time zone; `from` and `to` are inclusive dates (YYYY-MM-DD), never instants.
 */
export interface ReportPeriod {
  kind: EffectPeriod;
  /** The canonical spelling: '2026-W05', '2026-11', '2026-Q4', '2026'. */
  key: string;
  from: string;
  to: string;
}

const WEEK = /^(\d{4})-W(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;
const YEAR = /^(\d{4})$/;

/** The period a key names, or null when it names none (bad spelling, month 13, week 54). */
export function parseReportPeriod(key: string): ReportPeriod | null {
  let match = WEEK.exec(key);
  if (match) {
    const [year, week] = [Number(match[1]), Number(match[2])];
    // ISO week 1 holds 4 January.
    const firstMonday = mondayOfDayNumber(dayNumberOf({ year, month: 1, day: 4 }));
    const monday = firstMonday + (week - 1) * 7;
    if (week < 1 || isoWeekOf(dateOfDayNumber(monday)).isoYear !== year) return null;
    return { kind: 'week', key, from: dateOfDayNumber(monday), to: dateOfDayNumber(monday + 6) };
  }
  match = MONTH.exec(key);
  if (match) {
    const [year, month] = [Number(match[1]), Number(match[2])];
    if (month < 1 || month > 12) return null;
    return {
      kind: 'month',
      key,
      from: `${match[1]}-${match[2]}-01`,
      to: `${match[1]}-${match[2]}-${String(daysInMonth(year, month)).padStart(2, '0')}`,
    };
  }
  match = QUARTER.exec(key);
  if (match) {
    const [year, quarter] = [Number(match[1]), Number(match[2])];
    const firstMonth = (quarter - 1) * 3 + 1;
    const lastMonth = firstMonth + 2;
    return {
      kind: 'quarter',
      key,
      from: `${match[1]}-${String(firstMonth).padStart(2, '0')}-01`,
      to: `${match[1]}-${String(lastMonth).padStart(2, '0')}-${String(daysInMonth(year, lastMonth)).padStart(2, '0')}`,
    };
  }
  match = YEAR.exec(key);
  if (match) return { kind: 'year', key, from: `${match[1]}-01-01`, to: `${match[1]}-12-31` };
  return null;
}

/** The period of the given kind that holds a date (YYYY-MM-DD). */
export function reportPeriodOf(date: string, kind: EffectPeriod): ReportPeriod {
  if (!isCivilDate(date)) throw new RangeError(`Not a calendar date (YYYY-MM-DD): "${date}"`);
  const year = date.slice(0, 4);
  const month = Number(date.slice(5, 7));
  const key =
    kind === 'week'
      ? formatIsoWeek(isoWeekOf(date))
      : kind === 'month'
        ? date.slice(0, 7)
        : kind === 'quarter'
          ? `${year}-Q${Math.floor((month - 1) / 3) + 1}`
          : year;
  return parseReportPeriod(key) as ReportPeriod;
}

/** The period of the same kind just before this one (2026-01 → 2025-12; 2026-Q1 → 2025-Q4; 2026-W01 → 2025-W52). */
export function previousReportPeriod(period: ReportPeriod): ReportPeriod {
  return reportPeriodOf(addDays(period.from, -1), period.kind);
}

/** The run of days just before [from, to] with as many days: what "change against the previous period" compares with. */
export function previousRange(from: string, to: string): { from: string; to: string } {
  const days = dayNumber(to) - dayNumber(from) + 1;
  return { from: addDays(from, -days), to: addDays(from, -1) };
}
