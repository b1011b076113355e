import type { ClosedPeriod, Country, PublicWeekday } from '@kadens/shared/contracts';
import { publicHolidays, type ServiceCalendar, startOfLocalDay, toLocalDateTime } from '@kadens/shared/rules';

const DAY_MS = 86_400_000;

function hhmm(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

/**
 * An ordinary week of the channel's hours, read off the coming weeks: for each weekday, its first
 * occurrence that is neither a public holiday nor inside a closed period.
 */
export function ordinaryWeek(
  calendar: ServiceCalendar,
  nowMs: number,
  zone: string,
  country: Country,
  closedPeriods: readonly ClosedPeriod[],
): PublicWeekday[] {
  const today = toLocalDateTime(nowMs, zone);
  const horizonDays = 42;
  const last = toLocalDateTime(nowMs + horizonDays * DAY_MS, zone).date;
  const holidays = new Set(publicHolidays(country, today.date, last).map((holiday) => holiday.date));
  const closed = (date: string) => holidays.has(date) || closedPeriods.some((period) => period.start <= date && date <= period.end);
  const week = new Map<number, PublicWeekday>();
  // Stepping from local noon, a DST shift of an hour can never skip or repeat a date.
  const noon = startOfLocalDay(today.dayNumber, zone) + DAY_MS / 2;
  for (let offset = 0; offset < horizonDays && week.size < 7; offset++) {
    const day = toLocalDateTime(noon + offset * DAY_MS, zone);
    if (week.has(day.weekday) || closed(day.date)) continue;
    week.set(day.weekday, {
      weekday: day.weekday,
      intervals: calendar.dayMinutes(day.dayNumber).map(([start, end]) => ({ start: hhmm(start), end: hhmm(end) })),
    });
  }
  return [...week.values()].sort((a, b) => a.weekday - b.weekday);
}
