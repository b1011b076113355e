import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { PASSWORD_PROBLEM_MESSAGES } from '@kadens/shared/contracts';
import { describeTranslationParity, readFlatTranslations, sourceFiles } from '@kadens/web/ui/testing';

const LIBRARY_ROOT = join(__dirname, '..');

describeTranslationParity('invitations');

describe('invitations translations (web/public/i18n/invitations)', () => {
  const english = readFlatTranslations('invitations').en;

  it('has every key the library names', () => {
    const literal = /['"`]invitations\.([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)['"`]/g;
    const missing = new Set<string>();
    let found = 0;
    for (const file of sourceFiles(LIBRARY_ROOT)) {
      for (const match of readFileSync(file, 'utf8').matchAll(literal)) {
        found++;
        if (!english.has(match[1] ?? '')) missing.add(`${match[1]} (${file.slice(LIBRARY_ROOT.length + 1)})`);
      }
    }
    expect(found).toBeGreaterThan(20);
    expect([...missing]).toEqual([]);
  });

  it('words every password rule the API can name', () => {
    const kinds = Object.keys(PASSWORD_PROBLEM_MESSAGES).map((kind) => `accept.passwordProblems.${kind}`);
    expect(kinds.filter((key) => !english.has(key))).toEqual([]);
  });
});
