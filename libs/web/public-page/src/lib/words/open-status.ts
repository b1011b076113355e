import type { Locale, PublicServiceHours } from '@kadens/shared/contracts';

import { formatClockTime } from './clock-time';
import { formatLocalDate, weekdayName } from './dates-in-words';
import { wallClockIn } from './zoned-wall-clock';

/** Which sentence tells when the channel next opens or closes, under `public.status.opens|closes`. */
export type NextChangeWhen = 'today' | 'tomorrow' | 'later';

export interface OpenStatus {
  openNow: boolean;
  /** When it next opens or closes, read on the organisation's clock; null when not worth saying. */
  next: { when: NextChangeWhen; day: string; time: string } | null;
}

/** A closing time further off than this is no news to a visitor ("closes in three weeks"). */
const CLOSING_NEWS_DAYS = 7;
/** Beyond this a weekday alone is ambiguous, so the date is given too. */
const WEEKDAY_ALONE_DAYS = 6;

/**
 * Open now, and when that changes, on the organisation's wall clock (`timeZone`) — not the visitor's,
 * whose browser may be anywhere. `now` is when the API judged `openNow`.
 */
export function describeOpenStatus(
  hours: Pick<PublicServiceHours, 'openNow' | 'nextChange'>,
  now: Date,
  timeZone: string,
  locale: Locale,
): OpenStatus {
  if (!hours.nextChange) return { openNow: hours.openNow, next: null };
  const change = new Date(hours.nextChange);
  const today = wallClockIn(now, timeZone);
  const then = wallClockIn(change, timeZone);
  const daysAhead = then.dayNumber - today.dayNumber;
  if (hours.openNow && daysAhead > CLOSING_NEWS_DAYS) return { openNow: true, next: null };
  const time = formatClockTime(then.time, locale);
  if (daysAhead <= 0) return { openNow: hours.openNow, next: { when: 'today', day: '', time } };
  if (daysAhead === 1) return { openNow: hours.openNow, next: { when: 'tomorrow', day: '', time } };
  const isoWeekday = ((new Date(`${then.date}T12:00:00Z`).getUTCDay() + 6) % 7) + 1;
  const day = daysAhead <= WEEKDAY_ALONE_DAYS ? weekdayName(isoWeekday, locale) : formatLocalDate(then.date, locale);
  return { openNow: hours.openNow, next: { when: 'later', day, time } };
}
