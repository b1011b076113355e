import { LOCALES } from '@kadens/shared/contracts';

import { flattenTranslations, readAllTranslations } from './translation-files.testing';

const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g;

function placeholders(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((match) => match[1] ?? '').sort();
}

describe('translation files', () => {
  const files = readAllTranslations();
  const flat = Object.fromEntries(LOCALES.map((locale) => [locale, flattenTranslations(files[locale])])) as Record<
    (typeof LOCALES)[number],
    Map<string, unknown>
  >;
  const englishKeys = [...flat.en.keys()].sort();

  it('exist for every language Kadens speaks', () => {
    expect(Object.keys(files).sort()).toEqual([...LOCALES].sort());
  });

  it.each(LOCALES.filter((locale) => locale !== 'en'))('%s has exactly the same keys as en', (locale) => {
    const keys = [...flat[locale].keys()].sort();
    expect({ missing: englishKeys.filter((key) => !flat[locale].has(key)), extra: keys.filter((key) => !flat.en.has(key)) }).toEqual({
      missing: [],
      extra: [],
    });
  });

  it.each(LOCALES)('%s has a non-empty text for every key', (locale) => {
    const empty = [...flat[locale]].filter(([, value]) => typeof value !== 'string' || value.trim() === '').map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it.each(LOCALES.filter((locale) => locale !== 'en'))('%s uses the same {{placeholders}} as en', (locale) => {
    const mismatched = englishKeys.filter(
      (key) => placeholders(String(flat.en.get(key))).join() !== placeholders(String(flat[locale].get(key))).join(),
    );
    expect(mismatched).toEqual([]);
  });
});
