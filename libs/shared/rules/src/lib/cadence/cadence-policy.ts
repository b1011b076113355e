import type { CadencePolicy } from '@kadens/shared/contracts';

import { MINUTES_PER_DAY, parseClockTime } from '../local-time/civil-date';
import type { RuleInputError } from '../violation/input-error';

/** A preferred local posting time: on these ISO weekdays (1 = Monday) at this minute after midnight. */
export interface PreferredSlot {
  weekdays: readonly number[];
  minuteOfDay: number;
}

const DAY_NAMES = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'] as const;
const SLOT_PATTERN = /^\s*([A-Za-z,\- ]+?)\s+(\d{2}:\d{2}(?:\s*,\s*\d{2}:\d{2})*)\s*$/;
const LIMITS = {
  maxPostsPerDay: 1000,
  minMinutesBetweenPosts: 7 * MINUTES_PER_DAY,
  minPostsPerWeek: 1000,
  maxDaysOfSilence: 366,
} as const;
const DESCRIPTION_MAX = 500;

/**
 * Parses one slot in the opening_hours-like form people already type for service hours:
 * "Tu,Th 09:30", "Mo-Fr 08:00,14:30", "Sa-Mo 10:00" (ranges wrap over Sunday).
 */
export function parsePreferredSlot(text: string): PreferredSlot[] {
  const [, days, times] = SLOT_PATTERN.exec(text) ?? [];
  if (days === undefined || times === undefined) throw new RangeError(`Expected weekdays and times, e.g. "Tu,Th 09:30": "${text}"`);
  const weekdays = new Set<number>();
  for (const part of days.split(',').map((piece) => piece.trim())) {
    const [from, to, extra] = part.split('-').map((piece) => piece.trim());
    if (extra !== undefined) throw new RangeError(`Not a weekday range: "${part}"`);
    const first = weekdayIndex(from ?? '');
    const last = to === undefined ? first : weekdayIndex(to);
    for (let day = first; ; day = (day % 7) + 1) {
      weekdays.add(day);
      if (day === last) break;
    }
  }
  const sortedDays = [...weekdays].sort((a, b) => a - b);
  return times.split(',').map((time) => ({ weekdays: sortedDays, minuteOfDay: parseClockTime(time.trim()) }));
}

export function parsePreferredSlots(texts: readonly string[]): PreferredSlot[] {
  return texts.flatMap(parsePreferredSlot);
}

export function validateCadencePolicy(policy: CadencePolicy): RuleInputError[] {
  const errors: RuleInputError[] = [];
  const checkCount = (field: keyof typeof LIMITS, min: number): void => {
    const value = policy[field];
    if (value === null) return;
    if (!Number.isInteger(value) || value < min || value > LIMITS[field]) {
      errors.push({ field, message: `Must be empty or a whole number from ${min} to ${LIMITS[field]}` });
    }
  };
  checkCount('maxPostsPerDay', 1);
  checkCount('minMinutesBetweenPosts', 1);
  checkCount('minPostsPerWeek', 1);
  checkCount('maxDaysOfSilence', 0);
  if (errors.length === 0) errors.push(...conflicts(policy));

  if (!Array.isArray(policy.preferredSlots)) {
    errors.push({ field: 'preferredSlots', message: 'Must be a list of slots like "Tu,Th 09:30"' });
  } else {
    policy.preferredSlots.forEach((slot, index) => {
      try {
        parsePreferredSlot(slot);
      } catch (error) {
        errors.push({ field: `preferredSlots[${index}]`, message: (error as Error).message });
      }
    });
  }
  if (typeof policy.publicDescription !== 'string' || policy.publicDescription.length > DESCRIPTION_MAX) {
    errors.push({ field: 'publicDescription', message: `Must be text of at most ${DESCRIPTION_MAX} characters` });
  }
  return errors;
}

/** A minimum the maxima make impossible to meet ("min above max"). */
function conflicts(policy: CadencePolicy): RuleInputError[] {
  const errors: RuleInputError[] = [];
  const { maxPostsPerDay, minMinutesBetweenPosts, minPostsPerWeek, maxDaysOfSilence } = policy;
  if (minPostsPerWeek !== null && maxPostsPerDay !== null && minPostsPerWeek > 7 * maxPostsPerDay) {
    errors.push({
      field: 'minPostsPerWeek',
      message: `At most ${maxPostsPerDay} a day allows at most ${7 * maxPostsPerDay} a week, below the minimum of ${minPostsPerWeek}`,
    });
  }
  if (minPostsPerWeek !== null && minMinutesBetweenPosts !== null) {
    // An ordinary week [Mon 00:00, next Mon 00:00) fits this many posts spaced by the minimum gap.
    const fit = Math.floor((7 * MINUTES_PER_DAY - 1) / minMinutesBetweenPosts) + 1;
    if (minPostsPerWeek > fit) {
      errors.push({
        field: 'minPostsPerWeek',
        message: `${minMinutesBetweenPosts} minutes between posts allows at most ${fit} a week, below the minimum of ${minPostsPerWeek}`,
      });
    }
  }
  if (maxDaysOfSilence !== null && minMinutesBetweenPosts !== null && minMinutesBetweenPosts > (maxDaysOfSilence + 1) * MINUTES_PER_DAY) {
    errors.push({
      field: 'minMinutesBetweenPosts',
      message: `A gap of ${minMinutesBetweenPosts} minutes always exceeds ${maxDaysOfSilence} days of silence`,
    });
  }
  return errors;
}

function weekdayIndex(name: string): number {
  const index = DAY_NAMES.findIndex((day) => day === name);
  if (index < 0) throw new RangeError(`Unknown weekday "${name}" (use Mo Tu We Th Fr Sa Su)`);
  return index + 1;
}
