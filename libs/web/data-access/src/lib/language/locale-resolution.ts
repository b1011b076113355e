import type { Locale } from '@kadens/shared/contracts';

/** Norwegian comes as `nb` (bokmål), `nn` (nynorsk) or plain `no`; Kadens writes bokmål for all three. */
const BROWSER_LANGUAGE_TO_LOCALE: Readonly<Record<string, Locale>> = {
  nb: 'nb',
  no: 'nb',
  nn: 'nb',
  da: 'da',
  sv: 'sv',
  en: 'en',
};

/** What Kadens speaks when nothing better is known. */
export const FALLBACK_LOCALE: Locale = 'en';

/**
 * The first of the browser's preferred languages (e.g. `navigator.languages`) that Kadens speaks,
 * judged by the primary subtag (`nb-NO` → `nb`, `sv-FI` → `sv`); null when none is.
 */
export function spokenLocaleOf(languages: readonly string[]): Locale | null {
  for (const language of languages) {
    const primary = language.trim().toLowerCase().split(/[-_]/)[0] ?? '';
    const locale = BROWSER_LANGUAGE_TO_LOCALE[primary];
    if (locale) return locale;
  }
  return null;
}

/** As `spokenLocaleOf`, but English when Kadens speaks none of the browser's languages. */
export function localeFromBrowserLanguages(languages: readonly string[]): Locale {
  return spokenLocaleOf(languages) ?? FALLBACK_LOCALE;
}

interface LocaleSources {
  /** The user's own choice; null when they follow the organisation (or nobody is logged in). */
  userLocale: Locale | null;
  /** The active organisation's default language; null without an organisation. */
  organizationLocale: Locale | null;
  browserLanguages: readonly string[];
}

/** The language to show: the user's own, else the organisation's, else the browser's. */
export function resolveLocale({ userLocale, organizationLocale, browserLanguages }: LocaleSources): Locale {
  return userLocale ?? organizationLocale ?? localeFromBrowserLanguages(browserLanguages);
}
