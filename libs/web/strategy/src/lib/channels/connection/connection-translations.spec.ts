import { CONNECTION_FIELDS, LOCALES, PLATFORMS } from '@kadens/shared/contracts';

import { flattenTranslations, readAllStrategyTranslations } from '../../testing/strategy-translations.testing';
import { CONNECTION_ERROR_CODES, CONNECTION_STATES, TEST_OUTCOMES } from './connection-advice';
import { PROBLEM_KEYS } from './connection-form';

/** The connection texts the editor builds from values (the strategy scope's parity test checks the languages agree). */
describe('connection translations (web/public/i18n/strategy)', () => {
  const files = readAllStrategyTranslations();
  const fieldNames = [
    ...new Set(
      PLATFORMS.flatMap((platform) =>
        [...CONNECTION_FIELDS[platform].credentials, ...CONNECTION_FIELDS[platform].settings].map((field) => field.name),
      ),
    ),
  ];
  const choices = PLATFORMS.flatMap((platform) =>
    CONNECTION_FIELDS[platform].settings.flatMap((field) => (field.choices ?? []).map((choice) => `choices.${field.name}.${choice}`)),
  );
  const built = [
    ...PLATFORMS.flatMap((platform) => [`guides.${platform}`, `addresses.${platform}`]),
    ...fieldNames.map((name) => `fields.${name}`),
    ...choices,
    ...CONNECTION_STATES.map((state) => `status.${state}`),
    ...TEST_OUTCOMES.map((outcome) => `result.${outcome}`),
    ...PROBLEM_KEYS.map((problem) => `problems.${problem}`),
    ...CONNECTION_ERROR_CODES.map((code) => `errors.${code}`),
  ].map((key) => `connection.${key}`);

  it.each(LOCALES)('%s has every text the connection editor builds', (locale) => {
    const flat = flattenTranslations(files[locale]);
    expect(built.filter((key) => !flat.has(key))).toEqual([]);
  });

  it('names the credentials key the operator must set in every language', () => {
    for (const locale of LOCALES)
      expect(flattenTranslations(files[locale]).get('connection.errors.credentials_key_missing')).toContain('CREDENTIALS_KEY');
  });
});
