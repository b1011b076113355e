import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { LOCALES, type Locale } from '@kadens/shared/contracts';

/** The strategy scope's translation files, as the app serves them from `i18n/strategy/`. */
export const STRATEGY_TRANSLATIONS_DIRECTORY = join(__dirname, '..', '..', '..', '..', '..', '..', 'web', 'public', 'i18n', 'strategy');

export type TranslationTree = { [key: string]: string | TranslationTree };

export function readStrategyTranslations(locale: Locale): TranslationTree {
  return JSON.parse(readFileSync(join(STRATEGY_TRANSLATIONS_DIRECTORY, `${locale}.json`), 'utf8')) as TranslationTree;
}

export function readAllStrategyTranslations(): Record<Locale, TranslationTree> {
  return Object.fromEntries(LOCALES.map((locale) => [locale, readStrategyTranslations(locale)])) as Record<Locale, TranslationTree>;
}

/** Every leaf as a dotted key with its text. */
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
