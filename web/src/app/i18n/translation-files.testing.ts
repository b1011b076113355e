import { LOCALES, type Locale } from '@kadens/shared/contracts';
import { readTranslationTree, type TranslationTree } from '@kadens/web/ui/testing';

/** The root translation files the app serves, for the tests that keep them complete. */
export { flattenTranslations, TRANSLATIONS_DIRECTORY, type TranslationTree } from '@kadens/web/ui/testing';

export function readTranslations(locale: Locale): TranslationTree {
  return readTranslationTree(null, locale);
}

export function readAllTranslations(): Record<Locale, TranslationTree> {
  return Object.fromEntries(LOCALES.map((locale) => [locale, readTranslations(locale)])) as Record<Locale, TranslationTree>;
}
