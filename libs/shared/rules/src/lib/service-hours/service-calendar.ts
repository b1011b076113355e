/**
 * When a channel is staffed: its opening_hours value, evaluated in the organisation's zone with its
 * country's holidays, minus closed periods (and, for "PH off" values, the customary closed days).
 *
 * A moment is staffed when its *local wall clock* lies inside a staffed range, so across DST a range
 * is exactly as long as the clock says it is: "Su 01:00-04:00" is 2 real hours on the spring-forward
 * Sunday and 4 on the autumn one. Ranges are half-open: 09:00 is staffed, 12:00 is not.
 */
import type { Country, ServiceHours } from '@kadens/shared/contracts';

import { dayNumber, MINUTES_PER_DAY, MS_PER_DAY, MS_PER_MINUTE } from '../local-time/civil-date';
import { formatInstant, parseInstant } from '../local-time/instant';
import { wallMsOf, wallRangeToInstants } from '../local-time/zoned-time';
import { closesOnPublicHolidays, isCustomaryClosedDay } from './holidays';
import { daySchedules, type DayMinutes, type DayScheduleSource } from './day-schedules';

export interface ServiceContext {
  /** The organisation's IANA zone. */
  timeZone: string;
  /** The organisation's country, whose public holidays "PH" means. */
  country: Country;
}

/** An instant as epoch ms, an ISO string with offset, or a Date. */
export type InstantInput = number | string | Date;

export interface StaffedInterval {
  /** ISO instant, inclusive. */
  start: string;
  /** ISO instant, exclusive. */
  end: string;
}

export const DEFAULT_OPENING_HORIZON_DAYS = 366;
const NO_MINUTES: DayMinutes = [];
const MAX_CACHED_DAYS = 20_000;
/** Largest backward clock change in use (1 h; Lord Howe's is 30 min), with room to spare. */
const CLOCK_SHIFT_MARGIN_MS = 2 * 3_600_000;

export class ServiceCalendar {
  private readonly source: DayScheduleSource;
  private readonly closedDays: ReadonlyArray<readonly [number, number]>;
  private readonly customaryDaysClose: boolean;
  private readonly instantsByDay = new Map<number, ReadonlyArray<readonly [number, number]>>();

  /** Throws the opening_hours parser's message for an invalid value; validate input first. */
  constructor(
    readonly hours: ServiceHours,
    readonly context: ServiceContext,
  ) {
    this.source = daySchedules(hours.openingHours, context.country);
    this.closedDays = hours.closedPeriods.map((period) => [dayNumber(period.start), dayNumber(period.end)] as const);
    this.customaryDaysClose = closesOnPublicHolidays(hours.openingHours);
    wallMsOf(0, context.timeZone); // fail now, not mid-check, on an unknown zone
  }

  /** Staffed minutes of local day `dayNum` (days since 1970-01-01), closures applied. */
  dayMinutes(dayNum: number): DayMinutes {
    if (this.closedDays.some(([first, last]) => dayNum >= first && dayNum <= last)) return NO_MINUTES;
    if (this.customaryDaysClose && isCustomaryClosedDay(this.context.country, dayNum)) return NO_MINUTES;
    return this.source.dayMinutes(dayNum);
  }

  isStaffedAt(instant: InstantInput): boolean {
    const wall = wallMsOf(toInstantMs(instant), this.context.timeZone);
    const dayNum = Math.floor(wall / MS_PER_DAY);
    const minute = (wall - dayNum * MS_PER_DAY) / MS_PER_MINUTE;
    return this.dayMinutes(dayNum).some(([start, end]) => minute >= start && minute < end);
  }

  /** Staffed intervals overlapping [from, to), clipped to it; contiguous ones (over midnight) merged. */
  staffedIntervals(from: InstantInput, to: InstantInput): StaffedInterval[] {
    return this.staffedRangesMs(toInstantMs(from), toInstantMs(to)).map(([start, end]) => ({
      start: formatInstant(start),
      end: formatInstant(end),
    }));
  }

  staffedRangesMs(fromMs: number, untilMs: number): Array<[number, number]> {
    const ranges: Array<[number, number]> = [];
    this.walkRanges(fromMs, untilMs, (start, end) => {
      const clipped: [number, number] = [Math.max(start, fromMs), Math.min(end, untilMs)];
      if (clipped[0] >= clipped[1]) return false;
      const last = ranges[ranges.length - 1];
      if (last && clipped[0] <= last[1]) last[1] = Math.max(last[1], clipped[1]);
      else ranges.push(clipped);
      return false;
    });
    return ranges;
  }

