import type { Locale } from '@kadens/shared/contracts';

import { INTL_LOCALES } from './intl-locale';

/** A calendar date (YYYY-MM-DD) as a noon instant in UTC, so no zone can move it to another day. */
function dateAtNoonUtc(date: string): Date {
  return new Date(`${date}T12:00:00Z`);
}

/** "2025-05-29" → "torsdag 29. mai", "Thursday 29 May". */
export function formatLocalDate(date: string, locale: Locale): string {
  return new Intl.DateTimeFormat(INTL_LOCALES[locale], {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  }).format(dateAtNoonUtc(date));
}

/** Two dates, both included: "1.–31. juli", "1–31 July"; a single day as `formatLocalDate`. */
export function formatLocalDateRange(start: string, end: string, locale: Locale): string {
  if (start === end) return formatLocalDate(start, locale);
  const sameYear = start.slice(0, 4) === end.slice(0, 4);
  return new Intl.DateTimeFormat(INTL_LOCALES[locale], {
    day: 'numeric',
    month: 'long',
    ...(sameYear ? {} : { year: 'numeric' }),
    timeZone: 'UTC',
  }).formatRange(dateAtNoonUtc(start), dateAtNoonUtc(end));
}

/** The name of an ISO weekday (1 = Monday): "mandag", "Monday". */
export function weekdayName(weekday: number, locale: Locale): string {
  // 2024-01-01 was a Monday.
  return new Intl.DateTimeFormat(INTL_LOCALES[locale], { weekday: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2024, 0, weekday, 12)),
  );
}
