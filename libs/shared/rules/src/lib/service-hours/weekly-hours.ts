/**
 * Service hours as a plain week — each weekday with zero or more time ranges, and whether public
 * holidays are closed — converted to and from the `opening_hours` value the API and the rules keep
 * using. The week is what people edit; the value stays the single source of truth.
 *
 * Only what a week can say is read: weekdays, clock times within a day, `off`/`closed`/`open`, `24/7`
 * and `PH off`. Anything else (months, dates, week numbers, comments, times past midnight, fallback
 * rules …) is refused with a reason rather than read approximately, so nothing is lost by editing.
 * The spec checks both directions against the library's own evaluation.
 *
 * The days have the shape the public page's `PublicWeekday` has, so what describes one describes the other.
 */
import type { PublicWeekday } from '@kadens/shared/contracts';

import { createOpeningHours } from './opening-hours-engine';

/** A range of one day, local wall clock "HH:MM"; the end is exclusive and may be "24:00". */
export type WeeklyTimeRange = PublicWeekday['intervals'][number];
/** One weekday (ISO: 1 = Monday … 7 = Sunday) and its ranges. */
export type WeeklyDay = PublicWeekday;

export interface WeeklyHours {
  /** Monday first; a weekday left out is closed. */
  days: WeeklyDay[];
  /** `PH off`: closed on the country's public holidays (and, in Sweden, its customary closed days). */
  closedOnPublicHolidays: boolean;
}

/** Why a range cannot be written: not a time, not ending after it starts, or overlapping an earlier range. */
export type WeeklyHoursProblemCode = 'invalid_time' | 'end_not_after_start' | 'overlaps';

export interface WeeklyHoursProblem {
  weekday: number;
  /** The range's position in the day as given. */
  index: number;
  field: 'start' | 'end';
  code: WeeklyHoursProblemCode;
  /** For `overlaps`: the earlier range of the same day. */
  other?: WeeklyTimeRange;
}

/** Why a value cannot be edited as a week (`empty`: there is no value). */
export type WeeklyHoursUnreadable = 'empty' | 'invalid' | 'past_midnight' | 'beyond_weekly';

export type WeeklyHoursReading = { ok: true; hours: WeeklyHours } | { ok: false; reason: WeeklyHoursUnreadable };

export class WeeklyHoursError extends RangeError {
  constructor(readonly problems: readonly WeeklyHoursProblem[]) {
    super(
      `Weekly hours cannot be written: ${problems.map((problem) => `${problem.code} (day ${problem.weekday}, range ${problem.index + 1})`).join(', ')}`,
    );
  }
}

export const ISO_WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
const DAY_CODES = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'] as const;
const DAY_END = 24 * 60;
const START_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;
const END_PATTERN = /^(?:([01]\d|2[0-3]):([0-5]\d)|(24):(00))$/;

/** A week without hours, closed on public holidays unless told otherwise. */
export function emptyWeeklyHours(closedOnPublicHolidays = true): WeeklyHours {
  return { days: ISO_WEEKDAYS.map((weekday) => ({ weekday, intervals: [] })), closedOnPublicHolidays };
}

/** Minutes after midnight of "HH:MM" (a start: up to 23:59; an end: up to 24:00), or null. */
export function minuteOfClock(value: string, role: 'start' | 'end'): number | null {
  const match = (role === 'start' ? START_PATTERN : END_PATTERN).exec(value);
  if (!match) return null;
  const [hours, minutes] = match[1] !== undefined ? [match[1], match[2]] : [match[3], match[4]];
  return Number(hours) * 60 + Number(minutes);
}

/** The problems of one day's ranges, in the order given; an overlap is reported on the later range's start. */
export function dayRangeProblems(weekday: number, intervals: readonly WeeklyTimeRange[]): WeeklyHoursProblem[] {
  const problems: WeeklyHoursProblem[] = [];
  const readable: Array<{ range: WeeklyTimeRange; from: number; to: number }> = [];
  intervals.forEach((range, index) => {
    const from = minuteOfClock(range.start, 'start');
    const to = minuteOfClock(range.end, 'end');
    if (from === null) problems.push({ weekday, index, field: 'start', code: 'invalid_time' });
    if (to === null) problems.push({ weekday, index, field: 'end', code: 'invalid_time' });
    if (from === null || to === null) return;
    if (to <= from) {
      problems.push({ weekday, index, field: 'end', code: 'end_not_after_start' });
      return;
    }
    const earlier = readable.find((other) => from < other.to && other.from < to);
    if (earlier) problems.push({ weekday, index, field: 'start', code: 'overlaps', other: earlier.range });
    readable.push({ range, from, to });
  });
  return problems;
}

