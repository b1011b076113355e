import { Test } from '@nestjs/testing';

import { PlatformRegistry } from './platform-registry';
import { PlatformsModule } from './platforms.module';

describe('PlatformsModule', () => {
  it('provides one registry for the whole application', async () => {
    const app = await Test.createTestingModule({ imports: [PlatformsModule] }).compile();
    const registry = app.get(PlatformRegistry);
    expect(registry.adapterFor('mastodon').platform).toBe('mastodon');
    expect(app.get(PlatformRegistry)).toBe(registry);
    await app.close();
  });
});
