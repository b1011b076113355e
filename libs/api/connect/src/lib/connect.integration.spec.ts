import { createTestApp, type TestApp } from '@kadens/api/core/testing';
import { DEMO_PASSWORD, DemoSeeder } from '@kadens/api/organizations';
import { FakeMastodon, FakeX } from '@kadens/api/platforms/testing';
import { randomBytes } from 'node:crypto';
import type TestAgent from 'supertest/lib/agent';

import { ConnectModule } from './connect.module';

const PUBLIC_URL = 'http://kadens.test';
const CALLBACK = `${PUBLIC_URL}/api/oauth/callback`;

describe('connecting a channel by signing in (X, Mastodon) against PostgreSQL and fake platforms', () => {
  let t: TestApp;
  const x = new FakeX();
  const mastodon = new FakeMastodon();
  const agents: Record<string, TestAgent> = {};
  let org: string;
  let adminId: string;

  const admin = (): TestAgent => agents['admin'] as TestAgent;
  const newChannel = async (platform: string): Promise<string> =>
    (
      await t.db.query(`INSERT INTO channels (organization_id, platform, name) VALUES ($1, $2, $3) RETURNING id`, [
        org,
        platform,
        `${platform} ${randomBytes(3).toString('hex')}`,
      ])
    )[0].id;
  const authorizeUrl = (channelId: string) => `/api/organizations/${org}/channels/${channelId}/connection/authorize`;
  /** The person approves on the fake consent page: the platform's redirect back to Kadens's callback. */
  const consent = async (authorize: string): Promise<string> => {
    const response = await fetch(authorize, { redirect: 'manual' });
    expect(response.status).toBe(302);
    const back = response.headers.get('location') ?? '';
    expect(back.startsWith(`${CALLBACK}?`)).toBe(true);
    return back.slice(PUBLIC_URL.length);
  };
  /** Where the callback sends the browser (the web's channel page). */
  const landing = async (agent: TestAgent, callbackPath: string): Promise<URL> => {
    const response = await agent.get(callbackPath);
    expect(response.status).toBe(302);
    return new URL(response.headers['location'] as string);
  };
  const start = async (channelId: string, body: object = {}): Promise<string> => {
    const response = await admin().post(authorizeUrl(channelId)).send(body);
    expect(response.status).toBe(200);
    return response.body.authorizeUrl as string;
  };
  const row = async (channelId: string) =>
    (
      await t.db.query(
        `SELECT credentials, credential_names, status, expires_at, connected_by FROM channel_connections WHERE channel_id = $1`,
        [channelId],
      )
    )[0] as { credentials: Buffer; credential_names: string[]; status: string; expires_at: Date | null; connected_by: string } | undefined;

  beforeAll(async () => {
    await Promise.all([x.start(), mastodon.start()]);
    x.oauth.clients.push({ clientId: 'kadens-x', clientSecret: 'x-secret', redirectUris: [CALLBACK] });
    t = await createTestApp([ConnectModule], {
      CREDENTIALS_KEY: randomBytes(32).toString('base64'),
      APP_ROLES: 'api',
      PUBLIC_URL,
      X_CLIENT_ID: 'kadens-x',
      X_CLIENT_SECRET: 'x-secret',
      X_AUTHORIZE_URL: `${x.server.baseUrl}/i/oauth2/authorize`,
      X_API_URL: x.server.baseUrl,
    });
    await t.app.get(DemoSeeder).seed();
    [{ id: org }] = await t.db.query(`SELECT id FROM organizations WHERE slug = 'fjordvik'`);
    [{ id: adminId }] = await t.db.query(`SELECT id FROM users WHERE email = 'admin@kadens.demo'`);
    for (const who of ['admin', 'editor']) agents[who] = await t.loginAs(`${who}@kadens.demo`, DEMO_PASSWORD);
    agents['admin2'] = await t.loginAs('admin@kadens.demo', DEMO_PASSWORD);
  });
  afterAll(async () => {
    await t?.close();
    await Promise.all([x.stop(), mastodon.stop()]);
  });

  it('X: authorize with PKCE S256 → consent → callback stores the connection encrypted, with its expiry and who connected it', async () => {
    const channelId = await newChannel('x');
    const authorize = new URL(await start(channelId));
    expect(authorize.origin + authorize.pathname).toBe(`${x.server.baseUrl}/i/oauth2/authorize`);
    expect(Object.fromEntries(authorize.searchParams)).toMatchObject({
      response_type: 'code',
      client_id: 'kadens-x',
      redirect_uri: CALLBACK,
      scope: 'tweet.read tweet.write users.read media.write offline.access',
      code_challenge_method: 'S256',
    });

    const to = await landing(admin(), await consent(authorize.toString()));

    expect(to.pathname).toBe(`/o/${org}/strategy`);
    expect(Object.fromEntries(to.searchParams)).toEqual({ channel: channelId, connected: '1' });
    const stored = await row(channelId);
    expect(stored?.status).toBe('connected');
    expect(stored?.credential_names).toEqual(['accessToken', 'refreshToken']);
    expect(stored?.credentials.includes(x.accessToken)).toBe(false);
    expect(stored?.connected_by).toBe(adminId);
    expect(stored?.expires_at?.getTime()).toBeGreaterThan(Date.now() + 7_000_000);
    const token = x.server.requestsTo('POST', /^\/2\/oauth2\/token$/).at(-1);
    // HTTP Basic with base64(id:secret), exactly as X's documentation builds it.
    expect(token?.headers['authorization']).toBe(`Basic ${Buffer.from('kadens-x:x-secret').toString('base64')}`);
    expect(token?.form.get('code_verifier')).toMatch(/^[\w-]{43,128}$/);

    const view = await admin().get(`/api/organizations/${org}/channels/${channelId}/connection`);
    expect(view.body).toMatchObject({
      status: 'connected',
      accountName: `@${x.username}`,
      settings: { username: x.username },
      expiresAt: stored?.expires_at?.toISOString(),
      connectedBy: { userId: adminId, name: expect.any(String) },
    });
  });

  it('a reused, expired or foreign state lands with its reason and stores nothing', async () => {
    const channelId = await newChannel('x');
    const reused = await consent(await start(channelId));
    expect((await landing(admin(), reused)).searchParams.get('connected')).toBe('1');
    await t.db.query(`DELETE FROM channel_connections WHERE channel_id = $1`, [channelId]);
    expect((await landing(admin(), reused)).searchParams.get('connectError')).toBe('state_used');

    const expired = await consent(await start(channelId));
    await t.db.query(`UPDATE oauth_states SET expires_at = now() - interval '1 second' WHERE used_at IS NULL`);
    expect((await landing(admin(), expired)).searchParams.get('connectError')).toBe('state_expired');

    const foreign = await consent(await start(channelId));
    expect((await landing(agents['admin2'] as TestAgent, foreign)).searchParams.get('connectError')).toBe('session_mismatch');
    expect((await landing(agents['editor'] as TestAgent, foreign)).searchParams.get('connectError')).toBe('session_mismatch');
    expect((await landing(t.anonymous(), foreign)).searchParams.get('connectError')).toBe('session_mismatch');

    // An unknown state lands on the channel this session was connecting last, so the message shows there;
    // a session that started nothing lands on the start page.
    const unknown = await landing(admin(), `/api/oauth/callback?state=made-up&code=abc`);
    expect(Object.fromEntries(unknown.searchParams)).toEqual({ channel: channelId, connectError: 'state_invalid' });
    expect(unknown.pathname).toMatch(/^\/o\/[^/]+\/strategy$/);
    const stranger = await landing(agents['editor'] as TestAgent, `/api/oauth/callback?state=made-up&code=abc`);
    expect(stranger.toString()).toBe(`${PUBLIC_URL}/?connectError=state_invalid`);

    x.oauth.denyNextConsent();
    const denied = await landing(admin(), await consent(await start(channelId)));
    expect(Object.fromEntries(denied.searchParams)).toEqual({ channel: channelId, connectError: 'denied' });

    expect(await row(channelId)).toBeUndefined();
    // The foreign session did not use the state up: its owner can still finish.
    expect((await landing(admin(), foreign)).searchParams.get('connected')).toBe('1');
  });

  it('Mastodon: the instance is required and must pass the outbound rules; the app is registered once per instance', async () => {
    const channelId = await newChannel('mastodon');
    const missing = await admin().post(authorizeUrl(channelId)).send({});
    expect(missing.status).toBe(400);
    expect(missing.body.errors).toEqual([{ field: 'instanceUrl', messages: [expect.stringContaining('instance')] }]);
    const privateAddress = await admin().post(authorizeUrl(channelId)).send({ instanceUrl: 'http://10.1.2.3' });
    expect(privateAddress.status).toBe(400);
    expect(privateAddress.body.errors[0].field).toBe('instanceUrl');

    for (let round = 0; round < 2; round++) {
      const authorize = new URL(await start(channelId, { instanceUrl: mastodon.server.baseUrl }));
      expect(authorize.pathname).toBe('/oauth/authorize');
      expect(authorize.searchParams.get('scope')).toBe('read:accounts write:statuses write:media');
      expect((await landing(admin(), await consent(authorize.toString()))).searchParams.get('connected')).toBe('1');
      // A setting chosen after the first sign-in survives signing in again.
      if (round === 0)
        await t.db.query(`UPDATE channel_connections SET settings = '{"visibility":"unlisted"}' WHERE channel_id = $1`, [channelId]);
    }
    expect(mastodon.server.requestsTo('POST', /^\/api\/v1\/apps$/)).toHaveLength(1);
    const view = await admin().get(`/api/organizations/${org}/channels/${channelId}/connection`);
    expect(view.body).toMatchObject({
      status: 'connected',
      settings: { visibility: 'unlisted' },
      baseUrl: mastodon.server.baseUrl,
      accountName: `@${mastodon.username}@${new URL(mastodon.server.baseUrl).host}`,
      expiresAt: null,
    });
  });

  it('only admins start; a platform without a flow is a 400 naming the platform', async () => {
    const channelId = await newChannel('x');
    expect((await (agents['editor'] as TestAgent).post(authorizeUrl(channelId)).send({})).status).toBe(403);
    const webhook = await admin()
      .post(authorizeUrl(await newChannel('webhook')))
      .send({});
    expect(webhook.status).toBe(400);
    expect(webhook.body).toMatchObject({ code: 'oauth_not_supported', errors: [{ field: 'platform' }] });
  });

  it('a channel the organisation does not have is a 404 and starts no sign-in', async () => {
    const unknown = await admin().post(authorizeUrl('00000000-0000-4000-8000-000000000000')).send({});
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('channel_not_found');
  });
});
