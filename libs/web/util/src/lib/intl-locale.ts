import type { Locale } from '@kadens/shared/contracts';

/**
 * The Intl locale behind each language Kadens speaks. English is British English: a 24-hour clock and
 * day-month dates, as the Nordic readers of an English screen expect.
 */
export const INTL_LOCALES: Readonly<Record<Locale, string>> = {
  nb: 'nb-NO',
  da: 'da-DK',
  sv: 'sv-SE',
  en: 'en-GB',
};

/** The Intl locale for a language code; an unknown code is handed to Intl as it is. */
export function intlLocale(language: string): string {
  return INTL_LOCALES[language as Locale] ?? language;
}
