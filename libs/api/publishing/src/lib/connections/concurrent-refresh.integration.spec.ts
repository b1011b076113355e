import { createTestApp, type TestApp } from '@kadens/api/core/testing';
import { FakeX } from '@kadens/api/platforms/testing';
import { PostsModule } from '@kadens/api/posts';
import { randomBytes } from 'node:crypto';

import { PublishingFixture } from '../../testing/publishing-fixture';
import { PublishingModule } from '../publishing.module';
import { ConnectionsService } from './connections.service';
import { CredentialsCipher } from './credentials-cipher';

const CLIENT = { clientId: 'kadens-x', clientSecret: 'x-secret' };
const TOKEN_DELAY_MS = 800;

/**
 * Two publishes to one X channel at the same moment, its access token expired: the workers meet at
 * the per-connection lock, exactly one refresh reaches X, the rotated token is stored encrypted before
 * either uses it, and both publish. While X takes its time answering the refresh, the connection row
 * itself is not locked.
 */
describe('two workers publishing to one channel whose token needs renewing (PostgreSQL, fake X)', () => {
  let t: TestApp;
  let f: PublishingFixture;
  const x = new FakeX();

  beforeAll(async () => {
    await x.start();
    x.oauth.clients.push({ ...CLIENT, redirectUris: [] });
    t = await createTestApp([PostsModule, PublishingModule], {
      CREDENTIALS_KEY: randomBytes(32).toString('base64'),
      X_CLIENT_ID: CLIENT.clientId,
      X_CLIENT_SECRET: CLIENT.clientSecret,
      X_API_URL: x.server.baseUrl,
      PUBLISH_DISPATCH_INTERVAL_MS: '100',
      PUBLISH_RECONCILE_INTERVAL_MS: '3600000',
      PUBLISH_LOOKAHEAD_MS: '5000',
      PUBLISH_RETRY_BASE_MS: '100',
      PUBLISH_REQUEST_TIMEOUT_MS: '5000',
      PUBLISH_STUCK_AFTER_MS: '60000',
    });
    f = await new PublishingFixture(t).seed();
  });
  afterAll(async () => {
    await t?.close();
    await x.stop();
  });

  const targets = async (postIds: string[]) =>
    (await t.db.query(`SELECT state FROM post_targets WHERE post_id = ANY($1::uuid[])`, [postIds])) as Array<{ state: string }>;
  const until = async <T>(read: () => Promise<T>, done: (value: T) => boolean, what: string, timeoutMs = 20_000): Promise<T> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await read();
      if (done(value)) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  };

  it('one refresh at X, both targets published with the new token, the row not locked meanwhile', async () => {
    const [{ id: channelId }] = await t.db.query(
      `INSERT INTO channels (organization_id, platform, name) VALUES ($1, 'x', 'X samtidig') RETURNING id`,
      [f.organizationId],
    );
    const [{ id: adminId }] = await t.db.query(`SELECT id FROM users WHERE email = 'admin@kadens.demo'`);
    await t.app.get(ConnectionsService).storeAuthorized({
      organizationId: f.organizationId,
      channelId,
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
    x.server.delayNext((request) => request.path === '/2/oauth2/token', TOKEN_DELAY_MS, 'before_handling');
    const refreshesBefore = x.oauth.refreshes;

    const posts = await f.approvedPosts(2, new Date(Date.now() + 300), [channelId], 'Samtidig fornying');

    // X is answering the refresh slowly: the row is free for others (a test, a save) all the while.
    await until(
      async () => x.server.requestsTo('POST', /^\/2\/oauth2\/token$/).length,
      (count) => count > 0,
      'the refresh request',
    );
    await t.db.transaction(async (tx) => {
      await tx.query(`SELECT 1 FROM channel_connections WHERE channel_id = $1 FOR UPDATE NOWAIT`, [channelId]);
    });

    const settled = await until(
      () => targets(posts),
      (rows) => rows.length === 2 && rows.every((row) => ['published', 'failed', 'unconfirmed'].includes(row.state)),
      'both targets to settle',
    );
    expect(settled.map((row) => row.state)).toEqual(['published', 'published']);
    expect(x.oauth.refreshes - refreshesBefore).toBe(1);
    expect(x.server.requestsTo('POST', /^\/2\/oauth2\/token$/)).toHaveLength(1);
    const tweets = x.server.requestsTo('POST', /^\/2\/tweets$/);
    expect(tweets.map((request) => request.headers['authorization'])).toEqual([`Bearer ${x.accessToken}`, `Bearer ${x.accessToken}`]);

    const [row] = await t.db.query(`SELECT credentials, expires_at FROM channel_connections WHERE channel_id = $1`, [channelId]);
    expect(t.app.get(CredentialsCipher).open({ organizationId: f.organizationId, channelId }, row.credentials)['accessToken']).toBe(
      x.accessToken,
    );
    expect((row.credentials as Buffer).includes(x.accessToken)).toBe(false);
    expect((row.expires_at as Date).getTime()).toBeGreaterThan(Date.now() + 3_600_000);
  });
});
