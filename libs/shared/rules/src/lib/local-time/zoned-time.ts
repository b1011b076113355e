/**
 * Instants ⇄ wall clocks in an IANA zone.
 *
 * A "wall ms" is the wall clock written as if it were UTC (Date.UTC of the local fields); it lets
 * day/minute maths run on plain numbers. Offsets come from zone-offsets, never from the process zone.
 *
 * DST, decided once for the whole product:
 * - A single wall-clock moment that does not exist (spring-forward gap, e.g. 02:30 on the last Sunday
 *   of March in Oslo) is moved forward by the length of the gap (→ 03:30). A moment that exists twice
 *   (autumn overlap) means the earlier one. This is RFC 5545 §3.3.5 and Temporal's 'compatible', so
 *   the iCal feed, JS Date and these rules agree.
 * - A wall-clock *range* (service hours) means exactly the instants whose wall clock lies inside it:
 *   the part inside a gap is empty, the part inside an overlap is staffed twice (see
 *   wallRangeToInstants).
 */
import {
  dayNumber,
  fieldsOfDayNumber,
  formatCivilDate,
  isoWeekdayOfDayNumber,
  isoWeekOfDayNumber,
  type IsoWeek,
  MS_PER_DAY,
  MS_PER_MINUTE,
  parseClockTime,
} from './civil-date';
import { nextTransition, offsetMsAt } from './zone-offsets';

export interface LocalDateTime {
  /** Local calendar date, YYYY-MM-DD. */
  date: string;
  /** Days since 1970-01-01 of the local date. */
  dayNumber: number;
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** Whole minutes since local midnight (0–1439). */
  minuteOfDay: number;
  /** Offset from UTC in minutes at that instant (e.g. 60 for CET, 120 for CEST). */
  offsetMinutes: number;
  /** The local ISO week, e.g. { isoYear: 2026, week: 53 } for Friday 1 January 2027. */
  isoWeek: IsoWeek;
}

export function wallMsOf(instantMs: number, zone: string): number {
  return instantMs + offsetMsAt(zone, instantMs);
}

export function toLocalDateTime(instantMs: number, zone: string): LocalDateTime {
  const offset = offsetMsAt(zone, instantMs);
  const wall = instantMs + offset;
  const dayNum = Math.floor(wall / MS_PER_DAY);
  const msOfDay = wall - dayNum * MS_PER_DAY;
  const fields = fieldsOfDayNumber(dayNum);
  const minuteOfDay = Math.floor(msOfDay / MS_PER_MINUTE);
  return {
    date: formatCivilDate(fields),
    dayNumber: dayNum,
    ...fields,
    hour: Math.floor(minuteOfDay / 60),
    minute: minuteOfDay % 60,
    second: Math.floor((msOfDay % MS_PER_MINUTE) / 1000),
    weekday: isoWeekdayOfDayNumber(dayNum),
    minuteOfDay,
    offsetMinutes: offset / MS_PER_MINUTE,
    isoWeek: isoWeekOfDayNumber(dayNum),
  };
}

/** Local day number of an instant; cheaper than toLocalDateTime when only the day matters. */
export function localDayNumber(instantMs: number, zone: string): number {
  return Math.floor(wallMsOf(instantMs, zone) / MS_PER_DAY);
}

/**
 * The instant a wall clock (as wall ms) denotes in `zone`: gap → shifted forward by the gap length,
 * overlap → the earlier instant.
 */
export function wallMsToInstant(wallMs: number, zone: string): number {
  const before = offsetMsAt(zone, wallMs - MS_PER_DAY);
  const after = offsetMsAt(zone, wallMs + MS_PER_DAY);
  const withBefore = wallMs - before;
  if (before === after) return withBefore;
  const withAfter = wallMs - after;
  const beforeHolds = offsetMsAt(zone, withBefore) === before;
  const afterHolds = offsetMsAt(zone, withAfter) === after;
  if (beforeHolds && afterHolds) return Math.min(withBefore, withAfter);
  if (afterHolds) return withAfter;
  // In a gap (or, impossibly, nowhere): the pre-transition offset pushes the clock past the gap.
  return withBefore;
}

/** Local date + "HH:MM" in `zone` → instant (ms), with the DST choice documented above. */
export function localToInstant(date: string, time: string, zone: string): number {
  return wallMsToInstant(dayNumber(date) * MS_PER_DAY + parseClockTime(time) * MS_PER_MINUTE, zone);
}

/** First instant of a local day (local midnight, or the end of a gap if midnight is skipped). */
export function startOfLocalDay(dayNum: number, zone: string): number {
  return wallMsToInstant(dayNum * MS_PER_DAY, zone);
}

/**
 * Every instant whose wall clock in `zone` lies in [wallStart, wallEnd), as sorted, disjoint,
 * half-open instant ranges. Normally one range; on a DST switch the gap's share disappears and an
 * overlap's share appears twice (merged when contiguous).
 */
export function wallRangeToInstants(wallStart: number, wallEnd: number, zone: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  // One piece per day keeps "at most one transition inside the window" true for every real zone.
  for (let from = wallStart; from < wallEnd; from += MS_PER_DAY) {
    for (const piece of dayPieceToInstants(from, Math.min(wallEnd, from + MS_PER_DAY), zone)) {
      const last = ranges[ranges.length - 1];
      if (last && piece[0] <= last[1]) last[1] = Math.max(last[1], piece[1]);
      else ranges.push(piece);
    }
  }
  return ranges;
}

function dayPieceToInstants(wallStart: number, wallEnd: number, zone: string): Array<[number, number]> {
  const windowStart = wallStart - MS_PER_DAY;
  const windowEnd = wallEnd + MS_PER_DAY;
  const before = offsetMsAt(zone, windowStart);
  const switchAt = nextTransition(zone, windowStart, windowEnd);
  if (switchAt === null) return [[wallStart - before, wallEnd - before]];
  const after = offsetMsAt(zone, switchAt);
  const pieces: Array<[number, number]> = [];
  const early: [number, number] = [wallStart - before, Math.min(wallEnd - before, switchAt)];
  const late: [number, number] = [Math.max(wallStart - after, switchAt), wallEnd - after];
  if (early[0] < early[1]) pieces.push(early);
  if (late[0] < late[1]) {
    const last = pieces[pieces.length - 1];
    if (last && late[0] <= last[1]) last[1] = Math.max(last[1], late[1]);
    else pieces.push(late);
  }
  return pieces;
}
