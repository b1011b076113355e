import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { CONTENT_TYPE_KEYS, DEFAULT_CONTENT_TYPE_NAMES, type Locale, LOCALES, POST_STATES, RULE_IDS } from '@kadens/shared/contracts';
import { TEXT_ISSUE_CODES } from '@kadens/shared/platform-rules';
import { PLANNING_ERROR_CODES } from '@kadens/web/data-access';
import { describeTranslationParity } from '@kadens/web/ui/testing';

/** The scope's files as the app serves them: `web/public/i18n/planning/<locale>.json`. */
const DIRECTORY = join(__dirname, '..', '..', '..', '..', '..', '..', 'web', 'public', 'i18n', 'planning');

type TranslationTree = { [key: string]: string | TranslationTree };

function readPlanningTranslations(locale: Locale): Map<string, unknown> {
  const tree = JSON.parse(readFileSync(join(DIRECTORY, `${locale}.json`), 'utf8')) as TranslationTree;
  return flatten(tree);
}

function readAllPlanningTranslations(): Record<Locale, Map<string, unknown>> {
  return Object.fromEntries(LOCALES.map((locale) => [locale, readPlanningTranslations(locale)])) as Record<Locale, Map<string, unknown>>;
}

/** Every leaf as a dotted key, without the scope's own `planning.` prefix. */
function flatten(tree: TranslationTree, prefix = ''): Map<string, unknown> {
  const flat = new Map<string, unknown>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object') {
      for (const [leafKey, leafValue] of flatten(value, path)) flat.set(leafKey, leafValue);
    } else {
      flat.set(path, value);
    }
  }
  return flat;
}

describeTranslationParity('planning');

describe('the planning translation scope', () => {
  const files = readAllPlanningTranslations();

  it('words every state, seeded content type, platform issue, refusal and channel rule', () => {
    const built = [
      ...POST_STATES.map((state) => `states.${state}`),
      ...CONTENT_TYPE_KEYS.map((key) => `contentTypes.${key}`),
      ...TEXT_ISSUE_CODES.map((code) => `issues.${code}`),
      ...PLANNING_ERROR_CODES.map((code) => `errors.${code}`),
      ...RULE_IDS.map((rule) => `rules.${rule}`),
      'rules.service_hours.outside_no_opening',
      ...['thinWeek', 'silence', 'staffed'].map((band) => `calendar.legend.${band}`),
      ...['weighted', 'graphemes', 'characters'].map((unit) => `composer.units.${unit}`),
    ];
    expect(built.filter((key) => !files.en.has(key))).toEqual([]);
  });

  it('names the seeded content types as the API names a new organisation’s, in every language', () => {
    for (const locale of LOCALES) {
      const shown = Object.fromEntries(CONTENT_TYPE_KEYS.map((key) => [key, files[locale].get(`contentTypes.${key}`)]));
      expect({ locale, names: shown }).toEqual({ locale, names: DEFAULT_CONTENT_TYPE_NAMES[locale] });
    }
  });
});
