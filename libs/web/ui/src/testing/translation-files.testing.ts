import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { LOCALES, type Locale } from '@kadens/shared/contracts';

/** Where the app serves its translations from: `web/public/i18n`, one folder per Transloco scope. */
export const TRANSLATIONS_DIRECTORY = join(__dirname, '..', '..', '..', '..', '..', 'web', 'public', 'i18n');

export type TranslationTree = { [key: string]: string | TranslationTree };

/** One language's file of a scope (`null`: the root files the shell uses). */
export function readTranslationTree(scope: string | null, locale: Locale): TranslationTree {
  const file = scope ? join(TRANSLATIONS_DIRECTORY, scope, `${locale}.json`) : join(TRANSLATIONS_DIRECTORY, `${locale}.json`);
  return JSON.parse(readFileSync(file, 'utf8')) as TranslationTree;
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

export function readFlatTranslations(scope: string | null): Record<Locale, Map<string, unknown>> {
  return Object.fromEntries(LOCALES.map((locale) => [locale, flattenTranslations(readTranslationTree(scope, locale))])) as Record<
    Locale,
    Map<string, unknown>
  >;
}

const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g;

function placeholders(text: unknown): string {
  return [...String(text).matchAll(PLACEHOLDER)]
    .map((match) => match[1] ?? '')
    .sort()
    .join();
}

/**
 * The checks every translation scope must pass: the four languages have exactly the same keys, no text
 * is empty, and each text uses the same {{placeholders}} as the English one.
 */
export function describeTranslationParity(scope: string | null): void {
  describe(`translations ${scope ? `(scope ${scope})` : '(root)'}: the four languages agree`, () => {
    const flat = readFlatTranslations(scope);
    const englishKeys = [...flat.en.keys()].sort();
    const others = LOCALES.filter((locale) => locale !== 'en');

    it.each(others)('%s has exactly the same keys as en', (locale) => {
      const keys = [...flat[locale].keys()];
      expect({
        missing: englishKeys.filter((key) => !flat[locale].has(key)),
        extra: keys.filter((key) => !flat.en.has(key)),
      }).toEqual({ missing: [], extra: [] });
    });

    it.each(LOCALES)('%s has a non-empty text for every key', (locale) => {
      const empty = [...flat[locale]].filter(([, value]) => typeof value !== 'string' || value.trim() === '').map(([key]) => key);
      expect(empty).toEqual([]);
    });

    it.each(others)('%s uses the same {{placeholders}} as en', (locale) => {
      expect(englishKeys.filter((key) => placeholders(flat.en.get(key)) !== placeholders(flat[locale].get(key)))).toEqual([]);
    });
  });
}
