import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

import { CALENDAR_VIEWS } from './calendar-url-state/calendar-url-state';

const WORKSPACE = join(__dirname, '..', '..', '..', '..', '..');
const SOURCE_ROOTS = [join(WORKSPACE, 'libs', 'web', 'calendar', 'src'), join(WORKSPACE, 'libs', 'web', 'composer', 'src')];

type TranslationTree = { [key: string]: string | TranslationTree };

function leaves(tree: TranslationTree, prefix: string): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}.${key}`] : leaves(value, `${prefix}.${key}`),
  );
}

function sourceFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|html)$/.test(name) && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

describe('planning translation keys used by the calendar and the composer', () => {
  const english = new Set(
    leaves(
      JSON.parse(readFileSync(join(WORKSPACE, 'web', 'public', 'i18n', 'planning', 'en.json'), 'utf8')) as TranslationTree,
      'planning',
    ),
  );

  it('all exist, so no screen shows a raw key', () => {
    const literal = /['"`](planning\.[A-Za-z_][A-Za-z0-9_.]*[A-Za-z0-9_])['"`]/g;
    const missing: string[] = [];
    let found = 0;
    for (const file of SOURCE_ROOTS.flatMap(sourceFiles)) {
      for (const match of readFileSync(file, 'utf8').matchAll(literal)) {
        found++;
        if (!english.has(match[1] ?? '')) missing.push(`${match[1]} (${file.slice(WORKSPACE.length + 1)})`);
      }
    }
    expect(found).toBeGreaterThan(40);
    expect(missing).toEqual([]);
  });

  it('exist for the keys the calendar builds from a value', () => {
    expect(CALENDAR_VIEWS.map((view) => `planning.calendar.views.${view}`).filter((key) => !english.has(key))).toEqual([]);
  });
});
