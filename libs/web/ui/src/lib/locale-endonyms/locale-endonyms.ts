import type { Locale } from '@kadens/shared/contracts';

/**
 * Each language in its own words. A language picker lists these untranslated on purpose: a Swede who
 * lands on a Danish screen looks for "Svenska", not "Svensk".
 */
export const LOCALE_ENDONYMS: Readonly<Record<Locale, string>> = {
  nb: 'Norsk bokmål',
  da: 'Dansk',
  sv: 'Svenska',
  en: 'English',
};
