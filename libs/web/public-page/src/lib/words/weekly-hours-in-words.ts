import type { Locale, PublicWeekday } from '@kadens/shared/contracts';

import { formatClockInterval } from './clock-time';
import { weekdayName } from './dates-in-words';
import { capitalize, INTL_LOCALES } from './intl-locale';

/**
 * Which sentence a line of hours is: the translation key under `public.hours`, with `days` and
 * `times` to fill it ("{{days}} kl. {{times}}" in Danish).
 */
export type HoursLineKey = 'open' | 'openEveryDay' | 'aroundTheClock' | 'aroundTheClockEveryDay' | 'closed';

interface HoursLine {
  key: HoursLineKey;
  /** "Mandag–fredag", "Lørdag og søndag", "Tirsdag"; empty for the every-day sentences. */
  days: string;
  /** "09.00–12.00 og 13.00–15.00"; empty for closed and around-the-clock days. */
  times: string;
}

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

type Intervals = PublicWeekday['intervals'];

/**
 * An ordinary week in words, one line per run of consecutive days with the same hours, Monday first:
 * "Mandag–fredag 09.00–12.00", "Lørdag og søndag stengt". No lines at all when the channel is never
 * staffed. A weekday the API leaves out counts as closed.
 */
export function describeWeeklyHours(week: readonly PublicWeekday[], locale: Locale): HoursLine[] {
  const intervalsOf = (weekday: number): Intervals => week.find((day) => day.weekday === weekday)?.intervals ?? [];
  const runs: Array<{ first: number; last: number; intervals: Intervals }> = [];
  for (const weekday of WEEKDAYS) {
    const intervals = intervalsOf(weekday);
    const previous = runs.at(-1);
    if (previous && sameIntervals(previous.intervals, intervals)) previous.last = weekday;
    else runs.push({ first: weekday, last: weekday, intervals });
  }
  if (runs.every((run) => run.intervals.length === 0)) return [];
  return runs.map(({ first, last, intervals }) => {
    const everyDay = first === 1 && last === 7;
    const days = everyDay ? '' : describeDays(first, last, locale);
    if (intervals.length === 0) return { key: 'closed', days, times: '' };
    if (isAroundTheClock(intervals)) return { key: everyDay ? 'aroundTheClockEveryDay' : 'aroundTheClock', days, times: '' };
    const times = new Intl.ListFormat(INTL_LOCALES[locale], { type: 'conjunction' }).format(
      intervals.map((interval) => formatClockInterval(interval, locale)),
    );
    return { key: everyDay ? 'openEveryDay' : 'open', days, times };
  });
}

/** "Mandag", "Lørdag og søndag", "Mandag–fredag". */
function describeDays(first: number, last: number, locale: Locale): string {
  if (first === last) return capitalize(weekdayName(first, locale), locale);
  if (last === first + 1) {
    const pair = new Intl.ListFormat(INTL_LOCALES[locale], { type: 'conjunction' }).format([
      weekdayName(first, locale),
      weekdayName(last, locale),
    ]);
    return capitalize(pair, locale);
  }
  return `${capitalize(weekdayName(first, locale), locale)}–${weekdayName(last, locale)}`;
}

function sameIntervals(a: Intervals, b: Intervals): boolean {
  return a.length === b.length && a.every((interval, index) => interval.start === b[index]?.start && interval.end === b[index]?.end);
}

function isAroundTheClock(intervals: Intervals): boolean {
  return intervals.length === 1 && intervals[0]?.start === '00:00' && intervals[0]?.end === '24:00';
}
