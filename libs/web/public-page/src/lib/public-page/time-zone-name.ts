import type { Locale } from '@kadens/shared/contracts';

import { INTL_LOCALES } from '../words/intl-locale';

/**
 * The zone's everyday name in the language ("sentraleuropeisk tid", "Central European Time"), for the
 * middle of a sentence; the IANA name if Intl has none.
 */
export function timeZoneName(timeZone: string, locale: Locale, at: Date): string {
  const name = new Intl.DateTimeFormat(INTL_LOCALES[locale], { timeZone, timeZoneName: 'longGeneric' })
    .formatToParts(at)
    .find((part) => part.type === 'timeZoneName')?.value;
  if (!name || name.startsWith('GMT')) return timeZone;
  // English names are proper nouns; the Nordic languages write them in lower case mid-sentence.
  return locale === 'en' ? name : name.charAt(0).toLocaleLowerCase(INTL_LOCALES[locale]) + name.slice(1);
}
