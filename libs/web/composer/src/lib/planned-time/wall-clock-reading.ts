import { parseInstant, toLocalDateTime } from '@kadens/shared/rules';

import { instantToWallClock, wallClockToInstant } from '@kadens/web/util';

/**
 * What a wall clock means on a DST switch, so the composer can say it: a time in the spring-forward
 * gap does not exist and moves forward (to `movedTo`); a time the fall-back repeats means the earlier
 * of the two (at `offset`). Both follow `wallClockToInstant`, the one rule the API also applies.
 */
type WallClockReading =
  { kind: 'plain' } | { kind: 'skipped'; time: string; movedTo: string } | { kind: 'repeated'; time: string; offset: string };

/** Fall-back steps in real zones are 30 minutes (Lord Howe), an hour, or two. */
const REPEAT_STEPS_MINUTES = [30, 60, 120];

/** Null when the value is not a complete wall clock. */
export function readWallClock(wallClock: string, timeZone: string): WallClockReading | null {
  const instant = wallClockToInstant(wallClock, timeZone);
  if (!instant) return null;
  const time = wallClock.slice(11);
  const readBack = instantToWallClock(instant, timeZone);
  if (readBack !== wallClock) return { kind: 'skipped', time, movedTo: readBack.slice(11) };
  const at = parseInstant(instant);
  const repeated = REPEAT_STEPS_MINUTES.some(
    (minutes) => instantToWallClock(new Date(at + minutes * 60_000).toISOString(), timeZone) === wallClock,
  );
  if (!repeated) return { kind: 'plain' };
  return { kind: 'repeated', time, offset: utcOffset(toLocalDateTime(at, timeZone).offsetMinutes) };
}

function utcOffset(minutes: number): string {
  const sign = minutes < 0 ? '−' : '+';
  const absolute = Math.abs(minutes);
  const hours = String(Math.floor(absolute / 60)).padStart(2, '0');
  return `UTC${sign}${hours}:${String(absolute % 60).padStart(2, '0')}`;
}

/**
 * A typed time of day as `HH:mm` (24-hour), or null when it is none: `9`, `930`, `0930`, `9:30`,
 * `09.30` and `14` are all read; an empty text is ''.
 */
export function normalizeClockTime(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed === '') return '';
  const match = /^(\d{1,2})(?:[:.]?(\d{2}))?$/.exec(trimmed);
  if (!match?.[1]) return null;
  const hour = Number(match[1]);
  const minute = Number(match[2] ?? '0');
  if (hour > 23 || minute > 59) return null;
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}
