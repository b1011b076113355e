import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { LOCALES, type Locale } from '@kadens/shared/contracts';

/** Reads the translation files the app serves, for the tests that keep them complete. */
export const TRANSLATIONS_DIRECTORY = join(__dirname, '..', '..', '..', 'public', 'i18n');

export type TranslationTree = { [key: string]: string | TranslationTree };

export function readTranslations(locale: Locale): TranslationTree {
  return JSON.parse(readFileSync(join(TRANSLATIONS_DIRECTORY, `${locale}.json`), 'utf8')) as TranslationTree;
}

export function readAllTranslations(): Record<Locale, TranslationTree> {
  return Object.fromEntries(LOCALES.map((locale) => [locale, readTranslations(locale)])) as Record<Locale, TranslationTree>;
}

/** Every leaf as a dotted key with its text: `{ nav: { calendar: 'Kalender' } }` → `nav.calendar`. */
export function flattenTranslations(tree: TranslationTree, prefix = ''): Map<string, unknown> {
  const flat = new Map<string, unknown>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object') {
      for (const [leafKey, leafValue] of flattenTranslations(value, path)) flat.set(leafKey, leafValue);
    } else {
      flat.set(path, value);
    }
  }
  return flat;
}
