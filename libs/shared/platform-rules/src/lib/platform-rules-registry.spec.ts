import { type Platform, PLATFORMS } from '@kadens/shared/contracts';

import { platformRules } from './platform-rules-registry';
import { TEXT_ISSUE_CODES } from './text-rules';

describe('platformRules', () => {
  it.each<[Platform, number | null, string, boolean, number | null, string]>([
    // platform, maxLength, unit, requiresMedia, maxMedia, linkPlacement
    ['facebook', 63206, 'characters', false, null, 'separate_field'],
    ['instagram', 2200, 'characters', true, 10, 'not_supported'],
    ['linkedin', 3000, 'characters', false, 20, 'in_text'],
    ['x', 280, 'weighted', false, 4, 'in_text'],
    ['mastodon', 500, 'graphemes', false, 4, 'in_text'],
    ['bluesky', 300, 'graphemes', false, 4, 'in_text'],
    ['wordpress', null, 'characters', false, null, 'in_text'],
    ['webhook', null, 'characters', false, null, 'separate_field'],
  ])('%s', (platform, maxLength, unit, requiresMedia, maxMedia, linkPlacement) => {
    const rules = platformRules(platform);
    expect(rules).toMatchObject({ platform, maxLength, unit, requiresMedia, maxMedia, linkPlacement });
    expect(rules.limit()).toBe(maxLength);
  });

  it('has rules for every platform in the contracts', () => {
    expect(PLATFORMS.map((platform) => platformRules(platform).platform)).toEqual([...PLATFORMS]);
  });

  it('fails loudly for a platform value that slipped past the types', () => {
    expect(() => platformRules('myspace' as Platform)).toThrow(RangeError);
  });

  it('refuses an empty post everywhere', () => {
    for (const platform of PLATFORMS) {
      const codes = platformRules(platform)
        .validate({ text: '', link: null, mediaUrls: [] })
        .map((i) => i.code);
      expect(codes).toContain('content.empty');
    }
  });

  it('lists every issue code once for the translation files', () => {
    expect(new Set(TEXT_ISSUE_CODES).size).toBe(TEXT_ISSUE_CODES.length);
    expect(TEXT_ISSUE_CODES).toContain('text.too_long');
  });
});
