/**
 * Memoised wall-clock day schedules of one opening_hours value in one country.
 *
 * Evaluation is the expensive part of every service-hours check: the library re-derives its holiday
 * tables for every state it evaluates (~100 µs a day with "PH"). Two ways to do less of it:
 * - Values built only from weekdays, PH, clock times up to 24:00, off/closed/open/unknown and
 *   comments — nearly all real service hours — give the same day whenever the weekday, "is it a
 *   holiday" and "was yesterday a holiday" (a range can run past midnight) are the same. Such a value
 *   is evaluated once per signature: about a dozen days a year instead of 365.
 * - Anything else (months, dates, weeks, years, offsets …) is evaluated for real, a week per call.
 * The spec compares both paths day by day over two years.
 */
import type OpeningHours from 'opening_hours';

import type { Country } from '@kadens/shared/contracts';

import { fieldsOfDayNumber, isoWeekdayOfDayNumber, MINUTES_PER_DAY } from '../local-time/civil-date';
import { publicHolidayDays } from './holidays';
import { createOpeningHours, inWallClock, wallClockDate, wallMinuteOf } from './opening-hours-engine';

/** Staffed minutes of one local day: sorted, disjoint, half-open [start, end) in 0…1440. */
export type DayMinutes = ReadonlyArray<readonly [number, number]>;

const MAX_SOURCES = 256;
const MAX_DAYS_PER_SOURCE = 20_000;
const BATCH_DAYS = 7;
const NO_MINUTES: DayMinutes = [];
const WEEKLY_TOKENS = /^(?:\s+|Mo|Tu|We|Th|Fr|Sa|Su|PH|(?:[01]\d|2[0-3]):[0-5]\d|24:00|24\/7|off|closed|open|unknown|[-,;]|\|\|)+$/;

/** True when the value's day schedule depends only on weekday and (yesterday's and today's) holiday. */
export function isWeeklyValue(value: string): boolean {
  return WEEKLY_TOKENS.test(value.replace(/"[^"]*"/g, ' '));
}

export class DayScheduleSource {
  private readonly days = new Map<number, DayMinutes>();
  private readonly weeklyDays = new Map<number, DayMinutes>();
  private readonly bySignature = new Map<number, DayMinutes>();
  private readonly weekly: boolean;

  constructor(
    private readonly openingHours: OpeningHours,
    private readonly country: Country,
    value: string,
  ) {
    this.weekly = isWeeklyValue(value);
  }

  dayMinutes(dayNum: number): DayMinutes {
    if (!this.weekly) return this.evaluatedDay(dayNum);
    let minutes = this.weeklyDays.get(dayNum);
    if (!minutes) {
      if (this.weeklyDays.size >= MAX_DAYS_PER_SOURCE) this.weeklyDays.clear();
      minutes = this.weeklyDay(dayNum);
      this.weeklyDays.set(dayNum, minutes);
    }
    return minutes;
  }

  /** The library's own answer for the day, without the signature shortcut (the spec's reference). */
  evaluatedDay(dayNum: number): DayMinutes {
    let minutes = this.days.get(dayNum);
    if (!minutes) {
      if (this.days.size >= MAX_DAYS_PER_SOURCE) this.days.clear();
      const first = dayNum - (((dayNum % BATCH_DAYS) + BATCH_DAYS) % BATCH_DAYS);
      evaluate(this.openingHours, first, BATCH_DAYS).forEach((day, index) => this.days.set(first + index, day));
      minutes = this.days.get(dayNum) ?? NO_MINUTES;
    }
    return minutes;
  }

  private weeklyDay(dayNum: number): DayMinutes {
    const signature = isoWeekdayOfDayNumber(dayNum) * 4 + (this.isHoliday(dayNum - 1) ? 2 : 0) + (this.isHoliday(dayNum) ? 1 : 0);
    let minutes = this.bySignature.get(signature);
    if (!minutes) {
      minutes = evaluate(this.openingHours, dayNum, 1)[0] ?? NO_MINUTES;
      this.bySignature.set(signature, minutes);
    }
    return minutes;
  }

  private isHoliday(dayNum: number): boolean {
    return publicHolidayDays(this.country, fieldsOfDayNumber(dayNum).year).has(dayNum);
  }
}

/** Staffed minutes of `count` consecutive days from `firstDay`, in one library call. */
function evaluate(openingHours: OpeningHours, firstDay: number, count: number): Array<Array<[number, number]>> {
  const start = firstDay * MINUTES_PER_DAY;
  const intervals = inWallClock(() => openingHours.getOpenIntervals(wallClockDate(start), wallClockDate(start + count * MINUTES_PER_DAY)));
  const perDay: Array<Array<[number, number]>> = Array.from({ length: count }, () => []);
  // "unknown" (e.g. `"by appointment"`) is not staffed: a promise needs someone who is surely there.
  for (const [from, to, unknown] of intervals) {
    if (unknown) continue;
    const fromMinute = wallMinuteOf(from) - start;
    const toMinute = wallMinuteOf(to) - start;
    for (let day = Math.max(0, Math.floor(fromMinute / MINUTES_PER_DAY)); day < count && day * MINUTES_PER_DAY < toMinute; day++) {
      const dayFrom = Math.max(0, fromMinute - day * MINUTES_PER_DAY);
      const dayTo = Math.min(MINUTES_PER_DAY, toMinute - day * MINUTES_PER_DAY);
      if (dayFrom >= dayTo) continue;
      const list = perDay[day];
      if (list === undefined) continue;
      const last = list[list.length - 1];
      // The library splits intervals where only the comment changes; for staffing they are one.
      if (last && last[1] === dayFrom) last[1] = dayTo;
      else list.push([dayFrom, dayTo]);
    }
  }
  return perDay;
}

const sources = new Map<string, DayScheduleSource>();

/** Shared, memoised source for (value, country); throws the parser's message for a bad value. */
export function daySchedules(value: string, country: Country): DayScheduleSource {
  const key = `${country}\u0000${value}`;
  let source = sources.get(key);
  if (source) {
    sources.delete(key);
  } else {
    source = new DayScheduleSource(createOpeningHours(value, country), country, value);
    if (sources.size >= MAX_SOURCES) sources.delete(sources.keys().next().value as string);
  }
  sources.set(key, source); // re-inserted: Map order doubles as least-recently-used order
  return source;
}

/** Drops every memoised schedule (the benchmark measures a cold start with it). */
export function clearDayScheduleCache(): void {
  sources.clear();
}
