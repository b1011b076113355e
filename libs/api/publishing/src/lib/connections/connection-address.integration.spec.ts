import { createTestApp, type TestApp } from '@kadens/api/core/testing';
import { DEMO_PASSWORD, DemoSeeder } from '@kadens/api/organizations';
import { FakeWebhookReceiver } from '@kadens/api/platforms/testing';
import { randomBytes } from 'node:crypto';
import type TestAgent from 'supertest/lib/agent';

import { PublishingModule } from '../publishing.module';

const GUIDANCE = 'an operator can allow it with OUTBOUND_ALLOW_HOSTS';

/**
 * The outbound guard seen from the API: the operator allowed the host name `localhost` and nothing
 * else, so the same receiver on 127.0.0.1 is reachable under that name and refused under its address.
 */
describe('channel connection addresses and the outbound guard, against PostgreSQL', () => {
  let t: TestApp;
  let admin: TestAgent;
  let organizationId: string;
  const receiver = new FakeWebhookReceiver();
  const secret = 'a-webhook-secret-of-fjordvik';

  const newWebhookChannel = async (name: string): Promise<string> =>
    (
      await t.db.query(`INSERT INTO channels (organization_id, platform, name) VALUES ($1, 'webhook', $2) RETURNING id`, [
        organizationId,
        name,
      ])
    )[0].id;
  const connectionUrl = (channelId: string) => `/api/organizations/${organizationId}/channels/${channelId}/connection`;
  const save = (channelId: string, baseUrl: string) => admin.put(connectionUrl(channelId)).send({ baseUrl, credentials: { secret } });
  const receiverUnder = (host: string) => receiver.url.replace('127.0.0.1', host);

  beforeAll(async () => {
    await receiver.start();
    receiver.secret = secret;
    t = await createTestApp([PublishingModule], {
      CREDENTIALS_KEY: randomBytes(32).toString('base64'),
      APP_ROLES: 'api',
      OUTBOUND_ALLOW_HOSTS: 'localhost',
    });
    await t.app.get(DemoSeeder).seed();
    [{ id: organizationId }] = await t.db.query(`SELECT id FROM organizations WHERE slug = 'fjordvik'`);
    admin = await t.loginAs('admin@kadens.demo', DEMO_PASSWORD);
  });
  afterAll(async () => {
    await t?.close();
    await receiver.stop();
  });

  it('answers 400 naming baseUrl and why when the address is PostgreSQL on the loopback, and stores nothing', async () => {
    const channelId = await newWebhookChannel('Intern database');
    const response = await save(channelId, 'http://127.0.0.1:5432');
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: `baseUrl: points to a loopback address (127.0.0.1); ${GUIDANCE}`,
      code: 'validation_failed',
      errors: [{ field: 'baseUrl', messages: [`points to a loopback address (127.0.0.1); ${GUIDANCE}`] }],
    });
    expect(await t.db.query(`SELECT 1 FROM channel_connections WHERE channel_id = $1`, [channelId])).toEqual([]);
  });

  it.each([
    ['http://[::1]:6379', 'loopback address (::1)'],
    ['http://2130706433/', 'loopback address (127.0.0.1)'],
    ['http://[::ffff:127.0.0.1]/', 'loopback address (127.0.0.1)'],
    ['http://0.0.0.0/', 'unspecified address (0.0.0.0)'],
    ['http://169.254.169.254/latest/meta-data/', 'link-local address'],
    ['http://10.0.0.1/wp-json', 'private address (10.0.0.1)'],
    ['https://[fd00::1]/', 'unique-local address (fd00::1)'],
  ])('refuses %s as a %s', async (baseUrl, why) => {
    const response = await save(await newWebhookChannel(`Intern ${baseUrl}`), baseUrl);
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([{ field: 'baseUrl', messages: [expect.stringContaining(why)] }]);
  });

  it('saves and tests an address the operator allowed by name', async () => {
    const channelId = await newWebhookChannel('Intranettet');
    const saved = await save(channelId, receiverUnder('localhost'));
    expect(saved.status).toBe(200);
    const tested = await admin.post(`${connectionUrl(channelId)}/test`).send();
    expect(tested.body).toMatchObject({ ok: true, error: null });
    expect(receiver.connectionTests).toBe(1);
  });

  it('never reaches a refused address stored before the guard: the test says why, in its own words only', async () => {
    const channelId = await newWebhookChannel('Lagret før vakten');
    expect((await save(channelId, receiverUnder('localhost'))).status).toBe(200);
    await t.db.query(`UPDATE channel_connections SET base_url = $2 WHERE channel_id = $1`, [channelId, receiver.url]);
    const before = receiver.server.received.length;

    const tested = await admin.post(`${connectionUrl(channelId)}/test`).send();
    expect(tested.status).toBe(200);
    expect(tested.body).toMatchObject({ ok: false, accountName: null, error: { kind: 'auth', status: null } });
    expect(tested.body.error.message).toBe(
      `The connection is incomplete or its address cannot be used: The connection's address is not allowed: points to a loopback address (127.0.0.1); ${GUIDANCE}`,
    );
    expect(receiver.server.received.length).toBe(before);
    const shown = (await admin.get(connectionUrl(channelId))).body;
    expect(shown).toMatchObject({ status: 'reconnect_needed', accountName: null, lastError: tested.body.error.message });
  });
});
