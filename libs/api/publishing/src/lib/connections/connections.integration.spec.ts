import { APP_CONFIG, type AppConfig } from '@kadens/api/core';
import { createTestApp, type TestApp } from '@kadens/api/core/testing';
import { DEMO_PASSWORD, DemoSeeder } from '@kadens/api/organizations';
import { ANY_REQUEST, FakeMastodon, FakeWebhookReceiver } from '@kadens/api/platforms/testing';
import { randomBytes } from 'node:crypto';
import type TestAgent from 'supertest/lib/agent';

import { PublishingModule } from '../publishing.module';
import { CredentialsUnreadableError } from './connection-errors';
import { ConnectionsService } from './connections.service';

const TOKEN = 'mastodon-token';

describe('channel connections against PostgreSQL', () => {
  let t: TestApp;
  let config: { credentialsKey: Buffer | null };
  const mastodon = new FakeMastodon();
  const receiver = new FakeWebhookReceiver();
  const agents: Record<string, TestAgent> = {};
  let fjordvik: string;
  let bolgeby: string;
  let channel: string;
  let otherOrgChannel: string;

  const agent = (who: string): TestAgent => {
    const found = agents[who];
    if (!found) throw new Error(`no agent ${who}`);
    return found;
  };
  const connectionUrl = (channelId: string, org = fjordvik) => `/api/organizations/${org}/channels/${channelId}/connection`;
  const newChannel = async (platform: string, name: string, org = fjordvik): Promise<string> =>
    (await t.db.query(`INSERT INTO channels (organization_id, platform, name) VALUES ($1, $2, $3) RETURNING id`, [org, platform, name]))[0]
      .id;
  const connectMastodon = (channelId: string, body: object = {}) =>
    agent('admin')
      .put(connectionUrl(channelId))
      .send({
        baseUrl: mastodon.server.baseUrl,
        settings: { visibility: 'unlisted', maxCharacters: 500 },
        credentials: { accessToken: TOKEN },
        ...body,
      });
  const testConnection = (channelId: string) =>
    agent('admin')
      .post(`${connectionUrl(channelId)}/test`)
      .send();
  const storedRow = async (channelId: string) =>
    (
      await t.db.query(
        `SELECT credentials, credential_names, status, account_name, last_error, checked_at FROM channel_connections WHERE channel_id = $1`,
        [channelId],
      )
    )[0] as
      | {
          credentials: Buffer;
          credential_names: string[];
          status: string;
          account_name: string | null;
          last_error: string | null;
          checked_at: Date | null;
        }
      | undefined;
  const auditText = async (channelId: string): Promise<string> =>
    JSON.stringify(
      await t.db.query(`SELECT action, before, after FROM audit_events WHERE subject_id = $1 ORDER BY created_at`, [channelId]),
    );
  /** Runs `body` with another key (or none) configured, as after a misconfigured restart. */
  const withKey = async (key: Buffer | null, body: () => Promise<void>) => {
    const original = config.credentialsKey;
    config.credentialsKey = key;
    try {
      await body();
    } finally {
      config.credentialsKey = original;
    }
  };

  beforeAll(async () => {
    await Promise.all([mastodon.start(), receiver.start()]);
    t = await createTestApp([PublishingModule], {
      CREDENTIALS_KEY: randomBytes(32).toString('base64'),
      APP_ROLES: 'api',
      PUBLISH_REQUEST_TIMEOUT_MS: '2000',
    });
    config = t.app.get<AppConfig>(APP_CONFIG) as { credentialsKey: Buffer | null };
    await t.app.get(DemoSeeder).seed();
    [{ id: fjordvik }] = await t.db.query(`SELECT id FROM organizations WHERE slug = 'fjordvik'`);
    [{ id: bolgeby }] = await t.db.query(`SELECT id FROM organizations WHERE slug = 'bolgeby'`);
    for (const who of ['admin', 'editor', 'viewer', 'redaktor']) agents[who] = await t.loginAs(`${who}@kadens.demo`, DEMO_PASSWORD);
    channel = await newChannel('mastodon', 'Fjordvik på Mastodon');
    otherOrgChannel = await newChannel('mastodon', 'Bølgeby på Mastodon', bolgeby);
  });
  afterAll(async () => {
    await t?.close();
    await Promise.all([mastodon.stop(), receiver.stop()]);
  });

  it('saves the credentials encrypted and shows only their names', async () => {
    const saved = await connectMastodon(channel);
    expect(saved.status).toBe(200);
    expect(saved.body).toEqual({
      channelId: channel,
      platform: 'mastodon',
      status: 'untested',
      accountName: null,
      baseUrl: mastodon.server.baseUrl,
      settings: { visibility: 'unlisted', maxCharacters: 500 },
      credentialNames: ['accessToken'],
      lastError: null,
      checkedAt: null,
      updatedAt: expect.any(String),
      // A pasted token's expiry is not known; who saved it connected the channel.
      expiresAt: null,
      connectedBy: { userId: expect.any(String), name: 'Ada Admin' },
      connectedAt: expect.any(String),
    });
    expect(JSON.stringify(saved.body)).not.toContain(TOKEN);

    const row = await storedRow(channel);
    expect(row?.credential_names).toEqual(['accessToken']);
    expect(row?.credentials.includes(Buffer.from(TOKEN))).toBe(false);
    expect(row?.credentials[0]).toBe(1);

    const shown = await agent('viewer').get(connectionUrl(channel));
    expect(shown.status).toBe(200);
    expect(shown.body).toEqual(saved.body);
    expect(await auditText(channel)).toContain('channel.connection_saved');
    expect(await auditText(channel)).not.toContain(TOKEN);
  });

  it('tests the connection against the platform and names the account', async () => {
    const result = await testConnection(channel);
    expect(result.status).toBe(200);
    const host = new URL(mastodon.server.baseUrl).host;
    expect(result.body).toEqual({ ok: true, accountName: `@kommunen@${host}`, error: null, checkedAt: expect.any(String) });
    const shown = (await agent('editor').get(connectionUrl(channel))).body;
    expect(shown).toMatchObject({
      status: 'connected',
      accountName: `@kommunen@${host}`,
      lastError: null,
      checkedAt: result.body.checkedAt,
    });
    expect(await auditText(channel)).toContain('channel.connection_tested');
  });

  it('lists the organisation’s connections in one answer, without the channels that have none', async () => {
    const unconnected = await newChannel('bluesky', 'Fjordvik uten tilkobling');
    const listed = await agent('viewer').get(`/api/organizations/${fjordvik}/channel-connections`);
    expect(listed.status).toBe(200);
    const single = (await agent('viewer').get(connectionUrl(channel))).body;
    expect(listed.body).toEqual([single]);
    expect(listed.body.map((view: { channelId: string }) => view.channelId)).not.toContain(unconnected);
    expect(JSON.stringify(listed.body)).not.toContain(TOKEN);
    // Another organisation's connections stay out of sight, as everything of theirs does.
    expect((await agent('redaktor').get(`/api/organizations/${fjordvik}/channel-connections`)).status).toBe(404);
  });

  it('gives the publisher the decrypted connection', async () => {
    const connection = await t.app.get(ConnectionsService).forPublishing(t.db.manager, channel);
    expect(connection).toEqual({
      baseUrl: mastodon.server.baseUrl,
      credentials: { accessToken: TOKEN },
      settings: { visibility: 'unlisted', maxCharacters: 500 },
    });
    expect(await t.app.get(ConnectionsService).forPublishing(t.db.manager, otherOrgChannel)).toBeNull();
  });

  it('keeps stored credentials a save leaves out, and is untested again after a save', async () => {
    const saved = await agent('admin')
      .put(connectionUrl(channel))
      .send({ settings: { visibility: 'public', language: 'nb' } });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({
      status: 'untested',
      settings: { visibility: 'public', language: 'nb' },
      credentialNames: ['accessToken'],
      baseUrl: mastodon.server.baseUrl,
    });
    expect((await testConnection(channel)).body.ok).toBe(true);
  });

  it('reports refused credentials as a failed test, asks for a reconnect, and recovers after a publish', async () => {
    expect((await connectMastodon(channel, { credentials: { accessToken: 'expired-token' } })).status).toBe(200);
    const result = await testConnection(channel);
    expect(result.status).toBe(200);
    expect(result.body).toEqual({
      ok: false,
      accountName: null,
      error: { kind: 'auth', status: 401, message: 'The platform refused the credentials: The access token is invalid (HTTP 401)' },
      checkedAt: expect.any(String),
    });
    const shown = (await agent('viewer').get(connectionUrl(channel))).body;
    expect(shown).toMatchObject({ status: 'reconnect_needed', lastError: result.body.error.message });
    expect(await auditText(channel)).not.toContain('expired-token');

    await t.app.get(ConnectionsService).markConnected(t.db.manager, channel);
    expect((await storedRow(channel))?.status).toBe('connected');
    await t.app.get(ConnectionsService).markReconnectNeeded(t.db.manager, channel, 'The access token was revoked (HTTP 401)');
    expect(await storedRow(channel)).toMatchObject({ status: 'reconnect_needed', last_error: 'The access token was revoked (HTTP 401)' });
    expect((await connectMastodon(channel)).status).toBe(200);
  });

  it('reports an answer that is not JSON with its status, and leaves the status alone', async () => {
    expect((await testConnection(channel)).body.ok).toBe(true);
    mastodon.server.replyNext(ANY_REQUEST, {
      status: 502,
      headers: { 'content-type': 'text/html' },
      raw: '<html><body>Bad gateway</body></html>',
    });
    const result = await testConnection(channel);
    expect(result.status).toBe(200);
    expect(result.body.ok).toBe(false);
    expect(result.body.error).toEqual({
      kind: 'transient',
      status: 502,
      message: expect.stringContaining('HTTP 502 with a body that is not JSON (text/html)'),
    });
    expect(result.body.error.message).toMatch(/^The platform could not be reached/);
    expect(await storedRow(channel)).toMatchObject({ status: 'connected', last_error: result.body.error.message });
  });

  it('tests a webhook with a signed test event', async () => {
    const webhook = await newChannel('webhook', 'Intranett');
    const saved = await agent('admin')
      .put(connectionUrl(webhook))
      .send({ baseUrl: receiver.url, credentials: { secret: receiver.secret } });
    expect(saved.status).toBe(200);
    const result = await testConnection(webhook);
    expect(result.body).toMatchObject({ ok: true, accountName: new URL(receiver.url).host });
    expect(receiver.connectionTests).toBe(1);
  });

  it('refuses fields the platform does not take, naming them', async () => {
    const unknown = await agent('admin')
      .put(connectionUrl(channel))
      .send({ credentials: { token: 'x' }, settings: { pageId: '1' } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.code).toBe('validation_failed');
    expect(unknown.body.errors.map((error: { field: string }) => error.field)).toEqual(['settings.pageId', 'credentials.token']);
    expect(unknown.body.message).toContain('credentials.token: is not a credential of mastodon (expected accessToken)');

    const facebook = await newChannel('facebook', 'Fjordvik på Facebook');
    const missing = await agent('admin').put(connectionUrl(facebook)).send({});
    expect(missing.status).toBe(400);
    expect(missing.body.errors.map((error: { field: string }) => error.field)).toEqual(['settings.pageId', 'credentials.accessToken']);

    const address = await agent('admin').put(connectionUrl(channel)).send({ baseUrl: 'file:///etc/passwd' });
    expect(address.status).toBe(400);
    expect(address.body.errors.map((error: { field: string }) => error.field)).toEqual(['baseUrl']);

    const shape = await agent('admin').put(connectionUrl(channel)).send({ credentials: 'token', extra: true });
    expect(shape.status).toBe(400);
    expect(shape.body.errors.map((error: { field: string }) => error.field).sort()).toEqual(['credentials', 'extra']);
  });

  it('lets members see the status but only admins connect, change, test or remove', async () => {
    expect((await agent('editor').get(connectionUrl(channel))).status).toBe(200);
    for (const response of [
      await agent('editor')
        .put(connectionUrl(channel))
        .send({ credentials: { accessToken: 'x' } }),
      await agent('editor')
        .post(`${connectionUrl(channel)}/test`)
        .send(),
      await agent('editor').delete(connectionUrl(channel)),
      await agent('viewer').put(connectionUrl(channel)).send({}),
    ]) {
      expect(response.status).toBe(403);
      expect(response.body.code).toBe('permission_denied');
    }
  });

  it("answers 404 for another organisation's channel", async () => {
    // Not a member of Fjordvik.
    expect((await agent('redaktor').get(connectionUrl(channel))).status).toBe(404);
    // A member of both, asking for Bølgeby's channel under Fjordvik.
    for (const response of [
      await agent('admin').get(connectionUrl(otherOrgChannel)),
      await agent('admin')
        .put(connectionUrl(otherOrgChannel))
        .send({ baseUrl: mastodon.server.baseUrl, credentials: { accessToken: TOKEN } }),
      await agent('admin')
        .post(`${connectionUrl(otherOrgChannel)}/test`)
        .send(),
      await agent('admin').delete(connectionUrl(otherOrgChannel)),
    ]) {
      expect(response.status).toBe(404);
      expect(response.body.code).toBe('channel_not_found');
    }
    const unconnected = await newChannel('x', 'Fjordvik på X');
    expect((await agent('admin').get(connectionUrl(unconnected))).body.code).toBe('connection_not_found');
    expect(
      (
        await agent('admin')
          .post(`${connectionUrl(unconnected)}/test`)
          .send()
      ).body.code,
    ).toBe('connection_not_found');
  });

  it('explains a missing key instead of failing, and still shows the status', async () => {
    await withKey(null, async () => {
      for (const response of [await connectMastodon(channel), await testConnection(channel)]) {
        expect(response.status).toBe(503);
        expect(response.body.code).toBe('credentials_key_missing');
        expect(response.body.message).toContain('CREDENTIALS_KEY');
      }
      await expect(t.app.get(ConnectionsService).forPublishing(t.db.manager, channel)).rejects.toThrow(/CREDENTIALS_KEY/);
      expect((await agent('viewer').get(connectionUrl(channel))).status).toBe(200);
    });
  });

  it('explains credentials saved with another key, and accepts them entered again', async () => {
    await withKey(randomBytes(32), async () => {
      const tested = await testConnection(channel);
      expect(tested.status).toBe(409);
      expect(tested.body.code).toBe('credentials_unreadable');
      expect(tested.body.message).toContain('CREDENTIALS_KEY is not the key they were saved with');
      // Keeping the stored token needs it decrypted; giving it again does not.
      expect((await agent('admin').put(connectionUrl(channel)).send({ settings: {} })).body.code).toBe('credentials_unreadable');
      expect((await connectMastodon(channel)).status).toBe(200);
      expect((await testConnection(channel)).body.ok).toBe(true);
    });
    expect((await testConnection(channel)).status).toBe(409);
    expect((await connectMastodon(channel)).status).toBe(200);
  });

  it('refuses tampered or moved credentials with a clear error', async () => {
    const copy = await newChannel('mastodon', 'Fjordvik kopi');
    expect((await connectMastodon(copy, { credentials: { accessToken: 'another-token' } })).status).toBe(200);
    // The ciphertext is bound to its channel: copied to another, it does not open.
    await t.db.query(
      `UPDATE channel_connections SET credentials = (SELECT credentials FROM channel_connections WHERE channel_id = $1) WHERE channel_id = $2`,
      [channel, copy],
    );
    expect((await testConnection(copy)).body.code).toBe('credentials_unreadable');

    await t.db.query(
      `UPDATE channel_connections SET credentials = set_byte(credentials, length(credentials) - 1, get_byte(credentials, length(credentials) - 1) # 1) WHERE channel_id = $1`,
      [channel],
    );
    const tested = await testConnection(channel);
    expect(tested.status).toBe(409);
    expect(tested.body.code).toBe('credentials_unreadable');
    await expect(t.app.get(ConnectionsService).forPublishing(t.db.manager, channel)).rejects.toBeInstanceOf(CredentialsUnreadableError);
  });

  it('removes the connection and its credentials', async () => {
    const removed = await agent('admin').delete(connectionUrl(channel));
    expect(removed.status).toBe(204);
    expect(await storedRow(channel)).toBeUndefined();
    expect((await agent('viewer').get(connectionUrl(channel))).body.code).toBe('connection_not_found');
    expect((await agent('admin').delete(connectionUrl(channel))).status).toBe(404);
    expect(await t.app.get(ConnectionsService).forPublishing(t.db.manager, channel)).toBeNull();
    expect(await auditText(channel)).toContain('channel.connection_removed');
  });
});
