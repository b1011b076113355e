import { OrganizationsModule } from '@kadens/api/organizations';
import { type DemoTestApp, startDemoTestApp } from '@kadens/api/organizations/testing';
import { blueskyRecordKey } from '@kadens/api/platforms';
import { FakeBluesky, FakeWebhookReceiver } from '@kadens/api/platforms/testing';
import type { AttentionItem, TargetCheck } from '@kadens/shared/contracts';
import { randomBytes } from 'node:crypto';

import { PublishingModule } from '../publishing.module';
import { insertChannel, insertTarget } from './publishing-test-fixtures';

/** "Check again" on an unconfirmed target: the platform is asked now (issue 15), against the fakes and PostgreSQL. */
describe('checking an unconfirmed target again against PostgreSQL', () => {
  let s: DemoTestApp;
  const bluesky = new FakeBluesky();
  const receiver = new FakeWebhookReceiver();
  let blueskyChannel: string;
  let webhookChannel: string;
  let authorId: string;

  const connect = async (channelId: string, connection: Record<string, unknown>) =>
    s.admin
      .put(s.url(s.fjordvik, `channels/${channelId}/connection`))
      .send(connection)
      .expect(200);
  /** An unconfirmed target whose one attempt went silent. */
  const unconfirmed = async (channelId: string, state: 'unconfirmed' | 'failed' = 'unconfirmed') => {
    const target = await insertTarget(s.t, {
      organizationId: s.fjordvik,
      channelId,
      authorId,
      state,
      lastError: { kind: 'timed_out', message: 'No answer from the worker within 900 s' },
    });
    await s.t.db.query(`UPDATE post_targets SET attempt_count = 1 WHERE id = $1`, [target.targetId]);
    await s.t.db.query(
      `INSERT INTO publish_attempts (organization_id, target_id, revision, number, started_at, finished_at, outcome, message)
       VALUES ($1, $2, 1, 1, now() - interval '20 minutes', now() - interval '5 minutes', 'timed_out', 'No answer')`,
      [s.fjordvik, target.targetId],
    );
    return target;
  };
  const check = (targetId: string, who: 'admin' | 'editor' | 'viewer' = 'editor', organizationId = s.fjordvik) =>
    s[who].post(s.url(organizationId, `publishing/targets/${targetId}/check-again`));

  beforeAll(async () => {
    await Promise.all([bluesky.start(), receiver.start()]);
    s = await startDemoTestApp([OrganizationsModule, PublishingModule], {
      APP_ROLES: 'api',
      CREDENTIALS_KEY: randomBytes(32).toString('base64'),
      PUBLISH_REQUEST_TIMEOUT_MS: '2000',
    });
    authorId = s.userIds['editor@kadens.demo'] ?? '';
    blueskyChannel = await insertChannel(s.t, s.fjordvik, 'bluesky');
    await connect(blueskyChannel, {
      baseUrl: bluesky.server.baseUrl,
      credentials: { identifier: bluesky.handle, appPassword: bluesky.appPassword },
    });
    webhookChannel = await insertChannel(s.t, s.fjordvik, 'webhook');
    await connect(webhookChannel, { baseUrl: receiver.url, credentials: { secret: 'whsec-0123456789abcdef' } });
  });
  afterAll(async () => {
    await s?.t.close();
    await Promise.all([bluesky.stop(), receiver.stop()]);
  });

  it('is offered first for an unconfirmed target on a platform that can be asked', async () => {
    const { targetId } = await unconfirmed(blueskyChannel);
    const items: AttentionItem[] = (await s.viewer.get(s.url(s.fjordvik, 'publishing/attention')).expect(200)).body;
    expect(items.find((item) => item.targetId === targetId)?.actions).toEqual(['check_again', 'mark_published', 'retry', 'reschedule']);
  });

  it('publishes the target when the platform has the post, recorded as the person’s check', async () => {
    const { targetId, postId } = await unconfirmed(blueskyChannel);
    const rkey = blueskyRecordKey(`${targetId}.1`);
    const uri = `at://${bluesky.did}/app.bsky.feed.post/${rkey}`;
    bluesky.records.set(rkey, {
      uri,
      cid: 'bafyreifound',
      rkey,
      value: { $type: 'app.bsky.feed.post', text: 'Body', createdAt: new Date().toISOString() },
    });

    const response = await check(targetId).expect(200);
    const body: TargetCheck = response.body;
    expect(body.result).toBe('found');
    expect(body.reason).toBeNull();
    expect(body.delivery).toMatchObject({
      targetId,
      state: 'published',
      externalUrl: `https://bsky.app/profile/${bluesky.did}/post/${rkey}`,
    });
    const attempts = await s.t.db.query(
      `SELECT outcome, actor_id, external_id FROM publish_attempts WHERE target_id = $1 ORDER BY started_at`,
      [targetId],
    );
    expect(attempts).toEqual([
      { outcome: 'timed_out', actor_id: null, external_id: null },
      { outcome: 'published', actor_id: authorId, external_id: uri },
    ]);
    const [audit] = await s.t.db.query(`SELECT action, after FROM audit_events WHERE subject_id = $1 ORDER BY created_at DESC LIMIT 1`, [
      postId,
    ]);
    expect(audit).toMatchObject({ action: 'target.check_again', after: { state: 'published', check: 'found' } });
    // Published now: a second check is refused.
    expect((await check(targetId)).status).toBe(409);
  });

  it('leaves the target unconfirmed and says a retry is safe when the platform does not have the post', async () => {
    const { targetId } = await unconfirmed(blueskyChannel);
    const body: TargetCheck = (await check(targetId).expect(200)).body;
    expect(body).toMatchObject({ result: 'not_found', reason: null, delivery: { state: 'unconfirmed' } });
  });

  it('says it could not tell, and why, for a receiver that does not promise to deduplicate', async () => {
    const { targetId } = await unconfirmed(webhookChannel);
    const body: TargetCheck = (await check(targetId).expect(200)).body;
    expect(body.result).toBe('unknown');
    expect(body.reason).toMatch(/does not say it deduplicates/);
    expect(body.delivery.state).toBe('unconfirmed');
    expect(receiver.server.requestsTo('POST', /hooks/)).toHaveLength(0);
  });

  it('answers repeat_is_safe once the connection says the receiver deduplicates', async () => {
    await connect(webhookChannel, { settings: { deduplicates: 'yes' } });
    const { targetId } = await unconfirmed(webhookChannel);
    expect((await check(targetId).expect(200)).body).toMatchObject({ result: 'repeat_is_safe', delivery: { state: 'unconfirmed' } });
  });

  it('refuses a target that is not unconfirmed (409), a role without publishing.manage (403) and another organisation (404)', async () => {
    const failed = await unconfirmed(blueskyChannel, 'failed');
    const refused = await check(failed.targetId);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('target_state');
    const { targetId } = await unconfirmed(blueskyChannel);
    expect((await check(targetId, 'viewer')).status).toBe(403);
    const theirs = await insertChannel(s.t, s.bolgeby, 'bluesky');
    const foreign = await insertTarget(s.t, {
      organizationId: s.bolgeby,
      channelId: theirs,
      authorId: s.userIds['admin@kadens.demo'] ?? '',
      state: 'unconfirmed',
    });
    const hidden = await check(foreign.targetId);
    expect(hidden.status).toBe(404);
    expect(hidden.body.code).toBe('target_not_found');
    expect((await check('not-a-uuid')).status).toBe(400);
  });
});
