import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { ATTEMPT_OUTCOMES, ATTENTION_ACTIONS, ATTENTION_REASONS, PLATFORMS, TARGET_CHECK_RESULTS } from '@kadens/shared/contracts';
import { PERMISSIONS } from '@kadens/shared/rules';
import { PUBLISHING_ERROR_CODES } from '@kadens/web/data-access';
import { describeTranslationParity, readFlatTranslations, sourceFiles } from '@kadens/web/ui/testing';

const LIBRARY_ROOT = join(__dirname, '..');

describeTranslationParity('publishing');

describe('publishing translations (web/public/i18n/publishing)', () => {
  const english = readFlatTranslations('publishing').en;
  const has = (key: string) => english.has(key);

  it('has every key the library names', () => {
    const literal = /['"`]publishing\.([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)['"`]/g;
    // Permissions share the word, not the scope.
    const permissions = new Set<string>(PERMISSIONS);
    const missing = new Set<string>();
    let found = 0;
    for (const file of sourceFiles(LIBRARY_ROOT)) {
      for (const match of readFileSync(file, 'utf8').matchAll(literal)) {
        if (permissions.has(`publishing.${match[1]}`)) continue;
        found++;
        const key = match[1] ?? '';
        // A counted text is named by its base and completed by countKey (`.one` / `.other`).
        const counted = has(`${key}.one`) && has(`${key}.other`);
        if (!has(key) && !counted) missing.add(`${match[1]} (${file.slice(LIBRARY_ROOT.length + 1)})`);
      }
    }
    expect(found).toBeGreaterThan(80);
    expect([...missing]).toEqual([]);
  });

  it('has every key the library builds from a value', () => {
    const counted = ['banner.held', 'attention.attempts', 'delivery.attempts'].flatMap((base) => [`${base}.one`, `${base}.other`]);
    const built = [
      ...ATTENTION_REASONS.flatMap((reason) => [`attention.reasons.${reason}`, `attention.explanations.${reason}`]),
      ...ATTENTION_ACTIONS.flatMap((action) => [`actions.names.${action}`, `actions.running.${action}`, `actions.done.${action}`]),
      ...TARGET_CHECK_RESULTS.filter((result) => result !== 'found').map((result) => `actions.checked.${result}`),
      ...[...ATTEMPT_OUTCOMES, 'running'].map((outcome) => `outcomes.${outcome}`),
      ...['organizationPaused', 'organizationPausedByName', 'channelPaused', 'channelPausedByName'].map((key) => `banner.${key}`),
      ...PUBLISHING_ERROR_CODES.map((code) => `problems.codes.${code}`),
      ...counted,
    ];
    expect(built.filter((key) => !has(key))).toEqual([]);
  });

  it('explains the unconfirmed reason in the words the team agreed on', () => {
    expect(english.get('attention.explanations.unconfirmed')).toBe(
      "We don't know whether the platform received it. Where Kadens can ask the platform, choose “Check again”; otherwise check the channel, then mark as published or retry.",
    );
  });

  it('names no platform in the texts: they come from the platform names', () => {
    const texts = [...english.values()].join(' ');
    expect(PLATFORMS.filter((platform) => platform.length > 2 && new RegExp(`\\b${platform}\\b`, 'i').test(texts))).toEqual([]);
  });
});
