import { createTestApp, type TestApp } from '@kadens/api/core/testing';
import { DemoSeeder } from '@kadens/api/organizations';
import { PlatformAuthError } from '@kadens/api/platforms';
import { FakeX } from '@kadens/api/platforms/testing';
import { randomBytes } from 'node:crypto';

import { PublishingModule } from '../publishing.module';
import { ConnectionCredentials } from './connection-credentials';
import { ConnectionsService } from './connections.service';
import { CredentialsCipher } from './credentials-cipher';

const CLIENT = { clientId: 'kadens-x', clientSecret: 'x-secret' };

describe('ConnectionCredentials: renewing an expiring sign-in once, against PostgreSQL and a fake X', () => {
  let t: TestApp;
  const x = new FakeX();
  let organizationId: string;
  let adminId: string;
  let provider: ConnectionCredentials;

  /** An X channel signed in earlier, its access token expiring at `expiresAt`. */
  const signedInChannel = async (expiresAt: Date): Promise<string> => {
    const [{ id }] = await t.db.query(`INSERT INTO channels (organization_id, platform, name) VALUES ($1, 'x', $2) RETURNING id`, [
      organizationId,
      `X ${randomBytes(4).toString('hex')}`,
    ]);
    await t.app.get(ConnectionsService).storeAuthorized({
      organizationId,
      channelId: id,
      actorId: adminId,
      baseUrl: x.server.baseUrl,
      settings: { username: x.username },
      credentials: { accessToken: 'stale-access', refreshToken: x.oauth.issueRefreshToken(CLIENT.clientId, 'tweet.write offline.access') },
      expiresAt,
      accountName: `@${x.username}`,
    });
    return id;
  };
  const stored = async (channelId: string) => {
    const [row] = await t.db.query(`SELECT credentials, expires_at, status, last_error FROM channel_connections WHERE channel_id = $1`, [
      channelId,
    ]);
    return { ...row, credentials: t.app.get(CredentialsCipher).open({ organizationId, channelId }, row.credentials) } as {
      credentials: Record<string, string>;
      expires_at: Date | null;
      status: string;
      last_error: string | null;
    };
  };

  beforeAll(async () => {
    await x.start();
    x.oauth.clients.push({ ...CLIENT, redirectUris: [] });
    t = await createTestApp([PublishingModule], {
      CREDENTIALS_KEY: randomBytes(32).toString('base64'),
      APP_ROLES: 'worker',
      X_CLIENT_ID: CLIENT.clientId,
      X_CLIENT_SECRET: CLIENT.clientSecret,
      PUBLISH_REQUEST_TIMEOUT_MS: '3000',
    });
    await t.app.get(DemoSeeder).seed();
    [{ id: organizationId }] = await t.db.query(`SELECT id FROM organizations WHERE slug = 'fjordvik'`);
    [{ id: adminId }] = await t.db.query(`SELECT id FROM users WHERE email = 'admin@kadens.demo'`);
    provider = t.app.get(ConnectionCredentials);
  });
  afterAll(async () => {
    await t?.close();
    await x.stop();
  });

  it('two workers asking at once with an expired token: one refresh, both get the new token, stored encrypted first', async () => {
    const channelId = await signedInChannel(new Date(Date.now() - 60_000));
    const before = x.oauth.refreshes;
    // The token endpoint answers slowly, so the second caller surely waits on the row lock meanwhile.
    x.server.delayNext((request) => request.path === '/2/oauth2/token', 300, 'before_handling');

    const [first, second] = await Promise.all([provider.fresh(channelId), provider.fresh(channelId)]);

    expect(x.oauth.refreshes - before).toBe(1);
    expect(first?.credentials['accessToken']).toBe(x.accessToken);
    expect(second?.credentials).toEqual(first?.credentials);
    const row = await stored(channelId);
    expect(row.credentials).toEqual(first?.credentials);
    expect(row.credentials['refreshToken']).not.toBeUndefined();
    expect(row.expires_at?.getTime()).toBeGreaterThan(Date.now() + 7_000_000);
    const raw: Array<{ credentials: Buffer }> = await t.db.query(`SELECT credentials FROM channel_connections WHERE channel_id = $1`, [
      channelId,
    ]);
    expect(raw[0]?.credentials.includes(x.accessToken)).toBe(false);
  });

  it('a token far from expiry is used as stored, with no call to X', async () => {
    const channelId = await signedInChannel(new Date(Date.now() + 3_600_000));
    const before = x.server.received.length;
    expect((await provider.fresh(channelId))?.credentials['accessToken']).toBe('stale-access');
    expect(x.server.received.length).toBe(before);
  });

  it('a refresh X refuses marks the channel "reconnect needed" and throws the auth error', async () => {
    const channelId = await signedInChannel(new Date(Date.now() + 60_000));
    x.oauth.revokeRefreshTokens();

    await expect(provider.fresh(channelId)).rejects.toBeInstanceOf(PlatformAuthError);

    const row = await stored(channelId);
    expect(row.status).toBe('reconnect_needed');
    expect(row.last_error).toContain('Value passed for the token was invalid.');
    expect(row.credentials['accessToken']).toBe('stale-access');
  });

  it('a channel without a connection has none', async () => {
    const [{ id }] = await t.db.query(
      `INSERT INTO channels (organization_id, platform, name) VALUES ($1, 'x', 'X unconnected') RETURNING id`,
      [organizationId],
    );
    await expect(provider.fresh(id)).resolves.toBeNull();
  });
});
