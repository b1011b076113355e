import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

import { COUNTRIES, ROLES } from '@kadens/shared/contracts';
import { KNOWN_ERROR_CODES, ORGANIZATION_AREAS } from '@kadens/web/data-access';

import { flattenTranslations, readTranslations } from './translation-files.testing';

const WORKSPACE = join(__dirname, '..', '..', '..', '..');
const SOURCE_ROOTS = [join(WORKSPACE, 'web', 'src'), join(WORKSPACE, 'libs', 'web')];

function sourceFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sourceFiles(path);
    return /\.(ts|html)$/.test(name) && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

describe('translation keys used by the code', () => {
  const english = flattenTranslations(readTranslations('en'));
  const namespaces = new Set([...english.keys()].map((key) => key.split('.')[0]));

  it('all exist, so no screen ever shows a raw key', () => {
    // A quoted dotted word whose first part is one of the translation namespaces is a key.
    const literal = /['"`]([a-z][A-Za-z]*(?:\.[A-Za-z_][A-Za-z0-9_]*)+)['"`]/g;
    const missing = new Set<string>();
    let found = 0;
    for (const file of SOURCE_ROOTS.flatMap(sourceFiles)) {
      for (const match of readFileSync(file, 'utf8').matchAll(literal)) {
        const key = match[1] ?? '';
        if (!namespaces.has(key.split('.')[0] ?? '') || key.endsWith('.')) continue;
        found++;
        if (!english.has(key)) missing.add(`${key} (${file.slice(WORKSPACE.length + 1)})`);
      }
    }
    expect(found).toBeGreaterThan(50);
    expect([...missing]).toEqual([]);
  });

  it('exist for keys the code builds from a value', () => {
    const built = [
      ...ROLES.map((role) => `roles.${role}`),
      ...COUNTRIES.map((country) => `countries.${country}`),
      ...ORGANIZATION_AREAS.map((area) => `nav.${area}`),
      ...KNOWN_ERROR_CODES.map((code) => `errors.code.${code}`),
    ];
    expect(built.filter((key) => !english.has(key))).toEqual([]);
  });
});
