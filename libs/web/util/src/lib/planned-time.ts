import { formatInstant, localToInstant, parseInstant, toLocalDateTime } from '@kadens/shared/rules';

/**
 * Planned times are instants; people read and write them as wall-clock times in the organisation's
 * zone, whatever zone their own computer is in. The wall clock is `YYYY-MM-DDTHH:mm`, the value of an
 * `<input type="datetime-local">`. DST follows the product's one rule (see the shared local-time
 * rules): a time in a spring-forward gap moves forward, a time that exists twice means the earlier.
 */
const WALL_CLOCK = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})$/;

/** Where a post goes when it is created on a day without a time (the month view). */
export const DEFAULT_PLANNING_TIME = '09:00';

export function instantToWallClock(instant: string, timeZone: string): string {
  const local = toLocalDateTime(parseInstant(instant), timeZone);
  return `${local.date}T${twoDigits(local.hour)}:${twoDigits(local.minute)}`;
}

/** The instant (ISO, UTC) a wall clock denotes in the zone; null for anything that is not a wall clock. */
export function wallClockToInstant(wallClock: string, timeZone: string): string | null {
  const match = WALL_CLOCK.exec(wallClock);
  if (!match?.[1] || !match[2]) return null;
  try {
    return formatInstant(localToInstant(match[1], match[2], timeZone));
  } catch {
    return null;
  }
}

/** The local calendar date (YYYY-MM-DD) of an instant in the zone. */
export function localDateOf(instant: string | Date, timeZone: string): string {
  const ms = instant instanceof Date ? instant.getTime() : parseInstant(instant);
  return toLocalDateTime(ms, timeZone).date;
}

/** A local date at a local time, e.g. a day clicked in the month view at the default planning time. */
export function dayAtTime(date: string, time: string, timeZone: string): string {
  return formatInstant(localToInstant(date, time, timeZone));
}

function twoDigits(value: number): string {
  return String(value).padStart(2, '0');
}
