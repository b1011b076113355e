import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { PASSWORD_PROBLEM_MESSAGES } from '@kadens/shared/contracts';
import { describeTranslationParity, readFlatTranslations, sourceFiles } from '@kadens/web/ui/testing';

const LIBRARY_ROOT = join(__dirname, '..');

describeTranslationParity('account');

describe('account translations (web/public/i18n/account)', () => {
  const scoped = readFlatTranslations('account');
  const root = readFlatTranslations(null);

  it('has every key the library names, in its scope or among the root texts', () => {
    const literal = /['"`]((?:account|auth|shell|validation|common|errors)\.[A-Za-z_][\w]*(?:\.[A-Za-z_][\w]*)*)['"`]/g;
    const missing = new Set<string>();
    let found = 0;
    for (const file of sourceFiles(LIBRARY_ROOT)) {
      if (file.endsWith('.spec.ts')) continue;
      for (const match of readFileSync(file, 'utf8').matchAll(literal)) {
        const key = match[1] ?? '';
        found++;
        const known = key.startsWith('account.') ? scoped.en.has(key.slice('account.'.length)) : root.en.has(key);
        if (!known) missing.add(`${key} (${file.slice(LIBRARY_ROOT.length + 1)})`);
      }
    }
    expect(found).toBeGreaterThan(40);
    expect([...missing]).toEqual([]);
  });

  it('explains every password problem the API names', () => {
    const kinds = Object.keys(PASSWORD_PROBLEM_MESSAGES).map((kind) => `password.problems.${kind}`);
    expect(kinds.filter((key) => !scoped.en.has(key))).toEqual([]);
  });
});
