import { OutboundClient } from '@kadens/api/outbound';
import { PLATFORMS, type Platform } from '@kadens/shared/contracts';
import { platformRules } from '@kadens/shared/platform-rules';

import { createPlatformAdapters, PlatformRegistry } from './platform-registry';

describe('PlatformRegistry', () => {
  const registry = new PlatformRegistry(createPlatformAdapters({ outbound: new OutboundClient() }));
  const connection = { credentials: {}, settings: {} };

  it.each(PLATFORMS)('has an adapter for %s that says it is for %s', (platform) => {
    const adapter = registry.adapterFor(platform);
    expect(adapter.platform).toBe(platform);
    expect(registry.adapterFor(platform)).toBe(adapter);
  });

  it.each(PLATFORMS)("states %s's media requirement as its rules do", (platform) => {
    expect(registry.adapterFor(platform).capabilities.requiresMedia).toBe(platformRules(platform).requiresMedia);
  });

  it.each(PLATFORMS)('validates %s content with the shared rules', (platform) => {
    const codes = registry
      .adapterFor(platform)
      .validate({ text: '', link: null, mediaUrls: [] }, connection)
      .map((issue) => issue.code);
    expect(codes).toContain('content.empty');
  });

  it('only lets platforms that deduplicate repeat an ambiguous publish', () => {
    const idempotent = PLATFORMS.filter((platform) => registry.adapterFor(platform).capabilities.idempotentPublish);
    expect(idempotent).toEqual(['mastodon', 'bluesky']);
  });

  it('refuses a platform it does not know', () => {
    expect(() => registry.adapterFor('myspace' as Platform)).toThrow(RangeError);
  });
});
