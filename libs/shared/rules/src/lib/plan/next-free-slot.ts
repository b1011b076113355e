/**
 * "Next free slot": the earliest time at or after `from` at which a post breaks no *blocking* rule of
 * its channel (max per day, min gap, and for dialogue posts the service-hours rules), preferring the
 * channel's preferred slots. Warnings (thin weeks, silences) never make a time unfree.
 *
 * Preference rule: the first free preferred slot within `preferredWithinDays` wins, even over an
 * earlier free non-preferred time; if none is free in that window, the earliest free minute wins.
 * The search is bounded by `horizonDays` (and an iteration cap): null means "nothing in the horizon".
 *
 * `nextFreeSlotOnChannels` asks the same of several channels at once: a time is free when it is free on
 * every one of them, and a preferred slot is a preferred slot of any of them.
 */
import type { CadencePolicy, PlanItem } from '@kadens/shared/contracts';

import { type PreferredSlot, parsePreferredSlot } from '../cadence/cadence-policy';
import { timedItems } from '../cadence/cadence-rules';
import { isoWeekdayOfDayNumber, MINUTES_PER_DAY, MS_PER_DAY, MS_PER_MINUTE } from '../local-time/civil-date';
import { formatInstant, parseInstant } from '../local-time/instant';
import { localDayNumber, startOfLocalDay, wallMsToInstant } from '../local-time/zoned-time';
import { dialogueViolationAt } from '../service-hours/dialogue-rules';
import type { ServiceCalendar } from '../service-hours/service-calendar';

export interface NextFreeSlotRequest {
  channelId: string;
  plan: readonly PlanItem[];
  cadence: CadencePolicy | null;
  /** The channel's service calendar; only consulted for dialogue posts. */
  calendar: ServiceCalendar | null;
  invitesDialogue: boolean;
  /** ISO instant; the search starts here, rounded up to a whole minute. */
  from: string;
  timeZone: string;
  /** The post being placed: its current position in the plan is ignored. */
  postId?: string | null;
  horizonDays?: number;
  preferredWithinDays?: number;
  responseHorizonDays?: number;
}

/** One channel of a search over several: its own plan (the other posts on it), cadence and hours. */
export interface SlotChannel {
  channelId: string;
  cadence: CadencePolicy | null;
  /** The channel's service calendar; only consulted for dialogue posts. */
  calendar: ServiceCalendar | null;
}

export type NextFreeSlotOnChannelsRequest = Omit<NextFreeSlotRequest, 'channelId' | 'cadence' | 'calendar'> & {
  channels: readonly SlotChannel[];
};

export interface FreeSlot {
  at: string;
  /** True when `at` is one of the channel's preferred slots. */
  preferred: boolean;
}

export const DEFAULT_SLOT_HORIZON_DAYS = 28;
export const DEFAULT_PREFERRED_WITHIN_DAYS = 7;
const MAX_STEPS = 10_000;

export function nextFreeSlot(request: NextFreeSlotRequest): FreeSlot | null {
  const { channelId, cadence, calendar, ...search } = request;
  return nextFreeSlotOnChannels({ ...search, channels: [{ channelId, cadence, calendar }] });
}

