/**
 * Public holidays: the `opening_hours` library's lists for NO, DK and SE, plus the three days Swedish
 * working-time and annual-leave law treat like a Sunday although they are not public holidays —
 * midsommarafton, julafton and nyårsafton. The library lacks them; without them a Swedish "PH off"
 * channel would be promised as staffed on midsommarafton, when almost nobody works.
 *
 * What the library knows, checked by the tests: NO incl. skjærtorsdag, 1 May, 17 May; DK incl.
 * Grundlovsdag and juleaftensdag, and *no* Store Bededag — right from 2024, when it was abolished,
 * wrong for 2023 and earlier (irrelevant to plans); SE incl. 6 June and midsommardagen (Saturday).
 */
import type OpeningHours from 'opening_hours';

import type { Country } from '@kadens/shared/contracts';

import {
  dateOfDayNumber,
  dayNumber,
  dayNumberOf,
  fieldsOfDayNumber,
  isoWeekdayOfDayNumber,
  MINUTES_PER_DAY,
} from '../local-time/civil-date';
import { createOpeningHours, inWallClock, wallClockDate, wallMinuteOf } from './opening-hours-engine';

export interface Holiday {
  /** Local date, YYYY-MM-DD. */
  date: string;
  /** Name in the country's language, as the library (or Kadens, for customary days) spells it. */
  name: string;
  /** 'public': a legal public holiday; 'customary': a day treated like one (see above). */
  kind: 'public' | 'customary';
}

/** The customary closed days Kadens adds for a country in a year (only Sweden has any). */
export function customaryClosedDays(country: Country, year: number): Holiday[] {
  if (country !== 'SE') return [];
  // Midsommarafton is the Friday between 19 and 25 June.
  const june19 = dayNumberOf({ year, month: 6, day: 19 });
  const midsummerEve = june19 + ((5 - isoWeekdayOfDayNumber(june19) + 7) % 7);
  return [
    { date: dateOfDayNumber(midsummerEve), name: 'midsommarafton', kind: 'customary' },
    { date: dateOfDayNumber(dayNumberOf({ year, month: 12, day: 24 })), name: 'julafton', kind: 'customary' },
    { date: dateOfDayNumber(dayNumberOf({ year, month: 12, day: 31 })), name: 'nyårsafton', kind: 'customary' },
  ];
}

const NOON = 12 * 60;
const customaryByYear = new Map<string, ReadonlySet<number>>();

export function isCustomaryClosedDay(country: Country, dayNum: number): boolean {
  const year = fieldsOfDayNumber(dayNum).year;
  const key = `${country}:${year}`;
  let days = customaryByYear.get(key);
  if (!days) {
    days = new Set(customaryClosedDays(country, year).map((holiday) => dayNumber(holiday.date)));
    customaryByYear.set(key, days);
  }
  return days.has(dayNum);
}

const holidayDaysByYear = new Map<string, ReadonlySet<number>>();
const holidayCalendars = new Map<Country, OpeningHours>();

/** Local day numbers of the library's public holidays ("PH") in a year; memoised. */
export function publicHolidayDays(country: Country, year: number): ReadonlySet<number> {
  const key = `${country}:${year}`;
  let days = holidayDaysByYear.get(key);
  if (!days) {
    const calendar = holidayCalendar(country);
    const first = dayNumberOf({ year, month: 1, day: 1 }) * MINUTES_PER_DAY;
    const last = dayNumberOf({ year: year + 1, month: 1, day: 1 }) * MINUTES_PER_DAY;
    const found = new Set<number>();
    const intervals = inWallClock(() => calendar.getOpenIntervals(wallClockDate(first), wallClockDate(last)));
    for (const [start, end] of intervals) {
      for (let minute = wallMinuteOf(start); minute < wallMinuteOf(end); minute += MINUTES_PER_DAY) {
        found.add(Math.floor(minute / MINUTES_PER_DAY));
      }
    }
    days = found;
    holidayDaysByYear.set(key, days);
  }
  return days;
}

/** The library's holiday list of a country, as an opening_hours value that is open exactly on them. */
function holidayCalendar(country: Country): OpeningHours {
  let calendar = holidayCalendars.get(country);
  if (!calendar) {
    calendar = createOpeningHours('PH', country);
    holidayCalendars.set(country, calendar);
  }
  return calendar;
}

export function clearHolidayCache(): void {
  holidayDaysByYear.clear();
  holidayCalendars.clear();
  customaryByYear.clear();
}

/**
 * Does this value close on public holidays? Only then do the customary days close too, so that the
 * value stays the single source of truth ("PH 10:00-12:00" keeps customary days ordinary days).
 * Recognises a rule selecting PH whose state is off/closed, e.g. "PH off", "Sa,Su,PH closed" — in any
 * case, since the library reads "ph off" as "PH off" too.
 */
export function closesOnPublicHolidays(openingHours: string): boolean {
  return /(?:^|[;|,\s])PH\b[^;|"\d]*\b(?:off|closed)\b/i.test(openingHours);
}

/** Holidays on local dates from `from` to `to` inclusive, in date order. */
export function publicHolidays(country: Country, from: string, to: string): Holiday[] {
  const first = dayNumber(from);
  const last = dayNumber(to);
  if (last < first) return [];
  const calendar = holidayCalendar(country);
  // The library names each holiday in the comment; neighbouring holidays may share one interval.
  const holidays: Holiday[] = inWallClock(() =>
    calendar
      .getOpenIntervals(wallClockDate(first * MINUTES_PER_DAY), wallClockDate((last + 1) * MINUTES_PER_DAY))
      .flatMap(([start, end]) => {
        const days: Holiday[] = [];
        const endDay = Math.ceil(wallMinuteOf(end) / MINUTES_PER_DAY);
        for (let day = Math.floor(wallMinuteOf(start) / MINUTES_PER_DAY); day < endDay; day++) {
          const name = calendar.getComment(wallClockDate(day * MINUTES_PER_DAY + NOON)) ?? '';
          if (day >= first && day <= last) days.push({ date: dateOfDayNumber(day), name, kind: 'public' });
        }
        return days;
      }),
  );
  const firstYear = Number(from.slice(0, 4));
  const lastYear = Number(to.slice(0, 4));
  for (let year = firstYear; year <= lastYear; year++) {
    for (const holiday of customaryClosedDays(country, year)) {
      const day = dayNumber(holiday.date);
      if (day >= first && day <= last && !holidays.some((known) => known.date === holiday.date)) holidays.push(holiday);
    }
  }
  return holidays.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
