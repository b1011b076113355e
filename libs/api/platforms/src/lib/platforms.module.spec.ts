import { APP_CONFIG, loadAppConfig } from '@kadens/api/core';
import { OutboundClient } from '@kadens/api/outbound';
import { Global, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';

import { PlatformRegistry } from './platform-registry';
import { PlatformsModule } from './platforms.module';

/** What CoreModule provides globally, and all the platforms need of it: the config. */
function configModule(env: Record<string, string>) {
  const config = loadAppConfig({ DATABASE_URL: 'postgres://kadens@127.0.0.1:5432/kadens', ...env }, '/');
  @Global()
  @Module({ providers: [{ provide: APP_CONFIG, useValue: config }], exports: [APP_CONFIG] })
  class ConfigModule {}
  return ConfigModule;
}

describe('PlatformsModule', () => {
  it('provides one registry for the whole application', async () => {
    const app = await Test.createTestingModule({ imports: [configModule({}), PlatformsModule] }).compile();
    const registry = app.get(PlatformRegistry);
    expect(registry.adapterFor('mastodon').platform).toBe('mastodon');
    expect(app.get(PlatformRegistry)).toBe(registry);
    await app.close();
  });

  it('gives the adapters the guarded client configured by OUTBOUND_ALLOW_HOSTS', async () => {
    const strict = await Test.createTestingModule({ imports: [configModule({}), PlatformsModule] }).compile();
    await expect(strict.get(OutboundClient).refusalFor('http://10.1.2.3/')).resolves.toMatchObject({ refusal: { range: 'private' } });
    await expect(strict.get(OutboundClient).refusalFor('http://93.184.216.34/')).resolves.toBeNull();
    await strict.close();

    const allowing = await Test.createTestingModule({
      imports: [configModule({ OUTBOUND_ALLOW_HOSTS: '10.0.0.0/8' }), PlatformsModule],
    }).compile();
    await expect(allowing.get(OutboundClient).refusalFor('http://10.1.2.3/')).resolves.toBeNull();
    const error = await allowing
      .get(PlatformRegistry)
      .adapterFor('mastodon')
      .verifyCredentials({ baseUrl: 'http://169.254.169.254', credentials: { accessToken: 't' }, settings: {} })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: 'auth', code: 'connection.address_refused' });
    await allowing.close();
  });
});
