import type { Translation } from '@jsverse/transloco';
import { LOCALES } from '@kadens/shared/contracts';
import { describeTranslationParity } from '@kadens/web/ui/testing';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { readTranslation } from '../testing/translations';
import type { NextChangeWhen } from './words/open-status';
import type { HoursLineKey } from './words/weekly-hours-in-words';

/** This library's templates and code, not its tests. */
function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|html)$/.test(entry.name) && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** Every key of a nested translation, dotted: "status.closes.today". */
function keysOf(translation: Translation, prefix = ''): string[] {
  return Object.entries(translation).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null ? keysOf(value as Translation, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

describeTranslationParity('public');

describe('the public page’s translations (i18n/public)', () => {
  const files = Object.fromEntries(LOCALES.map((locale) => [locale, readTranslation(`public/${locale}.json`)]));
  const english = keysOf(files.en ?? {}).sort();

  it('holds every key the page uses, literal or built from a value', () => {
    const literal = [...sourceFiles(__dirname).flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/'public\.([\w.]+\w)'/g)])].map(
      (match) => match[1] ?? '',
    );
    const hoursKeys: Record<HoursLineKey, true> = {
      open: true,
      openEveryDay: true,
      aroundTheClock: true,
      aroundTheClockEveryDay: true,
      closed: true,
    };
    const whens: Record<NextChangeWhen, true> = { today: true, tomorrow: true, later: true };
    const built = [
      ...Object.keys(hoursKeys).map((key) => `hours.${key}`),
      ...Object.keys(whens).flatMap((when) => [`status.opens.${when}`, `status.closes.${when}`]),
    ];
    expect(literal.length).toBeGreaterThan(20);
    expect([...literal, ...built].filter((key) => !english.includes(key))).toEqual([]);
  });

  it('uses the root file’s language label for the picker, which every language has', () => {
    for (const locale of LOCALES) expect(readTranslation(`${locale}.json`)['language']).toHaveProperty('label');
  });
});
