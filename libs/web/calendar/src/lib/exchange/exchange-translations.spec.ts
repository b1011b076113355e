import { TEXT_ISSUE_CODES } from '@kadens/shared/platform-rules';
import { describeTranslationParity, readFlatTranslations } from '@kadens/web/ui/testing';

import { IMPORT_FILE_ERRORS, IMPORT_ISSUE_CODES, wordIssue } from './import-issues';

describeTranslationParity('exchange');

describe('exchange translations (web/public/i18n/exchange)', () => {
  const scoped = readFlatTranslations('exchange');

  it('words every issue the import names and every platform text rule', () => {
    const keys = [...IMPORT_ISSUE_CODES, ...TEXT_ISSUE_CODES].map((code) => `issue.${code}`);
    expect(keys.filter((key) => !scoped.en.has(key))).toEqual([]);
  });

  it('words every refusal of a whole file', () => {
    expect(IMPORT_FILE_ERRORS.map((code) => `import.errors.${code}`).filter((key) => !scoped.en.has(key))).toEqual([]);
  });

  it('words a broken promise as the composer does, and an unknown code plainly', () => {
    const context = { channels: [{ id: 'c1', name: 'Mastodon' }], timeZone: 'Europe/Oslo' };
    const promise = wordIssue(
      {
        column: 'date',
        code: 'promise.cadence.max_per_day',
        params: { max: 1, count: 2, date: '2027-06-01', channel: 'Mastodon', channelId: 'c1', at: '2027-06-01T12:00:00Z' },
      },
      context,
      'nb',
    );
    expect(promise.key).toBe('planning.rules.cadence.max_per_day');
    expect(promise.params['channel']).toBe('Mastodon');
    expect(wordIssue({ column: null, code: 'something.new', params: {} }, context, 'en')).toEqual({
      key: 'exchange.issue.other',
      params: { code: 'something.new' },
    });
    expect(wordIssue({ column: 'title', code: 'import.required', params: {} }, context, 'en').key).toBe('exchange.issue.import.required');
  });
});