export function weeklyHoursProblems(hours: WeeklyHours): WeeklyHoursProblem[] {
  return hours.days.flatMap((day) => dayRangeProblems(day.weekday, day.intervals));
}

/**
 * The week as an opening_hours value in the library's own spelling: weekdays with the same ranges
 * together ("Mo-Fr 09:00-12:00; Sa 10:00-14:00"), ranges sorted, `; PH off` last so it wins on
 * holidays. A week without hours is "off". Throws `WeeklyHoursError` for a week with problems.
 */
export function weeklyHoursToOpeningHours(hours: WeeklyHours): string {
  const problems = weeklyHoursProblems(hours);
  if (problems.length > 0) throw new WeeklyHoursError(problems);
  const daysByTimes = new Map<string, number[]>();
  for (const weekday of ISO_WEEKDAYS) {
    const intervals = hours.days.filter((day) => day.weekday === weekday).flatMap((day) => day.intervals);
    if (intervals.length === 0) continue;
    const times = sortRanges(intervals)
      .map((range) => `${range.start}-${range.end}`)
      .join(',');
    daysByTimes.set(times, [...(daysByTimes.get(times) ?? []), weekday]);
  }
  if (daysByTimes.size === 0) return 'off';
  const rules = [...daysByTimes].map(([times, weekdays]) => `${daySelector(weekdays)} ${times}`);
  if (hours.closedOnPublicHolidays) rules.push('PH off');
  return rules.join('; ');
}

/** The week an opening_hours value describes, or null when it says more than a week can (see `readWeeklyHours`). */
export function openingHoursToWeeklyHours(text: string): WeeklyHours | null {
  const reading = readWeeklyHours(text);
  return reading.ok ? reading.hours : null;
}

