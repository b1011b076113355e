/**
 * Times shown in the approvals area: planned times in the organisation's zone (that is when the post
 * goes out, wherever the reader is), written the way the screen's language writes them.
 */

/** English is read here by Nordic teams: day before month, 24-hour clock. */
const FORMAT_LOCALES: Readonly<Record<string, string>> = { nb: 'nb-NO', da: 'da-DK', sv: 'sv-SE', en: 'en-GB' };

export function formatLocale(language: string): string {
  return FORMAT_LOCALES[language] ?? language;
}

/** "tir. 9. juni 2030, 10:00": weekday, date and time in the zone. */
export function formatDateTime(instant: string, timeZone: string, language: string): string {
  return new Intl.DateTimeFormat(formatLocale(language), {
    weekday: 'short',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  }).format(new Date(instant));
}

/** A calendar date (YYYY-MM-DD) as the language writes it, e.g. "9. juni 2030". */
export function formatCivilDate(date: string, language: string): string {
  const [year, month, day] = date.split('-').map(Number);
  if (!year || !month || !day) return date;
  return new Intl.DateTimeFormat(formatLocale(language), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
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
      return new Intl.RelativeTimeFormat(formatLocale(language), { numeric: 'auto' }).format(amount, unit);
    }
    amount = Math.round(amount / perNext);
  }
  return new Intl.DateTimeFormat(formatLocale(language), { day: 'numeric', month: 'short', year: 'numeric' }).format(new Date(instant));
}
