/**
 * The cadence promise over a plan, per channel, in the organisation's zone:
 * - max posts per local day (block) and min minutes between posts (block) name every post involved;
 * - min posts per local ISO week (warn) and max days of silence (warn) name a stretch of time.
 *
 * Gaps are measured in real elapsed minutes (a post at 01:30 and one at 03:30 on the night clocks
 * spring forward are 60 minutes apart), days and weeks in local calendar terms (a 23- or 25-hour day
 * is still one day).
 */
import type { CadencePolicy, PlanItem, Violation } from '@kadens/shared/contracts';

import { dateOfDayNumber, formatIsoWeek, isoWeekOfDayNumber, mondayOfDayNumber, MS_PER_MINUTE } from '../local-time/civil-date';
import { parseInstant } from '../local-time/instant';
import { localDayNumber, startOfLocalDay } from '../local-time/zoned-time';
import { makeViolation } from '../violation/violation';

export interface InstantRange {
  /** ISO instant, inclusive. */
  from: string;
  /** ISO instant, exclusive. */
  to: string;
}

export interface CadenceCheckOptions {
  /** The organisation's IANA zone: days and weeks are its local ones. */
  timeZone: string;
  /**
   * The stretch the warnings (thin weeks, silences) are judged over: every local ISO week touching
   * it is counted. Without it they are judged over the local days from the first to the last post.
   * Include the posts just outside the range in the plan, or edges look thinner than they are.
   */
  range?: InstantRange;
}

/** A plan item resolved once: its instant and local day. */
export interface TimedItem {
  item: PlanItem;
  at: number;
  day: number;
}

export function checkCadence(
  plan: readonly PlanItem[],
  policy: CadencePolicy,
  channelId: string,
  options: CadenceCheckOptions,
): Violation[] {
  const items = timedItems(plan, channelId, options.timeZone);
  const range = dayRange(items, options);
  return [
    ...checkMaxPerDay(items, policy, channelId),
    ...checkMinGap(items, policy, channelId),
    ...(range ? checkMinPerWeek(items, policy, channelId, range, options.timeZone) : []),
    ...(range ? checkMaxSilence(items, policy, channelId, range, options.timeZone) : []),
  ];
}

/** The channel's items in time order (ties by post id, so output never depends on input order). */
export function timedItems(plan: readonly PlanItem[], channelId: string, zone: string): TimedItem[] {
  return plan
    .filter((item) => item.channelId === channelId)
    .map((item) => {
      const at = parseInstant(item.at);
      return { item, at, day: localDayNumber(at, zone) };
    })
    .sort((a, b) => a.at - b.at || (a.item.postId < b.item.postId ? -1 : a.item.postId > b.item.postId ? 1 : 0));
}

export function checkMaxPerDay(items: readonly TimedItem[], policy: CadencePolicy, channelId: string): Violation[] {
  const max = policy.maxPostsPerDay;
  if (max === null) return [];
  // Grouped by day rather than by neighbours: where a zone turns its clock back over midnight, local
  // days are not monotonic in time.
  const byDay = new Map<number, TimedItem[]>();
  for (const entry of items) {
    const sameDay = byDay.get(entry.day);
    if (sameDay) sameDay.push(entry);
    else byDay.set(entry.day, [entry]);
  }
  const violations: Violation[] = [];
  for (const [day, entries] of byDay) {
    if (entries.length <= max) continue;
    const date = dateOfDayNumber(day);
    for (const entry of entries) {
      violations.push(makeViolation('cadence.max_per_day', channelId, entry.item.postId, entry.at, { date, count: entries.length, max }));
    }
  }
  return violations;
}

export function checkMinGap(items: readonly TimedItem[], policy: CadencePolicy, channelId: string): Violation[] {
  const minMinutes = policy.minMinutesBetweenPosts;
  if (minMinutes === null) return [];
  const minMs = minMinutes * MS_PER_MINUTE;
  const violations: Violation[] = [];
  items.forEach((current, index) => {
    const previous = items[index - 1];
    const next = items[index + 1];
    const gapBefore = previous ? current.at - previous.at : Infinity;
    const gapAfter = next ? next.at - current.at : Infinity;
    const [gap, other] = gapBefore <= gapAfter ? [gapBefore, previous] : [gapAfter, next];
    if (other && gap < minMs) {
      violations.push(
        makeViolation('cadence.min_gap', channelId, current.item.postId, current.at, {
          minMinutes,
          gapMinutes: Math.floor(gap / MS_PER_MINUTE),
          otherPostId: other.item.postId,
        }),
      );
    }
  });
  return violations;
}

/** Inclusive local day numbers. */
export interface DayRange {
  first: number;
  last: number;
}

export function checkMinPerWeek(
  items: readonly TimedItem[],
  policy: CadencePolicy,
  channelId: string,
  range: DayRange,
  zone: string,
): Violation[] {
  const min = policy.minPostsPerWeek;
  if (min === null) return [];
  const perWeek = new Map<number, number>();
  for (const { day } of items) {
    const monday = mondayOfDayNumber(day);
    perWeek.set(monday, (perWeek.get(monday) ?? 0) + 1);
  }
  const violations: Violation[] = [];
  for (let monday = mondayOfDayNumber(range.first); monday <= range.last; monday += 7) {
    const count = perWeek.get(monday) ?? 0;
    if (count < min) {
      violations.push(
        makeViolation('cadence.min_per_week', channelId, null, startOfLocalDay(monday, zone), {
          week: formatIsoWeek(isoWeekOfDayNumber(monday)),
          weekStart: dateOfDayNumber(monday),
          weekEnd: dateOfDayNumber(monday + 6),
          count,
          min,
        }),
      );
    }
  }
  return violations;
}

/**
 * Runs of whole local days without a post, longer than allowed, that touch the range. A run is
 * bounded by the nearest post days in the plan, or by the range's edges where the plan has none.
 */
export function checkMaxSilence(
  items: readonly TimedItem[],
  policy: CadencePolicy,
  channelId: string,
  range: DayRange,
  zone: string,
): Violation[] {
  const maxDays = policy.maxDaysOfSilence;
  if (maxDays === null) return [];
  const postDays = [...new Set(items.map((entry) => entry.day))];
  const before = postDays.filter((day) => day < range.first);
  const after = postDays.filter((day) => day > range.last);
  const bounds = [
    before.at(-1) ?? range.first - 1,
    ...postDays.filter((day) => day >= range.first && day <= range.last),
    after[0] ?? range.last + 1,
  ];
  const violations: Violation[] = [];
  for (const [i, end] of bounds.entries()) {
    const start = bounds[i - 1];
    if (start === undefined) continue;
    const days = end - start - 1;
    if (days > maxDays) {
      const from = start + 1;
      violations.push(
        makeViolation('cadence.max_silence', channelId, null, startOfLocalDay(from, zone), {
          from: dateOfDayNumber(from),
          to: dateOfDayNumber(end - 1),
          days,
          maxDays,
        }),
      );
    }
  }
  return violations;
}

export function dayRange(items: readonly TimedItem[], options: CadenceCheckOptions): DayRange | null {
  if (options.range) {
    const from = parseInstant(options.range.from);
    const to = parseInstant(options.range.to);
    if (to <= from) return null;
    return { first: localDayNumber(from, options.timeZone), last: localDayNumber(to - 1, options.timeZone) };
  }
  const [first] = items;
  const last = items.at(-1);
  if (first === undefined || last === undefined) return null;
  return { first: first.day, last: last.day };
}
