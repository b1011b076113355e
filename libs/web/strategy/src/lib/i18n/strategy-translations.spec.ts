import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { CHANNEL_STATUSES, EFFECT_PERIODS, INITIATIVE_STATUSES, LOCALES, PLATFORMS } from '@kadens/shared/contracts';
import { PERMISSIONS } from '@kadens/shared/rules';
import { describeTranslationParity, sourceFiles } from '@kadens/web/ui/testing';

import { CADENCE_LIMITS } from '../promises/cadence-limits';
import { SERVICE_HOURS_PRESETS } from '../promises/service-hours-presets';
import { ITEM_ACTIONS } from '../shared/strategy-item.component';
import type { StrategyKind } from '../shared/strategy-kind';
import { STRATEGY_TABS } from '../strategy-page/strategy-tabs';
import { flattenTranslations, readAllStrategyTranslations } from '../testing/strategy-translations.testing';
import { THEME_PALETTE } from '../themes/theme-palette';

const LIBRARY_ROOT = join(__dirname, '..');

describeTranslationParity('strategy');

describe('strategy translations (web/public/i18n/strategy)', () => {
  const files = readAllStrategyTranslations();
  const flat = Object.fromEntries(LOCALES.map((locale) => [locale, flattenTranslations(files[locale])])) as Record<
    (typeof LOCALES)[number],
    Map<string, unknown>
  >;

  it('has every key the library names', () => {
    const literal = /['"`]strategy\.([A-Za-z_][\w]*(?:\.[A-Za-z_][\w]*)*)['"`]/g;
    const missing = new Set<string>();
    let found = 0;
    for (const file of sourceFiles(LIBRARY_ROOT)) {
      for (const match of readFileSync(file, 'utf8').matchAll(literal)) {
        // `strategy.read` and `strategy.edit` are permissions, not texts.
        if ((PERMISSIONS as readonly string[]).includes(match[0].slice(1, -1))) continue;
        found++;
        if (!flat.en.has(match[1] ?? '')) missing.add(`${match[1]} (${file.slice(LIBRARY_ROOT.length + 1)})`);
      }
    }
    expect(found).toBeGreaterThan(100);
    expect([...missing]).toEqual([]);
  });

  it('has every key the library builds from a value', () => {
    const kinds: StrategyKind[] = ['themes', 'audiences', 'channels', 'initiatives'];
    const removalTexts = ['deleteTitle', 'deleteMessage', 'deleted', 'inUseTitle', 'inUseMessage', 'inUseConfirm', 'inUseDone'];
    const built = [
      ...PLATFORMS.map((platform) => `platforms.${platform}`),
      ...CHANNEL_STATUSES.map((status) => `channelStatuses.${status}`),
      ...INITIATIVE_STATUSES.map((status) => `initiativeStatuses.${status}`),
      ...EFFECT_PERIODS.map((period) => `periods.${period}`),
      ...THEME_PALETTE.map((swatch) => `colors.${swatch.name}`),
      ...STRATEGY_TABS.map((tab) => `tabs.${tab}`),
      ...['name_taken', 'unknown_reference', 'not_a_member'].map((code) => `errors.${code}`),
      ...kinds.flatMap((kind) => removalTexts.map((text) => `${kind}.${text}`)),
      // The section shell's header and empty list, and the archive flow of the kinds that archive.
      ...kinds.flatMap((kind) => ['intro', 'add', 'empty'].map((text) => `${kind}.${text}`)),
      ...(['themes', 'audiences'] as const).flatMap((kind) => ['archivedDone', 'restoredDone'].map((text) => `${kind}.${text}`)),
      ...ITEM_ACTIONS.flatMap((action) => [`actions.${action}`, `actions.${action}Named`]),
      ...CADENCE_LIMITS.flatMap((limit) => [`promises.cadence.${limit.key}`, `promises.validation.${limit.key}`]),
      ...SERVICE_HOURS_PRESETS.map((preset) => `promises.hours.presets.${preset.key}`),
    ];
    expect(built.filter((key) => !flat.en.has(key))).toEqual([]);
  });
});
