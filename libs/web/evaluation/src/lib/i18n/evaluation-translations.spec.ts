import { describeTranslationParity, readFlatTranslations } from '@kadens/web/ui/testing';

describeTranslationParity('evaluation');

describe('evaluation translations (web/public/i18n/evaluation)', () => {
  const english = readFlatTranslations('evaluation').en;

  it('names every initiative status and goal period', () => {
    const keys = [
      ...['idea', 'active', 'dropped'].map((status) => `initiatives.status.${status}`),
      ...['week', 'month', 'quarter', 'year'].map((period) => `goals.per.${period}`),
    ];
    expect(keys.filter((key) => !english.has(key))).toEqual([]);
  });
});
