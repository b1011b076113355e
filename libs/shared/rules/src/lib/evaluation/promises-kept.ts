/**
 * Did a channel keep its promises over a stretch of local days? The very rules that warn while
 * planning (thin weeks, silences — cadence-rules; staffed hours — ServiceCalendar) are run over what
 * was actually published, at the moment it was published:
 * - weeks: local ISO weeks whose Monday lies inside [from, to] and which are over before `until`;
 *   each week belongs to exactly one month, so months add up to their quarter;
 * - silences: runs of whole local days without a post, bounded by the nearest posts (also outside the
 *   period), judged over the period's days before `until`;
 * - dialogue posts: published while the channel was staffed, by its opening hours in the
 *   organisation's zone with its country's holidays and its closed periods.
 */
import type { CadencePolicy, Country, PlanItem, PromisesKeptFigures, ServiceHours } from '@kadens/shared/contracts';

import { checkMaxSilence, checkMinPerWeek, timedItems } from '../cadence/cadence-rules';
import { dayNumber, mondayOfDayNumber } from '../local-time/civil-date';
import { ServiceCalendar } from '../service-hours/service-calendar';

export interface PromisesKeptOptions {
  timeZone: string;
  country: Country;
  /** First and last local day of the period (YYYY-MM-DD, inclusive). */
  from: string;
  to: string;
  /** The first local day that is not over yet (normally today): nothing from it on is judged. */
  until: string;
}

export interface ChannelPromisesInput {
  channelId: string;
  cadence: CadencePolicy | null;
  serviceHours: ServiceHours | null;
}

/**
 * `published` holds the channel's published posts at their publishing instants: those inside the
 * period, and for the silences at least the last one before it and the first one after it.
 */
export function promisesKept(
  published: readonly PlanItem[],
  channel: ChannelPromisesInput,
  options: PromisesKeptOptions,
  calendar?: ServiceCalendar,
): PromisesKeptFigures {
  const { channelId, cadence, serviceHours } = channel;
  const zone = options.timeZone;
  const first = dayNumber(options.from);
  const last = dayNumber(options.to);
  const lastOver = Math.min(last, dayNumber(options.until) - 1);
  const items = timedItems(published, channelId, zone);
  const inside = items.filter((entry) => entry.day >= first && entry.day <= last);

  const weekMondays = weeksOver(first, last, dayNumber(options.until));
  const minPostsPerWeek = cadence?.minPostsPerWeek ?? null;
  let weeksKept: number | null = null;
  const firstMonday = weekMondays[0];
  const lastMonday = weekMondays.at(-1);
  if (minPostsPerWeek !== null && cadence) {
    const thin =
      firstMonday === undefined || lastMonday === undefined
        ? []
        : checkMinPerWeek(items, cadence, channelId, { first: firstMonday, last: lastMonday + 6 }, zone);
    weeksKept = weekMondays.length - thin.length;
  }

  const maxDaysOfSilence = cadence?.maxDaysOfSilence ?? null;
  let longestSilenceDays = 0;
  let daysOverMaximum = 0;
  if (lastOver >= first) {
    // Every silence, however short: the same rule with a limit of zero days.
    const silences = checkMaxSilence(
      items,
      { ...(cadence ?? NO_CADENCE), maxDaysOfSilence: 0 },
      channelId,
      { first, last: lastOver },
      zone,
    );
    for (const silence of silences) {
      const days = Number(silence.params['days']);
      longestSilenceDays = Math.max(longestSilenceDays, days);
      if (maxDaysOfSilence === null) continue;
      // The days of the run past the allowed length, counted where they fall inside the judged days.
      const overFrom = Math.max(dayNumber(String(silence.params['from'])) + maxDaysOfSilence, first);
      const overTo = Math.min(dayNumber(String(silence.params['to'])), lastOver);
      if (overTo >= overFrom) daysOverMaximum += overTo - overFrom + 1;
    }
  }

  const dialogue = inside.filter((entry) => entry.item.invitesDialogue);
  let dialogueInsideStaffedHours: number | null = null;
  if (serviceHours) {
    const staffed = calendar ?? new ServiceCalendar(serviceHours, { timeZone: zone, country: options.country });
    dialogueInsideStaffedHours = dialogue.filter((entry) => staffed.isStaffedAt(entry.at)).length;
  }

  return {
    posts: inside.length,
    minPostsPerWeek,
    weeks: weekMondays.length,
    weeksKept,
    weeksKeptShare: weeksKept === null || weekMondays.length === 0 ? null : weeksKept / weekMondays.length,
    longestSilenceDays,
    maxDaysOfSilence,
    daysOverMaximum: maxDaysOfSilence === null ? null : daysOverMaximum,
    dialoguePosts: dialogue.length,
    dialogueInsideStaffedHours,
  };
}

/** Local day numbers of the Mondays of weeks that start in [first, last] and end before `untilDay`. */
export function weeksOver(first: number, last: number, untilDay: number): number[] {
  const mondays: number[] = [];
  for (let monday = mondayOfDayNumber(first); monday <= last; monday += 7) {
    if (monday >= first && monday + 6 < untilDay) mondays.push(monday);
  }
  return mondays;
}

const NO_CADENCE: CadencePolicy = {
  maxPostsPerDay: null,
  minMinutesBetweenPosts: null,
  minPostsPerWeek: null,
  maxDaysOfSilence: null,
  preferredSlots: [],
  publicDescription: '',
};
