/**
 * The one place that talks to the `opening_hours` library.
 *
 * The library has no time-zone option: it reads every Date through the *process-local* getters
 * (getHours, getDay, …) and builds new ones with `new Date(y, m, d, h, min)`. Feeding it "shifted"
 * Dates whose local fields spell the organisation's wall clock is not enough when the process zone
 * has DST itself: on the day the process clock springs forward, its skipped hour cannot be spelled at
 * all, and boundaries in it are lost or moved (a server in Pacific/Auckland would misread Oslo hours
 * of 02:00–03:00 once a year).
 *
 * So every call into the library runs inside `inWallClock`, which for the duration of that one
 * synchronous call replaces the global `Date` with `WallClockDate`: a Date whose "local" fields are
 * its UTC fields. The library then computes in a zone without DST or offset — the wall clock itself —
 * and a Date's epoch value *is* the wall clock in ms. Converting wall clocks to instants happens
 * elsewhere, with the organisation's zone. The swap is restored in `finally`, JS cannot interleave
 * other code with a synchronous call, and the library uses only constructors, getTime and the local
 * get/set methods overridden below (checked against opening_hours 3.15.0's build).
 *
 * The answers are wall-clock schedules depending only on (value, country), hence memoisable across
 * channels and zones (see day-schedules.ts).
 */
import OpeningHours from 'opening_hours';

import type { Country } from '@kadens/shared/contracts';

import { MS_PER_MINUTE } from '../local-time/civil-date';

const NativeDate = globalThis.Date;

type DateArgs = [] | [value: number | string | Date] | [year: number, monthIndex: number, ...rest: number[]];

/** A Date whose local calendar is UTC: the library's "local time" becomes the plain wall clock. */
export class WallClockDate extends NativeDate {
  constructor(...args: DateArgs) {
    super(timeValueOf(args));
  }
  override getFullYear(): number {
    return this.getUTCFullYear();
  }
  override getMonth(): number {
    return this.getUTCMonth();
  }
  override getDate(): number {
    return this.getUTCDate();
  }
  override getDay(): number {
    return this.getUTCDay();
  }
  override getHours(): number {
    return this.getUTCHours();
  }
  override getMinutes(): number {
    return this.getUTCMinutes();
  }
  override getSeconds(): number {
    return this.getUTCSeconds();
  }
  override getMilliseconds(): number {
    return this.getUTCMilliseconds();
  }
  override getTimezoneOffset(): number {
    return 0;
  }
  override setFullYear(...args: Parameters<Date['setFullYear']>): number {
    return this.setUTCFullYear(...args);
  }
  override setMonth(...args: Parameters<Date['setMonth']>): number {
    return this.setUTCMonth(...args);
  }
  override setDate(...args: Parameters<Date['setDate']>): number {
    return this.setUTCDate(...args);
  }
  override setHours(...args: Parameters<Date['setHours']>): number {
    return this.setUTCHours(...args);
  }
  override setMinutes(...args: Parameters<Date['setMinutes']>): number {
    return this.setUTCMinutes(...args);
  }
  override setSeconds(...args: Parameters<Date['setSeconds']>): number {
    return this.setUTCSeconds(...args);
  }
  override setMilliseconds(...args: Parameters<Date['setMilliseconds']>): number {
    return this.setUTCMilliseconds(...args);
  }
}

/** Hot: the library builds hundreds of Dates per evaluated day, so no allocation beyond the rest array. */
function timeValueOf(args: DateArgs): number | string | Date {
  const count = args.length;
  if (count === 0) return NativeDate.now();
  if (count === 1) return args[0] as number | string | Date;
  // Fields past `count` are undefined and never read (each is guarded by `count` below).
  const [year, monthIndex, day, hours, minutes, seconds, ms] = args as [number, number, number, number, number, number, number];
  const time = NativeDate.UTC(
    year,
    monthIndex,
    count > 2 ? day : 1,
    count > 3 ? hours : 0,
    count > 4 ? minutes : 0,
    count > 5 ? seconds : 0,
    count > 6 ? ms : 0,
  );
  if (year >= 0 && year <= 99) {
    // Date.UTC reads years 0–99 as 1900–1999; a Date constructor with fields must not.
    const exact = new NativeDate(0);
    exact.setUTCFullYear(year, monthIndex, count > 2 ? day : 1);
    exact.setUTCHours(count > 3 ? hours : 0, count > 4 ? minutes : 0, count > 5 ? seconds : 0, count > 6 ? ms : 0);
    return exact.getTime();
  }
  return time;
}

/** Runs `work` with the global Date replaced by WallClockDate (see the file comment). */
export function inWallClock<T>(work: () => T): T {
  const previous = globalThis.Date;
  globalThis.Date = WallClockDate as unknown as DateConstructor;
  try {
    return work();
  } finally {
    globalThis.Date = previous;
  }
}

/** The Date the library must be given for a wall clock, in minutes since 1970-01-01 00:00. */
export function wallClockDate(wallMinute: number): WallClockDate {
  return new WallClockDate(wallMinute * MS_PER_MINUTE);
}

/** Wall-clock minutes since 1970-01-01 of a Date the library returned from inside `inWallClock`. */
export function wallMinuteOf(date: Date): number {
  return Math.round(date.getTime() / MS_PER_MINUTE);
}

/** Capitals: only used by the library for sun-based times, which validation refuses anyway. */
const LOCATIONS: Readonly<Record<Country, { lat: number; lon: number }>> = {
  NO: { lat: 59.91, lon: 10.75 },
  DK: { lat: 55.68, lon: 12.57 },
  SE: { lat: 59.33, lon: 18.07 },
};

/** Parses a value; throws the parser's message (a string) when it is invalid. */
export function createOpeningHours(value: string, country: Country): OpeningHours {
  const { lat, lon } = LOCATIONS[country];
  return inWallClock(() => new OpeningHours(value, { lat, lon, address: { country_code: country.toLowerCase(), state: '' } }));
}
