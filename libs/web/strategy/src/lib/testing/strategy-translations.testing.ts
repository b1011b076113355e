import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { LOCALES, type Locale } from '@kadens/shared/contracts';

/** The strategy scope's translation files, as the app serves them from `i18n/strategy/`. */
const STRATEGY_TRANSLATIONS_DIRECTORY = join(__dirname, '..', '..', '..', '..', '..', '..', 'web', 'public', 'i18n', 'strategy');

export type TranslationTree = { [key: string]: string | TranslationTree };

export function readStrategyTranslations(locale: Locale): TranslationTree {
  return JSON.parse(readFileSync(join(STRATEGY_TRANSLATIONS_DIRECTORY, `${locale}.json`), 'utf8')) as TranslationTree;
}

/** The `connect` scope (signing channels in with their platforms), from `i18n/connect/`. */
export function readConnectTranslations(locale: Locale): TranslationTree {
  return JSON.parse(readFileSync(join(STRATEGY_TRANSLATIONS_DIRECTORY, '..', 'connect', `${locale}.json`), 'utf8')) as TranslationTree;
}

export function readAllStrategyTranslations(): Record<Locale, TranslationTree> {
  return Object.fromEntries(LOCALES.map((locale) => [locale, readStrategyTranslations(locale)])) as Record<Locale, TranslationTree>;
}

export { flattenTranslations } from '@kadens/web/ui/testing';
