import type { AttentionItem, TargetDelivery } from '@kadens/shared/contracts';

import {
  fieldsOf,
  insertChannel,
  insertTarget,
  type PublishingTestApp,
  startPublishingTestApp,
  type TargetFixture,
} from './publishing-test-fixtures';

describe('the needs-attention list and its actions against PostgreSQL', () => {
  let s: PublishingTestApp;
  let channel: string;
  let authorId: string;
  const org = () => s.fjordvik;
  const target = (state: TargetFixture['state'], extra: Partial<TargetFixture> = {}) =>
    insertTarget(s.t, { organizationId: org(), channelId: channel, authorId, state, ...extra });
  const action = (targetId: string, name: string, who: 'admin' | 'editor' | 'approver' | 'viewer' = 'editor') =>
    s[who].post(s.url(org(), `publishing/targets/${targetId}/${name}`));
  const stateOf = async (targetId: string): Promise<string> =>
    (await s.t.db.query(`SELECT state FROM post_targets WHERE id = $1`, [targetId]))[0].state;
  const attention = async (): Promise<AttentionItem[]> => (await s.viewer.get(s.url(org(), 'publishing/attention')).expect(200)).body;
  const pause = () => s.admin.put(s.url(org(), 'publishing/pause')).send({ reason: 'Storm' }).expect(200);
  const resume = () => s.admin.delete(s.url(org(), 'publishing/pause')).expect(200);

  beforeAll(async () => {
    s = await startPublishingTestApp();
    channel = await insertChannel(s.t, org(), 'facebook');
    authorId = s.userIds['editor@kadens.demo'] ?? '';
  });
  afterAll(() => s?.t.close());

  describe('the list', () => {
    it('lists what waits for a person, newest first, with a message and the actions its state allows', async () => {
      const broken = await insertChannel(s.t, org(), 'bluesky');
      await s.t.db.query(
        `INSERT INTO channel_connections (channel_id, organization_id, credentials, status, last_error) VALUES ($1, $2, '\\x00', 'reconnect_needed', 'Token revoked')`,
        [broken, org()],
      );
      // A broken connection dates from when it broke (unless its targets changed later).
      await s.t.db.query(`UPDATE channel_connections SET updated_at = now() - interval '1 day' WHERE channel_id = $1`, [broken]);
      const failed = await target('failed', { title: 'Feilet', lastError: { kind: 'invalid_content', message: 'Text too long' } });
      const unconfirmed = await target('unconfirmed', { lastError: { kind: 'ambiguous', message: 'Timed out after sending' } });
      const expired = await target('expired', { postState: 'draft' });
      const held = await target('held');
      const reconnect = await target('scheduled', { channelId: broken });
      const queued = await target('queued', { channelId: broken });
      await target('published');
      await target('scheduled');
      await target('queued');
      const theirs = await insertChannel(s.t, s.bolgeby);
      await insertTarget(s.t, {
        organizationId: s.bolgeby,
        channelId: theirs,
        authorId: s.userIds['admin@kadens.demo'] ?? '',
        state: 'failed',
      });
      const order = [held, failed, expired, unconfirmed, queued, reconnect];
      for (const [index, { targetId }] of order.entries()) {
        await s.t.db.query(`UPDATE post_targets SET state_changed_at = now() - make_interval(mins => $2) WHERE id = $1`, [targetId, index]);
      }
      await s.admin
        .put(s.url(org(), `channels/${channel}/publishing-pause`))
        .send({ reason: 'Kontoen er kapret' })
        .expect(200);

      const items = await attention();
      expect(items.map((item) => item.targetId)).toEqual(order.map((o) => o.targetId));
      const byTarget = new Map(items.map((item) => [item.targetId, item]));
      expect(byTarget.get(failed.targetId)).toEqual({
        reason: 'failed',
        targetId: failed.targetId,
        postId: failed.postId,
        postTitle: 'Feilet',
        channelId: channel,
        channelName: 'facebook 1',
        platform: 'facebook',
        state: 'failed',
        plannedAt: '2031-01-01T09:00:00.000Z',
        message: 'Text too long',
        attempts: 0,
        since: expect.any(String),
        // The channel is paused: nothing can be sent again until it is resumed.
        actions: ['reschedule', 'mark_published'],
      });
      expect(byTarget.get(held.targetId)).toMatchObject({
        reason: 'held',
        message: 'Kontoen er kapret',
        actions: ['reschedule', 'mark_published'],
      });
      expect(byTarget.get(unconfirmed.targetId)).toMatchObject({
        reason: 'unconfirmed',
        message: 'Timed out after sending',
        actions: ['mark_published', 'reschedule'],
      });
      expect(byTarget.get(expired.targetId)).toMatchObject({ reason: 'expired', actions: [] });
      expect(byTarget.get(reconnect.targetId)).toMatchObject({
        reason: 'reconnect_needed',
        state: 'scheduled',
        channelId: broken,
        message: 'Token revoked',
        actions: ['reschedule'],
      });
      expect(byTarget.get(queued.targetId)).toMatchObject({ reason: 'reconnect_needed', state: 'queued', actions: [] });

      await s.admin.delete(s.url(org(), `channels/${channel}/publishing-pause`)).expect(200);
      const resumed = new Map((await attention()).map((item) => [item.targetId, item]));
      expect(resumed.get(failed.targetId)?.actions).toEqual(['retry', 'reschedule', 'mark_published']);
      expect(resumed.get(held.targetId)?.actions).toEqual(['publish_now', 'reschedule', 'mark_published']);
      expect(resumed.get(held.targetId)?.message).toBeNull();
      await s.t.db.query(
        `UPDATE post_targets SET state = 'published' WHERE organization_id = $1 AND state IN ('failed', 'unconfirmed', 'expired', 'held')`,
        [org()],
      );
      await s.t.db.query(`DELETE FROM channel_connections WHERE channel_id = $1`, [broken]);
      expect(await attention()).toEqual([]);
    });

    it('hides other organisations (404)', async () => {
      expect((await s.editor.get(s.url(s.bolgeby, 'publishing/attention'))).status).toBe(404);
    });
  });

  describe('retry and publish now', () => {
    it.each([
      ['retry', 'failed'],
      ['retry', 'unconfirmed'],
      ['retry', 'held'],
      ['publish-now', 'held'],
      ['publish-now', 'failed'],
    ] as const)('%s takes a %s target back to scheduled, due now, keeping the last error', async (name, state) => {
      const { targetId, postId } = await target(state, { lastError: { kind: 'transient', message: '502 from the platform' } });
      const response = await action(targetId, name, 'approver');
      expect(response.status).toBe(200);
      const delivery: TargetDelivery = response.body;
      expect(delivery).toMatchObject({
        targetId,
        postId,
        channelId: channel,
        state: 'scheduled',
        lastError: { kind: 'transient', message: '502 from the platform' },
      });
      expect(Math.abs(Date.parse(delivery.notBefore ?? '') - Date.now())).toBeLessThan(60_000);
      const [event] = await s.t.db.query(
        `SELECT actor_id, subject_type, before, after FROM audit_events WHERE subject_id = $1 AND action = $2`,
        [postId, `target.${name.replace('-', '_')}`],
      );
      expect(event).toMatchObject({
        actor_id: s.userIds['approver@kadens.demo'],
        subject_type: 'post',
        before: { targetId, state },
        after: { targetId, state: 'scheduled' },
      });
    });

    it.each(['scheduled', 'queued', 'publishing', 'published', 'expired', 'pending'] as const)(
      'refuses a %s target (409 target_state)',
      async (state) => {
        const { targetId } = await target(state);
        const response = await action(targetId, 'retry');
        expect(response.status).toBe(409);
        expect(response.body.code).toBe('target_state');
        expect(await stateOf(targetId)).toBe(state);
      },
    );

    it('refuses while the organisation or the channel is paused (409 publishing_paused)', async () => {
      const { targetId } = await target('held');
      await pause();
      const whilePaused = await action(targetId, 'publish-now');
      expect(whilePaused.status).toBe(409);
      expect(whilePaused.body.code).toBe('publishing_paused');
      await resume();
      await s.admin
        .put(s.url(org(), `channels/${channel}/publishing-pause`))
        .send({ reason: 'Kapret' })
        .expect(200);
      expect((await action(targetId, 'retry')).body.code).toBe('publishing_paused');
      await s.admin.delete(s.url(org(), `channels/${channel}/publishing-pause`)).expect(200);
      expect(await stateOf(targetId)).toBe('held');
      expect((await action(targetId, 'publish-now')).status).toBe(200);
    });

    it('refuses when the post is not approved (409 not_approved)', async () => {
      const { targetId } = await target('failed', { postState: 'in_review' });
      const response = await action(targetId, 'retry');
      expect(response.status).toBe(409);
      expect(response.body.code).toBe('not_approved');
    });

    it('lets only those who manage publishing act, and only on their organisation’s targets', async () => {
      const { targetId } = await target('failed');
      expect((await action(targetId, 'retry', 'viewer')).status).toBe(403);
      const theirs = await insertTarget(s.t, {
        organizationId: s.bolgeby,
        channelId: await insertChannel(s.t, s.bolgeby),
        authorId: s.userIds['admin@kadens.demo'] ?? '',
        state: 'failed',
      });
      const foreign = await action(theirs.targetId, 'retry', 'admin');
      expect(foreign.status).toBe(404);
      expect(foreign.body.code).toBe('target_not_found');
      expect(await stateOf(theirs.targetId)).toBe('failed');
      expect(fieldsOf((await action('nope', 'retry')).body)).toEqual(['targetId']);
    });
  });

  describe('mark published', () => {
    it.each([['ftp://example.org/x'], ['not a url'], [42]])('refuses url %p (400 naming url)', async (url) => {
      const { targetId } = await target('unconfirmed');
      const response = await action(targetId, 'mark-published').send({ url });
      expect(response.status).toBe(400);
      expect(fieldsOf(response.body)).toEqual(['url']);
    });

    it('records a marked_published attempt by the person, with the URL and note', async () => {
      const { targetId, postId } = await target('unconfirmed', { lastError: { kind: 'ambiguous', message: 'Timed out' } });
      await s.t.db.query(`UPDATE post_targets SET attempt_count = 2 WHERE id = $1`, [targetId]);
      const response = await action(targetId, 'mark-published').send({
        url: 'https://facebook.com/fjordvik/posts/1',
        note: ' Sjekket siden ',
      });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        state: 'published',
        externalUrl: 'https://facebook.com/fjordvik/posts/1',
        attempts: 3,
        lastError: null,
        publishedAt: expect.any(String),
      });
      const attempts = (await s.viewer.get(s.url(org(), `publishing/targets/${targetId}/attempts`)).expect(200)).body;
      expect(attempts).toEqual([
        expect.objectContaining({
          targetId,
          number: 3,
          outcome: 'marked_published',
          message: 'Sjekket siden',
          externalUrl: 'https://facebook.com/fjordvik/posts/1',
          finishedAt: expect.any(String),
          actor: { id: s.userIds['editor@kadens.demo'], name: 'Erik Redaktør' },
        }),
      ]);
      const [event] = await s.t.db.query(`SELECT reason FROM audit_events WHERE subject_id = $1 AND action = 'target.mark_published'`, [
        postId,
      ]);
      expect(event.reason).toBe('Sjekket siden');
      const again = await action(targetId, 'mark-published').send({});
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('target_state');
    });

    it('marks a held target published without a URL, even while paused', async () => {
      const { targetId } = await target('held');
      await pause();
      const response = await action(targetId, 'mark-published').send({});
      await resume();
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ state: 'published', externalUrl: null });
    });

    it('refuses a scheduled target (409 target_state)', async () => {
      const { targetId } = await target('scheduled');
      expect((await action(targetId, 'mark-published').send({})).body.code).toBe('target_state');
    });
  });

  describe('reschedule', () => {
    it.each([
      ['in the past', '2020-01-01T09:00:00Z'],
      ['without an offset', '2031-06-01T09:00:00'],
      ['not a time', 'tomorrow'],
      ['before the post’s planned time', '2030-12-31T09:00:00Z'],
    ])('refuses a time %s (400 naming at)', async (_case, at) => {
      const { targetId } = await target('failed');
      const response = await action(targetId, 'reschedule').send({ at });
      expect(response.status).toBe(400);
      expect(fieldsOf(response.body)).toEqual(['at']);
      expect(await stateOf(targetId)).toBe('failed');
    });

    it.each(['failed', 'unconfirmed', 'held', 'scheduled'] as const)('gives a %s target a new time, even while paused', async (state) => {
      const { targetId } = await target(state);
      await pause();
      const response = await action(targetId, 'reschedule').send({ at: '2031-02-01T10:00:00+01:00' });
      await resume();
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ state: 'scheduled', notBefore: '2031-02-01T09:00:00.000Z' });
    });

    it.each(['queued', 'expired', 'published'] as const)('refuses a %s target (409 target_state)', async (state) => {
      const { targetId } = await target(state);
      expect((await action(targetId, 'reschedule').send({ at: '2031-02-01T09:00:00Z' })).body.code).toBe('target_state');
    });

    it('refuses a target of a post that is not approved (409 not_approved)', async () => {
      const { targetId } = await target('held', { postState: 'changes_requested' });
      expect((await action(targetId, 'reschedule').send({ at: '2031-02-01T09:00:00Z' })).body.code).toBe('not_approved');
    });
  });

  describe('deliveries and attempts', () => {
    it('shows each target of a post for the post page', async () => {
      const { postId, targetId } = await target('failed', { lastError: { kind: 'rate_limited', message: 'Slow down' } });
      const other = await insertChannel(s.t, org(), 'mastodon');
      await s.t.db.query(
        `INSERT INTO post_targets (organization_id, post_id, channel_id, state, external_url, published_at, attempt_count) VALUES ($1, $2, $3, 'published', 'https://social.example/@fjordvik/1', now(), 1)`,
        [org(), postId, other],
      );
      const deliveries: TargetDelivery[] = (await s.viewer.get(s.url(org(), `posts/${postId}/deliveries`)).expect(200)).body;
      expect(deliveries).toEqual([
        {
          targetId,
          postId,
          channelId: channel,
          state: 'failed',
          attempts: 0,
          externalUrl: null,
          publishedAt: null,
          lastError: { kind: 'rate_limited', message: 'Slow down' },
          notBefore: null,
        },
        expect.objectContaining({
          channelId: other,
          state: 'published',
          attempts: 1,
          externalUrl: 'https://social.example/@fjordvik/1',
          publishedAt: expect.any(String),
          lastError: null,
        }),
      ]);
    });

    it('hides other organisations’ posts and targets (404)', async () => {
      const theirs = await insertTarget(s.t, {
        organizationId: s.bolgeby,
        channelId: await insertChannel(s.t, s.bolgeby),
        authorId: s.userIds['admin@kadens.demo'] ?? '',
        state: 'failed',
      });
      const post = await s.admin.get(s.url(org(), `posts/${theirs.postId}/deliveries`));
      expect(post.status).toBe(404);
      expect(post.body.code).toBe('post_not_found');
      const attempts = await s.admin.get(s.url(org(), `publishing/targets/${theirs.targetId}/attempts`));
      expect(attempts.status).toBe(404);
      expect(attempts.body.code).toBe('target_not_found');
      expect((await s.admin.get(s.url(s.bolgeby, `publishing/targets/${theirs.targetId}/attempts`))).body).toEqual([]);
    });
  });
});
