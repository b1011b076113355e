import { intlLocale } from './intl-locale';

/*
 * Times are shown in the organisation's zone: that is when a post goes out, wherever the reader is.
 * Without a zone nothing is shown, rather than a time in the wrong zone.
 */

/** "tir. 9. juni 2030, 10:00": weekday, date and time in the zone; '' without a zone or a valid instant. */
export function formatZonedDateTime(instant: string, timeZone: string | null | undefined, language: string): string {
  const date = new Date(instant);
  if (!timeZone || Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(intlLocale(language), {
    weekday: 'short',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  }).format(date);
}

/** "torsdag 3. desember kl. 09:00": the weekday, date and time in the zone, for a time in a sentence. */
export function formatWallClock(instant: string, timeZone: string, language: string): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(intlLocale(language), {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  }).format(date);
}

/** A calendar date (YYYY-MM-DD) as the language writes it, e.g. "9. juni 2030". */
export function formatCivilDate(date: string, language: string): string {
  const [year, month, day] = date.split('-').map(Number);
  if (!year || !month || !day) return date;
  return new Intl.DateTimeFormat(intlLocale(language), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, month - 1, day)),
  );
}

const RELATIVE_STEPS: ReadonlyArray<[Intl.RelativeTimeFormatUnit, number]> = [
  ['minute', 60],
  ['hour', 24],
  ['day', 7],
];

/** "5 minutes ago", "i går": how long ago, for recent things; the date for anything older than a week. */
export function formatTimeAgo(instant: string, language: string, now = Date.now()): string {
  let amount = Math.round((Date.parse(instant) - now) / 60_000);
  for (const [unit, perNext] of RELATIVE_STEPS) {
    if (Math.abs(amount) < perNext) {
      return new Intl.RelativeTimeFormat(intlLocale(language), { numeric: 'auto' }).format(amount, unit);
    }
    amount = Math.round(amount / perNext);
  }
  return new Intl.DateTimeFormat(intlLocale(language), { day: 'numeric', month: 'short', year: 'numeric' }).format(new Date(instant));
}
