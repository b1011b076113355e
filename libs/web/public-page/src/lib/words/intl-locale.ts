import type { Locale } from '@kadens/shared/contracts';

/**
 * The Intl locale behind each language. English is British English: a 24-hour clock and day-month
 * dates, as the Nordic readers of an English page expect.
 */
export const INTL_LOCALES: Readonly<Record<Locale, string>> = {
  nb: 'nb-NO',
  da: 'da-DK',
  sv: 'sv-SE',
  en: 'en-GB',
};

/** "mandag" → "Mandag", for a word that opens a sentence. */
export function capitalize(text: string, locale: Locale): string {
  return text.charAt(0).toLocaleUpperCase(INTL_LOCALES[locale]) + text.slice(1);
}