/** The earliest time free on every channel (null: none in the horizon, or no channel given). */
export function nextFreeSlotOnChannels(request: NextFreeSlotOnChannelsRequest): FreeSlot | null {
  if (request.channels.length === 0) return null;
  const start = Math.ceil(parseInstant(request.from) / MS_PER_MINUTE) * MS_PER_MINUTE;
  const limit = start + (request.horizonDays ?? DEFAULT_SLOT_HORIZON_DAYS) * MS_PER_DAY;
  const finders = request.channels.map((channel) => obstacleFinder({ ...request, ...channel }));
  // Free when every channel says so; otherwise no channel can be free before the latest of their next tries.
  const nextTry = (t: number): number | null => {
    let next: number | null = null;
    for (const finder of finders) {
      const channelNext = finder(t);
      if (channelNext !== null && (next === null || channelNext > next)) next = channelNext;
    }
    return next;
  };

  const preferredLimit = Math.min(limit, start + (request.preferredWithinDays ?? DEFAULT_PREFERRED_WITHIN_DAYS) * MS_PER_DAY);
  const preferred = new Set(
    request.channels.flatMap((channel) => preferredInstants(channel.cadence, request.timeZone, start, preferredLimit)),
  );
  for (const candidate of [...preferred].sort((a, b) => a - b)) {
    if (nextTry(candidate) === null) return { at: formatInstant(candidate), preferred: true };
  }

  let candidate = start;
  for (let step = 0; step < MAX_STEPS && candidate < limit; step++) {
    const next = nextTry(candidate);
    if (next === null) return { at: formatInstant(candidate), preferred: false };
    candidate = Math.max(candidate + MS_PER_MINUTE, Math.ceil(next / MS_PER_MINUTE) * MS_PER_MINUTE);
  }
  return null;
}

/**
 * Builds `nextTry(t)`: null when t is free, otherwise the earliest later instant worth trying. Each
 * rule jumps past its own obstacle (next local day, end of the gap, next opening), so the search
 * takes a handful of steps rather than one per minute.
 */
function obstacleFinder(request: NextFreeSlotRequest): (t: number) => number | null {
  const zone = request.timeZone;
  const others = timedItems(
    request.plan.filter((item) => item.postId !== request.postId),
    request.channelId,
    zone,
  );
  const times = others.map((entry) => entry.at);
  const perDay = new Map<number, number>();
  for (const { day } of others) perDay.set(day, (perDay.get(day) ?? 0) + 1);
  const maxPerDay = request.cadence?.maxPostsPerDay ?? null;
  const gapMs = (request.cadence?.minMinutesBetweenPosts ?? 0) * MS_PER_MINUTE;
  const calendar = request.invitesDialogue ? request.calendar : null;

  return (t) => {
    if (maxPerDay !== null) {
      const day = localDayNumber(t, zone);
      if ((perDay.get(day) ?? 0) >= maxPerDay) return startOfLocalDay(day + 1, zone);
    }
    if (gapMs > 0) {
      const blocker = lastWithin(times, t - gapMs, t + gapMs);
      if (blocker !== null) return blocker + gapMs;
    }
    if (calendar) {
      const violation = dialogueViolationAt(calendar, request.channelId, request.postId ?? null, t, {
        responseHorizonDays: request.responseHorizonDays,
      });
      // Outside: wait for the next opening. Window too short: the current stretch cannot help, so
      // the next opening (after this stretch) is the next hope as well.
      if (violation) return calendar.nextOpeningMs(t) ?? Number.POSITIVE_INFINITY;
    }
    return null;
  };
}

/** The latest of the sorted `times` strictly inside (low, high), or null. */
function lastWithin(times: readonly number[], low: number, high: number): number | null {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((times[mid] ?? high) < high) lo = mid + 1;
    else hi = mid;
  }
  const candidate = times[lo - 1];
  return candidate !== undefined && candidate > low ? candidate : null;
}

function preferredInstants(cadence: CadencePolicy | null, zone: string, start: number, limit: number): number[] {
  const slots = (cadence?.preferredSlots ?? []).flatMap(parseOrSkip);
  if (slots.length === 0) return [];
  const instants = new Set<number>();
  const lastDay = localDayNumber(limit, zone);
  for (let day = localDayNumber(start, zone); day <= lastDay; day++) {
    const weekday = isoWeekdayOfDayNumber(day);
    for (const slot of slots) {
      if (!slot.weekdays.includes(weekday)) continue;
      const at = wallMsToInstant((day * MINUTES_PER_DAY + slot.minuteOfDay) * MS_PER_MINUTE, zone);
      if (at >= start && at < limit) instants.add(at);
    }
  }
  return [...instants].sort((a, b) => a - b);
}

/** Slots were validated when saved; one that no longer parses is ignored rather than failing the search. */
function parseOrSkip(text: string): PreferredSlot[] {
  try {
    return parsePreferredSlot(text);
  } catch {
    return [];
  }
}
