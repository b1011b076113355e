import { createTestApp, type TestApp } from '@kadens/api/core/testing';
import { FakeX } from '@kadens/api/platforms/testing';
import { PostsModule } from '@kadens/api/posts';
import { randomBytes } from 'node:crypto';

import { PublishingFixture } from '../../testing/publishing-fixture';
import { ConnectionsService } from '../connections/connections.service';
import { CredentialsCipher } from '../connections/credentials-cipher';
import { PublishingModule } from '../publishing.module';

const CLIENT = { clientId: 'kadens-x', clientSecret: 'x-secret' };

/**
 * The worker renews an X channel's expired access token before it publishes (ConnectionCredentials,
 * wired into the publish step): against PostgreSQL and the fake X with its OAuth server, the dispatcher
 * and worker running in the background as in production.
 */
describe('publishing to X with an expired access token', () => {
  let t: TestApp;
  let f: PublishingFixture;
  const x = new FakeX();
  let adminId: string;

  /** An X channel connected earlier (as the connect flow stores it), its access token expired a minute ago. */
  const expiredXChannel = async (): Promise<string> => {
    const [{ id }] = await t.db.query(`INSERT INTO channels (organization_id, platform, name) VALUES ($1, 'x', $2) RETURNING id`, [
      f.organizationId,
      `X ${randomBytes(4).toString('hex')}`,
    ]);
    await t.app.get(ConnectionsService).storeAuthorized({
      organizationId: f.organizationId,
      channelId: id,
      actorId: adminId,
      baseUrl: x.server.baseUrl,
      settings: { username: x.username },
      credentials: {
        accessToken: 'expired-access',
        refreshToken: x.oauth.issueRefreshToken(CLIENT.clientId, 'tweet.write offline.access'),
      },
      expiresAt: new Date(Date.now() - 60_000),
      accountName: `@${x.username}`,
    });
    return id;
  };
  const connection = async (channelId: string) => {
    const [row]: Array<{ credentials: Buffer; status: string; last_error: string | null; expires_at: Date | null }> = await t.db.query(
      `SELECT credentials, status, last_error, expires_at FROM channel_connections WHERE channel_id = $1`,
      [channelId],
    );
    return { ...row, opened: t.app.get(CredentialsCipher).open({ organizationId: f.organizationId, channelId }, row.credentials) };
  };
  const settled = async (postId: string, states: string[], timeoutMs = 15_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const [row]: Array<{ state: string; external_id: string | null; last_error_kind: string | null; last_error: string | null }> =
        await t.db.query(`SELECT state, external_id, last_error_kind, last_error FROM post_targets WHERE post_id = $1`, [postId]);
      if (states.includes(row.state)) return row;
      if (Date.now() > deadline) throw new Error(`target did not settle: ${row.state}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  const tweetRequests = () => x.server.received.filter((request) => request.method === 'POST' && request.path === '/2/tweets');

  beforeAll(async () => {
    await x.start();
    x.oauth.clients.push({ ...CLIENT, redirectUris: [] });
    t = await createTestApp([PostsModule, PublishingModule], {
      CREDENTIALS_KEY: randomBytes(32).toString('base64'),
      X_CLIENT_ID: CLIENT.clientId,
      X_CLIENT_SECRET: CLIENT.clientSecret,
      X_API_URL: x.server.baseUrl,
      X_AUTHORIZE_URL: `${x.server.baseUrl}/i/oauth2/authorize`,
      PUBLISH_DISPATCH_INTERVAL_MS: '100',
      PUBLISH_RECONCILE_INTERVAL_MS: '3600000',
      PUBLISH_LOOKAHEAD_MS: '5000',
      PUBLISH_RETRY_BASE_MS: '100',
      PUBLISH_REQUEST_TIMEOUT_MS: '3000',
      PUBLISH_STUCK_AFTER_MS: '60000',
    });
    f = await new PublishingFixture(t).seed();
    [{ id: adminId }] = await t.db.query(`SELECT id FROM users WHERE email = 'admin@kadens.demo'`);
  });

  afterAll(async () => {
    await t?.close();
    await x.stop();
  });

  it('renews the token once, stores the new one encrypted, and publishes with it', async () => {
    const channelId = await expiredXChannel();
    const before = await connection(channelId);
    const refreshesBefore = x.oauth.refreshes;
    const tweetsBefore = tweetRequests().length;

    const [post] = await f.approvedPosts(1, new Date(Date.now() + 300), [channelId], 'Fornyet innlogging');
    const row = await settled(post, ['published', 'failed', 'unconfirmed']);

    expect(row.state).toBe('published');
    expect(x.oauth.refreshes - refreshesBefore).toBe(1);
    const sent = tweetRequests().slice(tweetsBefore);
    expect(sent.map((request) => request.headers['authorization'])).toEqual([`Bearer ${x.accessToken}`]);
    expect(x.accessToken).not.toBe('expired-access');
    expect(row.external_id).toBe(x.tweets.at(-1)?.id);

    const after = await connection(channelId);
    expect(after.opened['accessToken']).toBe(x.accessToken);
    expect(after.opened['refreshToken']).not.toBe(before.opened['refreshToken']);
    expect(after.credentials.equals(before.credentials)).toBe(false);
    expect(after.credentials.includes(x.accessToken)).toBe(false);
    expect(after.expires_at?.getTime()).toBeGreaterThan(Date.now() + 3_600_000);
    expect(after.status).toBe('connected');
  });

  it('fails the target and asks for a reconnect when X refuses the renewal', async () => {
    const channelId = await expiredXChannel();
    x.oauth.revokeRefreshTokens();
    const tweetsBefore = tweetRequests().length;

    const [post] = await f.approvedPosts(1, new Date(Date.now() + 300), [channelId], 'Tilbakekalt innlogging');
    const row = await settled(post, ['published', 'failed', 'unconfirmed']);

    expect(row.state).toBe('failed');
    expect(row.last_error_kind).toBe('auth');
    const stored = await connection(channelId);
    expect(stored.status).toBe('reconnect_needed');
    expect(stored.last_error).toContain('Value passed for the token was invalid.');
    expect(stored.opened['accessToken']).toBe('expired-access');
    expect(tweetRequests().length).toBe(tweetsBefore);
  });
});