  /** The next moment after `after` at which staffing begins (not a continuation over midnight). */
  nextOpening(after: InstantInput, horizonDays = DEFAULT_OPENING_HORIZON_DAYS): string | null {
    const at = this.nextOpeningMs(toInstantMs(after), horizonDays);
    return at === null ? null : formatInstant(at);
  }

  nextOpeningMs(afterMs: number, horizonDays = DEFAULT_OPENING_HORIZON_DAYS): number | null {
    let previousEnd = Number.NaN;
    let found: number | null = null;
    this.walkRanges(afterMs, afterMs + horizonDays * MS_PER_DAY, (start, end) => {
      if (start > afterMs && start !== previousEnd) {
        found = start;
        return true;
      }
      previousEnd = end;
      return false;
    });
    return found;
  }

  /** When the staffed stretch around `instant` ends ("open until 12:00"), or null when closed. */
  staffedUntil(instant: InstantInput, horizonDays = DEFAULT_OPENING_HORIZON_DAYS): string | null {
    const end = this.staffedUntilMs(toInstantMs(instant), horizonDays);
    return end === null ? null : formatInstant(end);
  }

  /** End of the staffed stretch containing `instantMs` (over midnight included), or null if closed. */
  staffedUntilMs(instantMs: number, horizonDays = DEFAULT_OPENING_HORIZON_DAYS): number | null {
    let end: number | null = null;
    this.walkRanges(instantMs, instantMs + horizonDays * MS_PER_DAY, (start, stop) => {
      if (end === null) {
        if (start <= instantMs && instantMs < stop) end = stop;
        return start > instantMs;
      }
      if (start !== end) return true;
      end = stop;
      return false;
    });
    return end;
  }

  /**
   * Staffed time in [fromMs, untilMs), counted in order until `enoughMs` is reached. `filledAt` is
   * the moment the count reaches `enoughMs` (null if it never does): the "answered by" time.
   */
  staffedTimeWithin(fromMs: number, untilMs: number, enoughMs: number): { staffedMs: number; filledAt: number | null } {
    let staffedMs = 0;
    let filledAt: number | null = enoughMs <= 0 ? fromMs : null;
    if (filledAt !== null) return { staffedMs, filledAt };
    this.walkRanges(fromMs, untilMs, (start, end) => {
      const from = Math.max(start, fromMs);
      const to = Math.min(end, untilMs);
      if (from >= to) return false;
      if (staffedMs + (to - from) >= enoughMs) {
        filledAt = from + (enoughMs - staffedMs);
        staffedMs = enoughMs;
        return true;
      }
      staffedMs += to - from;
      return false;
    });
    return { staffedMs, filledAt };
  }

  /**
   * Calls `visit` with the staffed instant ranges of every local day touching [fromMs, untilMs), in
   * time order, until it returns true. Days are evaluated lazily, so an early stop saves work.
   */
  private walkRanges(fromMs: number, untilMs: number, visit: (start: number, end: number) => boolean): void {
    const zone = this.context.timeZone;
    // A clock turned back over midnight gives instants after `fromMs` a wall clock on the day before
    // (and before `untilMs` one on the day after); the margin covers that, and only costs an extra
    // day when an edge is near midnight.
    const firstDay = Math.floor((wallMsOf(fromMs, zone) - CLOCK_SHIFT_MARGIN_MS) / MS_PER_DAY);
    const lastDay = Math.floor((wallMsOf(untilMs - 1, zone) + CLOCK_SHIFT_MARGIN_MS) / MS_PER_DAY);
    for (let dayNum = firstDay; dayNum <= lastDay; dayNum++) {
      for (const [start, end] of this.dayInstants(dayNum)) {
        if (end <= fromMs) continue;
        if (start >= untilMs) return;
        if (visit(start, end)) return;
      }
    }
  }

  private dayInstants(dayNum: number): ReadonlyArray<readonly [number, number]> {
    let ranges = this.instantsByDay.get(dayNum);
    if (!ranges) {
      if (this.instantsByDay.size >= MAX_CACHED_DAYS) this.instantsByDay.clear();
      const dayWall = dayNum * MINUTES_PER_DAY;
      ranges = this.dayMinutes(dayNum).flatMap(([start, end]) =>
        wallRangeToInstants((dayWall + start) * MS_PER_MINUTE, (dayWall + end) * MS_PER_MINUTE, this.context.timeZone),
      );
      this.instantsByDay.set(dayNum, ranges);
    }
    return ranges;
  }
}

export function toInstantMs(instant: InstantInput): number {
  const ms = typeof instant === 'number' ? instant : typeof instant === 'string' ? parseInstant(instant) : instant.getTime();
  if (!Number.isFinite(ms)) throw new RangeError(`Not a valid instant: ${String(instant)}`);
  return ms;
}
