import type { Locale } from '@kadens/shared/contracts';

import { INTL_LOCALES } from './intl-locale';

interface ClockStyle {
  hourDigits: 1 | 2;
  separator: string;
}

/**
 * How each language writes a time of day. Intl supplies the digits; the punctuation follows the
 * national writing rules (Språkrådet in Norway and Sweden, Dansk Sprognævn: "09.00", "9.00"), which
 * CLDR does not for every language and ICU version — a colon in Swedish, say.
 */
const CLOCK_STYLES: Readonly<Record<Locale, ClockStyle>> = {
  nb: { hourDigits: 2, separator: '.' },
  da: { hourDigits: 1, separator: '.' },
  sv: { hourDigits: 2, separator: '.' },
  en: { hourDigits: 1, separator: ':' },
};

/** A local "HH:MM" (up to "24:00", the end of a day) as the language writes it: "09.00", "9:00". */
export function formatClockTime(hhmm: string, locale: Locale): string {
  const [hours = 0, minutes = 0] = hhmm.split(':').map(Number);
  const style = CLOCK_STYLES[locale];
  const intlLocale = INTL_LOCALES[locale];
  const hour = new Intl.NumberFormat(intlLocale, { minimumIntegerDigits: style.hourDigits, useGrouping: false });
  const minute = new Intl.NumberFormat(intlLocale, { minimumIntegerDigits: 2, useGrouping: false });
  return `${hour.format(hours)}${style.separator}${minute.format(minutes)}`;
}

/** "09:00"–"12:00" → "09.00–12.00". */
export function formatClockInterval(interval: { start: string; end: string }, locale: Locale): string {
  return `${formatClockTime(interval.start, locale)}–${formatClockTime(interval.end, locale)}`;
}
