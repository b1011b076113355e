import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { CHECKLIST_KEYS, DEFAULT_CHECKLIST, LOCALES, NOTIFICATION_KINDS, REVIEW_DECISIONS } from '@kadens/shared/contracts';
import { APPROVAL_ERROR_CODES } from '@kadens/web/data-access';
import { describeTranslationParity, sourceFiles } from '@kadens/web/ui/testing';

import { AUDIT_KEYS } from '../audit/organization-event-wording';
import { HISTORY_KEYS } from '../history/history-wording';
import { flattenTranslations, readAllApprovalsTranslations } from '../testing/approvals-translations.testing';

const LIBRARY_ROOT = join(__dirname, '..');

describeTranslationParity('approvals');

describe('approvals translations (web/public/i18n/approvals)', () => {
  const files = readAllApprovalsTranslations();
  const flat = Object.fromEntries(LOCALES.map((locale) => [locale, flattenTranslations(files[locale])])) as Record<
    (typeof LOCALES)[number],
    Map<string, unknown>
  >;

  it('has every key the library names', () => {
    const literal = /['"`]approvals\.([A-Za-z_][\w]*(?:\.[A-Za-z_][\w]*)*)['"`]/g;
    const missing = new Set<string>();
    let found = 0;
    for (const file of sourceFiles(LIBRARY_ROOT)) {
      for (const match of readFileSync(file, 'utf8').matchAll(literal)) {
        found++;
        if (!flat.en.has(match[1] ?? '')) missing.add(`${match[1]} (${file.slice(LIBRARY_ROOT.length + 1)})`);
      }
    }
    expect(found).toBeGreaterThan(100);
    expect([...missing]).toEqual([]);
  });

  it('has every key the library builds from a value', () => {
    const built = [
      ...APPROVAL_ERROR_CODES.map((code) => `errors.${code}`),
      ...HISTORY_KEYS,
      ...AUDIT_KEYS,
      ...NOTIFICATION_KINDS.map((kind) => `notifications.kinds.${kind}`),
      ...CHECKLIST_KEYS.map((key) => `checklist.seeded.${key}`),
      ...REVIEW_DECISIONS.map((decision) => `reviews.${decision}`),
      ...['own_post', 'already_approved'].map((reason) => `review.refusal.${reason}`),
    ];
    expect(built.filter((key) => !flat.en.has(key))).toEqual([]);
  });

  it('words the seeded checklist in English exactly as the API seeds it', () => {
    // An English reader then sees the same words whether an item is shown by its key or by its text.
    const seeded = (files.en['checklist'] as Record<string, Record<string, string>>)['seeded'];
    expect(seeded).toEqual(Object.fromEntries(DEFAULT_CHECKLIST.map((item) => [item.key, item.text])));
  });
});
