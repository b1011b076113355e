import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { REPORT_GROUPINGS } from '@kadens/shared/contracts';
import { describeTranslationParity, readFlatTranslations, sourceFiles } from '@kadens/web/ui/testing';

import { REPORT_FIGURES } from '../view/report-numbers';
import { REPORT_PRESETS } from '../view/report-view';

const LIBRARY_ROOT = join(__dirname, '..');

describeTranslationParity('reports');

describe('reports translations (web/public/i18n/reports)', () => {
  const english = readFlatTranslations('reports').en;

  it('has every key the library names', () => {
    const literal = /['"`]reports\.([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)['"`]/g;
    const missing = new Set<string>();
    let found = 0;
    for (const file of sourceFiles(LIBRARY_ROOT)) {
      for (const match of readFileSync(file, 'utf8').matchAll(literal)) {
        found++;
        if (!english.has(match[1] ?? '')) missing.add(`${match[1]} (${file.slice(LIBRARY_ROOT.length + 1)})`);
      }
    }
    expect(found).toBeGreaterThan(40);
    expect([...missing]).toEqual([]);
  });

  it('names every period preset, grouping, figure and period problem', () => {
    const keys = [
      ...[...REPORT_PRESETS, 'custom'].map((preset) => `period.presets.${preset}`),
      ...REPORT_GROUPINGS.flatMap((grouping) => [`groupBy.${grouping}`, `groupBy.per.${grouping}`]),
      ...[...REPORT_FIGURES, 'engagementPerPost'].map((figure) => `figures.${figure}`),
      ...['missing', 'invalid', 'reversed', 'tooLong'].map((problem) => `period.problems.${problem}`),
      ...['up', 'down', 'same', 'new', 'unknown', 'previousValue'].map((change) => `change.${change}`),
      'top.title',
      'bottom.title',
    ];
    expect(keys.filter((key) => !english.has(key))).toEqual([]);
  });
});
