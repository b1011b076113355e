/**
 * Service hours in words for the people who write them: the coming week day by day, and the regular
 * week in one line ("Mon–Fri 09–12"). Computed with the rules the API enforces (ServiceCalendar, in the
 * organisation's zone with its country's holidays), so the preview is what the plan is held to.
 */
import type { ClosedPeriod, ServiceHours } from '@kadens/shared/contracts';
import {
  dateOfDayNumber,
  type DayMinutes,
  formatClockTime,
  isoWeekdayOfDayNumber,
  localDayNumber,
  publicHolidays,
  ServiceCalendar,
  type ServiceContext,
} from '@kadens/shared/rules';

export interface StaffedDay {
  /** Local date, YYYY-MM-DD. */
  date: string;
  /** 1 = Monday … 7 = Sunday. */
  isoWeekday: number;
  minutes: DayMinutes;
  /** The public holiday on this day, by the name the country gives it. */
  holiday: string | null;
  /** The closed period this day falls in. */
  closedPeriod: ClosedPeriod | null;
}

const WEEKS_FOR_REGULAR_HOURS = 5;

/** "09:00–12:00, 13:00–15:00"; compact drops whole hours' minutes: "09–12, 13–15". */
export function formatDayMinutes(minutes: DayMinutes, compact = false): string {
  const time = (minute: number) => (compact && minute % 60 === 0 ? formatClockTime(minute).slice(0, 2) : formatClockTime(minute));
  return minutes.map(([start, end]) => `${time(start)}–${time(end)}`).join(', ');
}

/** The language's name for an ISO weekday (1 = Monday). */
export function weekdayName(isoWeekday: number, language: string, width: 'short' | 'long' = 'short'): string {
  // 1 January 2024 was a Monday.
  return new Intl.DateTimeFormat(language, { weekday: width, timeZone: 'UTC' }).format(Date.UTC(2024, 0, isoWeekday));
}

/** Weekdays with runs joined: [1, 2, 3, 4, 5] → "Mon–Fri", [2, 4] → "Tue, Thu". */
export function describeWeekdays(isoWeekdays: readonly number[], language: string): string {
  const days = [...new Set(isoWeekdays)].sort((a, b) => a - b);
  const runs: Array<[number, number]> = [];
  for (const day of days) {
    const last = runs[runs.length - 1];
    if (last && day === last[1] + 1) last[1] = day;
    else runs.push([day, day]);
  }
  return runs
    .map(([first, last]) => {
      if (first === last) return weekdayName(first, language);
      const joiner = last === first + 1 ? ', ' : '–';
      return `${weekdayName(first, language)}${joiner}${weekdayName(last, language)}`;
    })
    .join(', ');
}

/** The seven local days from today, as the channel will be staffed on them. */
export function comingWeek(hours: ServiceHours, context: ServiceContext, nowMs: number): StaffedDay[] {
  const calendar = new ServiceCalendar(hours, context);
  const today = localDayNumber(nowMs, context.timeZone);
  const first = dateOfDayNumber(today);
  const holidays = new Map(publicHolidays(context.country, first, dateOfDayNumber(today + 6)).map((day) => [day.date, day.name]));
  return Array.from({ length: 7 }, (_, offset) => {
    const dayNum = today + offset;
    const date = dateOfDayNumber(dayNum);
    return {
      date,
      isoWeekday: isoWeekdayOfDayNumber(dayNum),
      minutes: calendar.dayMinutes(dayNum),
      holiday: holidays.get(date) ?? null,
      closedPeriod: hours.closedPeriods.find((period) => period.start <= date && date <= period.end) ?? null,
    };
  });
}

/**
 * The regular week in one line, "Mon–Fri 09–12, Sat 10–14": each weekday's most common hours over the
 * coming weeks, so a holiday or a closed period does not stand in for the rule. Empty when never staffed.
 */
export function describeRegularWeek(openingHours: string, context: ServiceContext, nowMs: number, language: string): string {
  const calendar = new ServiceCalendar({ openingHours, responseWindowMinutes: 0, closedPeriods: [] }, context);
  const today = localDayNumber(nowMs, context.timeZone);
  const usual = new Map<number, string>();
  for (let isoWeekday = 1; isoWeekday <= 7; isoWeekday++) {
    const firstDay = today + ((isoWeekday - isoWeekdayOfDayNumber(today) + 7) % 7);
    const counts = new Map<string, number>();
    for (let week = 0; week < WEEKS_FOR_REGULAR_HOURS; week++) {
      const text = formatDayMinutes(calendar.dayMinutes(firstDay + 7 * week), true);
      counts.set(text, (counts.get(text) ?? 0) + 1);
    }
    const [mostCommon] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? [''];
    usual.set(isoWeekday, mostCommon);
  }
  // Weekdays with the same hours read together, in the order of their first day.
  const daysByHours = new Map<string, number[]>();
  for (const [isoWeekday, text] of usual) {
    if (text !== '') daysByHours.set(text, [...(daysByHours.get(text) ?? []), isoWeekday]);
  }
  return [...daysByHours].map(([text, days]) => `${describeWeekdays(days, language)} ${text}`).join(', ');
}
