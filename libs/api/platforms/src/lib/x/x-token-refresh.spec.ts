import { caughtError } from '../../testing/caught-error';
import { FakeX } from '../../testing/fake-x';
import { localOutbound } from '../../testing/local-outbound';
import type { ChannelConnection } from '../platform-adapter';
import { PlatformAuthError, PlatformTransientError } from '../platform-errors';
import { XAdapter } from './x-adapter';

const NOW = Date.UTC(2026, 10, 22, 12, 0, 0);

describe('XAdapter.refreshCredentials against a fake X token endpoint', () => {
  const fake = new FakeX();
  const adapter = new XAdapter({ outbound: localOutbound(), now: () => NOW });
  const confidential = { clientId: 'x-confidential', clientSecret: 'x-secret' };
  const publicClient = { clientId: 'x-public', clientSecret: null };
  let baseUrl: string;
  const connectionWith = (refreshToken: string): ChannelConnection => ({
    baseUrl,
    credentials: { accessToken: 'old', refreshToken },
    settings: {},
  });

  beforeAll(async () => {
    baseUrl = await fake.start();
    fake.oauth.clients.push({ ...confidential, redirectUris: [] }, { ...publicClient, redirectUris: [] });
  });
  afterAll(() => fake.stop());

  it('trades the refresh token for a new pair, two hours from now, and the new access token publishes', async () => {
    const old = fake.oauth.issueRefreshToken(confidential.clientId, 'tweet.write offline.access');
    fake.expireToken();

    const refreshed = await adapter.refreshCredentials({ connection: connectionWith(old), client: confidential, timeoutMs: 2000 });

    expect(refreshed.expiresAt).toEqual(new Date(NOW + 7200_000));
    expect(refreshed.credentials['refreshToken']).not.toBe(old);
    expect(refreshed.credentials['accessToken']).toBe(fake.accessToken);
    const [token] = fake.server.requestsTo('POST', /^\/2\/oauth2\/token$/).slice(-1);
    expect(token?.form.get('grant_type')).toBe('refresh_token');
    expect(token?.headers['authorization']).toBe(`Basic ${Buffer.from('x-confidential:x-secret').toString('base64')}`);
    await expect(adapter.verifyCredentials({ baseUrl, credentials: refreshed.credentials, settings: {} })).resolves.toEqual({
      accountName: `@${fake.username}`,
    });
  });

  it('a public client sends only its id; a used (rotated) refresh token is refused as an auth error', async () => {
    const old = fake.oauth.issueRefreshToken(publicClient.clientId, 'tweet.write offline.access');
    await adapter.refreshCredentials({ connection: connectionWith(old), client: publicClient, timeoutMs: 2000 });
    const [token] = fake.server.requestsTo('POST', /^\/2\/oauth2\/token$/).slice(-1);
    expect(token?.headers['authorization']).toBeUndefined();
    expect(token?.form.get('client_id')).toBe('x-public');

    const error = await caughtError(
      adapter.refreshCredentials({ connection: connectionWith(old), client: publicClient, timeoutMs: 2000 }),
      PlatformAuthError,
    );

    expect(error.code).toBe('invalid_request');
    expect(error.message).toContain('Value passed for the token was invalid.');
  });

  it('a connection without a refresh token cannot be renewed: auth error, nothing sent', async () => {
    const before = fake.server.received.length;
    const error = await caughtError(
      adapter.refreshCredentials({
        connection: { baseUrl, credentials: { accessToken: 'a' }, settings: {} },
        client: publicClient,
        timeoutMs: 2000,
      }),
      PlatformAuthError,
    );
    expect(error.code).toBe('connection.incomplete');
    expect(fake.server.received.length).toBe(before);
  });

  it('a 503 from the token endpoint is transient (the refresh token was not spent)', async () => {
    const old = fake.oauth.issueRefreshToken(publicClient.clientId);
    fake.server.replyNext((request) => request.path === '/2/oauth2/token', { status: 503, json: { title: 'Service Unavailable' } });
    const error = await caughtError(
      adapter.refreshCredentials({ connection: connectionWith(old), client: publicClient, timeoutMs: 2000 }),
      PlatformTransientError,
    );
    expect(error.status).toBe(503);
  });
});
