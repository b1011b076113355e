import { createTestApp, startTestMailbox, type TestApp, type TestMailbox } from '@kadens/api/core/testing';
import { MailOutbox } from '@kadens/api/notifications';
import { PostsModule } from '@kadens/api/posts';
import { randomBytes } from 'node:crypto';

import { PublishingFixture } from '../../testing/publishing-fixture';
import { PublishingModule } from '../publishing.module';
import { ConnectionExpiryWarnings, expiryWarningDue } from './connection-expiry-warnings';
import { ConnectionsService } from './connections.service';

const DAY = 24 * 3600_000;

describe('expiryWarningDue', () => {
  const now = new Date('2026-12-07T12:00:00Z');
  it.each([
    [8 * DAY, null],
    [7 * DAY, 7],
    [3 * DAY, 7],
    [DAY, 1],
    [20 * 3600_000, 1],
    [0, null],
    [-DAY, null],
  ])('%d ms before expiry: %s', (left, expected) => {
    expect(expiryWarningDue(new Date(now.getTime() + left), now)).toBe(expected);
  });
});

/**
 * A connection nobody can renew (no refresh token: a LinkedIn page, a Facebook user token) warns the
 * channel's responsible person and the admins 7 days and 1 day before it expires, once each, in the
 * app and by e-mail; the posts planned after the expiry are "at risk" in needs-attention.
 */
describe('connection expiry warnings and targets at risk (PostgreSQL, a test mailbox)', () => {
  let t: TestApp;
  let f: PublishingFixture;
  let mailbox: TestMailbox;
  let adminId: string;
  let editorId: string;
  let warnings: ConnectionExpiryWarnings;

  const channelExpiring = async (expiresAt: Date, credentials: Record<string, string> = { accessToken: 'li-token' }): Promise<string> => {
    const [{ id }] = await t.db.query(
      `INSERT INTO channels (organization_id, platform, name, responsible_user_id) VALUES ($1, 'linkedin', $2, $3) RETURNING id`,
      [f.organizationId, `LinkedIn ${randomBytes(3).toString('hex')}`, editorId],
    );
    await t.app.get(ConnectionsService).storeAuthorized({
      organizationId: f.organizationId,
      channelId: id,
      actorId: adminId,
      baseUrl: null,
      settings: { authorUrn: 'urn:li:organization:98765' },
      credentials,
      expiresAt,
      accountName: 'Kadens kommune',
    });
    return id;
  };
  const notified = async (channelId: string) =>
    (await t.db.query(
      `SELECT user_id, params FROM notifications WHERE kind = 'connection_expiring' AND params->>'channelId' = $1 ORDER BY user_id`,
      [channelId],
    )) as Array<{ user_id: string; params: Record<string, unknown> }>;

  beforeAll(async () => {
    mailbox = await startTestMailbox();
    t = await createTestApp([PostsModule, PublishingModule], {
      CREDENTIALS_KEY: randomBytes(32).toString('base64'),
      APP_ROLES: 'api',
      SMTP_URL: mailbox.url,
      PUBLIC_URL: 'http://kadens.test',
    });
    f = await new PublishingFixture(t).seed();
    [{ id: adminId }] = await t.db.query(`SELECT id FROM users WHERE email = 'admin@kadens.demo'`);
    [{ id: editorId }] = await t.db.query(`SELECT id FROM users WHERE email = 'editor@kadens.demo'`);
    warnings = t.app.get(ConnectionExpiryWarnings);
  });
  afterAll(async () => {
    await t?.close();
    await mailbox?.close();
  });

  it('7 days and 1 day before: the responsible person and the admins, once each, in the app and by e-mail', async () => {
    const now = new Date();
    const expiresAt = new Date(now.getTime() + 6 * DAY);
    const channelId = await channelExpiring(expiresAt);
    const admins: Array<{ user_id: string }> = await t.db.query(
      `SELECT user_id FROM memberships WHERE organization_id = $1 AND role = 'admin'`,
      [f.organizationId],
    );
    const expected = [...new Set([editorId, ...admins.map((row) => row.user_id)])].sort();

    await warnings.warnDue(now);
    await warnings.warnDue(now);
    const first = await notified(channelId);
    expect(first.map((row) => row.user_id).sort()).toEqual(expected);
    expect(first[0]?.params).toMatchObject({ channelId, daysBefore: 7, expiresAt: expiresAt.toISOString() });

    // A day before: the 1-day warning, once; the 7-day one is not repeated.
    const dayBefore = new Date(expiresAt.getTime() - 20 * 3600_000);
    await Promise.all([warnings.warnDue(dayBefore), warnings.warnDue(dayBefore)]);
    const second = await notified(channelId);
    expect(second).toHaveLength(expected.length * 2);
    expect(second.filter((row) => row.params['daysBefore'] === 1)).toHaveLength(expected.length);

    await t.app.get(MailOutbox).sendPending();
    const mail = await mailbox.waitFor('editor@kadens.demo', /LinkedIn/);
    expect(mail.raw).toContain(`/strategy?channel=${channelId}`);
  });

  it('a connection the worker renews, or one already needing a reconnect, gets no warning', async () => {
    const now = new Date();
    const renewable = await channelExpiring(new Date(now.getTime() + 2 * DAY), { accessToken: 'a', refreshToken: 'r' });
    const broken = await channelExpiring(new Date(now.getTime() + 2 * DAY));
    await t.db.query(`UPDATE channel_connections SET status = 'reconnect_needed' WHERE channel_id = $1`, [broken]);
    await warnings.warnDue(now);
    expect(await notified(renewable)).toEqual([]);
    expect(await notified(broken)).toEqual([]);
  });

  it('targets planned after the expiry are at risk in needs-attention; those before it are not', async () => {
    const expiresAt = new Date(Date.now() + 3 * DAY);
    const channelId = await channelExpiring(expiresAt);
    const [before] = await f.approvedPosts(1, new Date(expiresAt.getTime() - DAY), [channelId], 'Før utløp');
    const [after] = await f.approvedPosts(1, new Date(expiresAt.getTime() + DAY), [channelId], 'Etter utløp');
    const renewable = await channelExpiring(expiresAt, { accessToken: 'a', refreshToken: 'r' });
    const [renewed] = await f.approvedPosts(1, new Date(expiresAt.getTime() + DAY), [renewable], 'Fornyes');

    const response = await f.admin.get(f.url('publishing/attention'));
    expect(response.status).toBe(200);
    const items = response.body as Array<{ postId: string; reason: string; actions: string[] }>;
    const reasons = Object.fromEntries(
      items.filter((item) => [before, after, renewed].includes(item.postId)).map((item) => [item.postId, item]),
    );
    expect(Object.keys(reasons)).toEqual([after]);
    expect(reasons[after as string]).toMatchObject({ reason: 'at_risk', actions: ['reschedule'] });
  });
});