/** The week an opening_hours value describes, or why it cannot be edited as one. */
export function readWeeklyHours(text: string): WeeklyHoursReading {
  if (typeof text !== 'string' || text.trim() === '') return { ok: false, reason: 'empty' };
  let pretty: string;
  try {
    // The library's spelling first: "mo-fr 9-12" and "09.00–12.00" read as "Mo-Fr 09:00-12:00".
    pretty = createOpeningHours(text, 'NO').prettifyValue();
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  if (/["|]/.test(pretty)) return { ok: false, reason: 'beyond_weekly' };
  const week = new Map<number, Array<[number, number]>>(ISO_WEEKDAYS.map((weekday) => [weekday, []]));
  let closedOnPublicHolidays = false;
  for (const rule of pretty.split(/\s*;\s*/).filter((part) => part !== '')) {
    const parts = rule.split(/,\s+/);
    for (const [position, part] of parts.entries()) {
      const parsed = parseRule(part);
      if (!parsed.ok) return parsed;
      const additional = position > 0;
      if (parsed.publicHolidays) {
        // Only "PH off" as the last word: a later weekday rule would open the holidays again.
        if (additional || parsed.ranges === null || parsed.ranges.length > 0) return { ok: false, reason: 'beyond_weekly' };
        closedOnPublicHolidays = true;
      } else if (closedOnPublicHolidays) {
        return { ok: false, reason: 'beyond_weekly' };
      }
      const ranges = parsed.ranges ?? [[0, DAY_END]];
      for (const weekday of parsed.weekdays) {
        if (!additional) week.set(weekday, [...ranges]);
        else if (ranges.length === 0) return { ok: false, reason: 'beyond_weekly' };
        else week.set(weekday, [...(week.get(weekday) ?? []), ...ranges]);
      }
    }
  }
  const days = ISO_WEEKDAYS.map((weekday) => ({
    weekday,
    intervals: mergeOverlaps(week.get(weekday) ?? []).map(([from, to]) => ({ start: clock(from), end: clock(to) })),
  }));
  return { ok: true, hours: { days, closedOnPublicHolidays } };
}

type ParsedRule =
  | {
      ok: true;
      weekdays: number[];
      publicHolidays: boolean;
      /** [] for off/closed; null for "open all day" (no time, or `open`). */
      ranges: Array<[number, number]> | null;
    }
  | { ok: false; reason: WeeklyHoursUnreadable };

const DAY = '(?:Mo|Tu|We|Th|Fr|Sa|Su)';
const DAY_ITEM = `(?:${DAY}(?:-${DAY})?|PH)`;
const DAY_SELECTOR = new RegExp(`^${DAY_ITEM}(?:,${DAY_ITEM})*$`);
const TIME_RANGE = '\\d\\d:\\d\\d-\\d\\d:\\d\\d';
const TIME_SELECTOR = new RegExp(`^${TIME_RANGE}(?:,${TIME_RANGE})*$`);

/** One rule of a prettified value: `[days] [times | off | closed | open]`, or `24/7`. */
function parseRule(rule: string): ParsedRule {
  const tokens = rule.trim().split(/\s+/);
  if (tokens.length === 1 && tokens[0] === '24/7') return { ok: true, weekdays: [...ISO_WEEKDAYS], publicHolidays: false, ranges: null };
  let weekdays: number[] = [...ISO_WEEKDAYS];
  let publicHolidays = false;
  if (tokens.length > 0 && DAY_SELECTOR.test(tokens[0] ?? '')) {
    const selected = selectedDays(tokens.shift() ?? '');
    weekdays = selected.weekdays;
    publicHolidays = selected.publicHolidays;
  }
  if (tokens.length > 1) return { ok: false, reason: 'beyond_weekly' };
  const state = tokens[0];
  let ranges: Array<[number, number]> | null;
  if (state === undefined || state === 'open') ranges = null;
  else if (state === 'off' || state === 'closed') ranges = [];
  else if (TIME_SELECTOR.test(state)) {
    ranges = [];
    for (const range of state.split(',')) {
      const [start = '', end = ''] = range.split('-');
      const from = minuteOfClock(start, 'start');
      const to = minuteOfClock(end, 'end');
      if (from === null) return { ok: false, reason: 'beyond_weekly' };
      // "22:00-02:00" or "22:00-26:00": the library runs these into the next day.
      if (to === null || to <= from) return { ok: false, reason: 'past_midnight' };
      ranges.push([from, to]);
    }
  } else return { ok: false, reason: 'beyond_weekly' };
  if (publicHolidays && weekdays.length > 0 && ranges?.length !== 0) return { ok: false, reason: 'beyond_weekly' };
  return { ok: true, weekdays, publicHolidays, ranges };
}

function selectedDays(selector: string): { weekdays: number[]; publicHolidays: boolean } {
  const weekdays = new Set<number>();
  let publicHolidays = false;
  for (const item of selector.split(',')) {
    if (item === 'PH') {
      publicHolidays = true;
      continue;
    }
    const [first = '', last = first] = item.split('-');
    const from = DAY_CODES.indexOf(first as (typeof DAY_CODES)[number]) + 1;
    const to = DAY_CODES.indexOf(last as (typeof DAY_CODES)[number]) + 1;
    // "Sa-Mo" wraps over Sunday, as the library reads it.
    for (let day = from, steps = 0; steps < 7; day = (day % 7) + 1, steps++) {
      weekdays.add(day);
      if (day === to) break;
    }
  }
  return { weekdays: [...weekdays].sort((a, b) => a - b), publicHolidays };
}

/** Overlapping ranges are open as one (the library's union); touching ones stay as written. */
function mergeOverlaps(ranges: ReadonlyArray<readonly [number, number]>): Array<[number, number]> {
  const merged: Array<[number, number]> = [];
  for (const [from, to] of [...ranges].sort((a, b) => a[0] - b[0] || a[1] - b[1])) {
    const last = merged[merged.length - 1];
    if (last && from < last[1]) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  return merged;
}

function sortRanges(ranges: readonly WeeklyTimeRange[]): WeeklyTimeRange[] {
  return [...ranges].sort((a, b) => (minuteOfClock(a.start, 'start') ?? 0) - (minuteOfClock(b.start, 'start') ?? 0));
}

/** "Mo-Fr", "Mo,We,Fr", "Mo,Tu", "Mo-We,Sa": runs of three or more as ranges. */
function daySelector(weekdays: readonly number[]): string {
  const runs: Array<[number, number]> = [];
  for (const day of weekdays) {
    const last = runs[runs.length - 1];
    if (last && day === last[1] + 1) last[1] = day;
    else runs.push([day, day]);
  }
  const code = (day: number) => DAY_CODES[day - 1] ?? '';
  return runs
    .flatMap(([first, last]) =>
      last - first >= 2 ? [`${code(first)}-${code(last)}`] : first === last ? [code(first)] : [code(first), code(last)],
    )
    .join(',');
}

function clock(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}
