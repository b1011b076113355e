import { createTestApp, isolatedAppEnv, type TestApp, testRedisUrl } from '@kadens/api/core/testing';
import { blueskyRecordKey } from '@kadens/api/platforms';
import { FakeBluesky, FakeMastodon, FakeWebhookReceiver, requestMatching } from '@kadens/api/platforms/testing';
import { PostsModule } from '@kadens/api/posts';
import { platformRules } from '@kadens/shared/platform-rules';
import { randomBytes } from 'node:crypto';

import { PublishingFixture } from '../../testing/publishing-fixture';
import { PublishingModule } from '../publishing.module';
import { Reconciler } from './reconciler';

const SECRET = 'whsec-0123456789abcdef';

/**
 * Ambiguous attempts asked about on the platform (issue 15): the reconciler's silent attempts and the
 * publisher's ambiguous answers, against the fake Bluesky, Mastodon and webhook receiver and PostgreSQL.
 */
describe('looking up ambiguous attempts on the platform', () => {
  let t: TestApp;
  let f: PublishingFixture;
  const bluesky = new FakeBluesky();
  const mastodon = new FakeMastodon();
  const receiver = new FakeWebhookReceiver();
  const channels = { bluesky: '', mastodon: '', deduplicating: '', plain: '' };

  const connect = async (platform: string, name: string, connection: Record<string, unknown>) => {
    const [{ id }] = await t.db.query(`INSERT INTO channels (organization_id, platform, name) VALUES ($1, $2, $3) RETURNING id`, [
      f.organizationId,
      platform,
      name,
    ]);
    const response = await f.admin.put(f.url(`channels/${id}/connection`)).send(connection);
    if (response.status !== 200) throw new Error(`connecting ${name}: ${response.status} ${JSON.stringify(response.body)}`);
    return id as string;
  };

  /** A target whose worker died mid-call: publishing, its attempt started `agoMs` ago and never finished. */
  const silentTarget = async (channelId: string, { number = 1, agoMs = 120_000 } = {}) => {
    const [post] = await f.approvedPosts(1, new Date(Date.now() + 3_600_000), [channelId], `Stille ${randomBytes(3).toString('hex')}`);
    await t.db.query(`UPDATE post_targets SET state = 'publishing', attempt_count = $2 WHERE post_id = $1`, [post, number]);
    const [{ id, body }] = await t.db.query(`SELECT t.id, p.body FROM post_targets t JOIN posts p ON p.id = t.post_id WHERE p.id = $1`, [
      post,
    ]);
    await t.db.query(
      `INSERT INTO publish_attempts (organization_id, target_id, revision, number, started_at) VALUES ($1, $2, 1, $3, now() - make_interval(secs => $4::double precision / 1000))`,
      [f.organizationId, id, number, agoMs],
    );
    // Due now, so a retry goes out as soon as its backoff allows.
    await t.db.query(`UPDATE posts SET planned_at = now() - interval '5 seconds' WHERE id = $1`, [post]);
    return { post: post as string, target: id as string, key: `${id}.1`, text: body as string };
  };
  const row = async (target: string) =>
    (
      await t.db.query(`SELECT state, external_id, external_url, last_error, not_before, published_at FROM post_targets WHERE id = $1`, [
        target,
      ])
    )[0] as { state: string; external_id: string | null; external_url: string | null; last_error: string | null; not_before: Date | null };
  const outcomes = async (target: string) =>
    (
      (await t.db.query(`SELECT outcome FROM publish_attempts WHERE target_id = $1 ORDER BY started_at`, [target])) as Array<{
        outcome: string;
      }>
    ).map((a) => a.outcome);
  const settled = async (target: string, state: string, timeoutMs = 10_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const current = await row(target);
      if (current.state === state) return current;
      if (Date.now() > deadline) throw new Error(`target is ${current.state}, not ${state}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  const reconcile = () => t.app.get(Reconciler).reconcile();

  beforeAll(async () => {
    await Promise.all([bluesky.start(), mastodon.start(), receiver.start()]);
    const redisUrl = testRedisUrl();
    // BullMQ on the real Redis when one answers (scripts/test.mjs sets TEST_REDIS_URL), else the in-process queue.
    t = await createTestApp([PostsModule, PublishingModule], {
      ...(redisUrl ? { REDIS_URL: redisUrl } : {}),
      ...isolatedAppEnv(),
      PUBLISH_DISPATCH_INTERVAL_MS: '100',
      PUBLISH_RECONCILE_INTERVAL_MS: '3600000',
      PUBLISH_LOOKAHEAD_MS: '5000',
      PUBLISH_RETRY_BASE_MS: '100',
      PUBLISH_REQUEST_TIMEOUT_MS: '1000',
      PUBLISH_STUCK_AFTER_MS: '60000',
    });
    f = await new PublishingFixture(t).seed();
    channels.bluesky = await connect('bluesky', 'Bluesky', {
      baseUrl: bluesky.server.baseUrl,
      credentials: { identifier: bluesky.handle, appPassword: bluesky.appPassword },
    });
    channels.mastodon = await connect('mastodon', 'Mastodon', {
      baseUrl: mastodon.server.baseUrl,
      credentials: { accessToken: mastodon.accessToken },
    });
    channels.deduplicating = await connect('webhook', 'Intranett', {
      baseUrl: receiver.url,
      credentials: { secret: SECRET },
      settings: { deduplicates: 'yes' },
    });
    channels.plain = await connect('webhook', 'Nyhetsbrev', { baseUrl: receiver.url, credentials: { secret: SECRET } });
  });

  afterAll(async () => {
    await t?.close();
    await Promise.all([bluesky.stop(), mastodon.stop(), receiver.stop()]);
  });

  describe('the reconciler, before it declares a silent attempt unconfirmed', () => {
    it('settles as published a Bluesky post the look-up finds at its record key, without publishing again', async () => {
      const silent = await silentTarget(channels.bluesky);
      const rkey = blueskyRecordKey(silent.key);
      const text = platformRules('bluesky').composeText({ text: silent.text, link: null });
      const uri = `at://${bluesky.did}/app.bsky.feed.post/${rkey}`;
      bluesky.records.set(rkey, {
        uri,
        cid: 'bafyreiexisting',
        rkey,
        value: { $type: 'app.bsky.feed.post', text, createdAt: new Date().toISOString() },
      });
      const records = bluesky.records.size;

      expect((await reconcile()).timedOut).toBe(1);
      const settledRow = await row(silent.target);
      expect(settledRow).toMatchObject({
        state: 'published',
        external_id: uri,
        external_url: `https://bsky.app/profile/${bluesky.did}/post/${rkey}`,
      });
      expect(await outcomes(silent.target)).toEqual(['published']);
      const [attempt] = await t.db.query(`SELECT message FROM publish_attempts WHERE target_id = $1`, [silent.target]);
      expect(attempt.message).toMatch(/found on the platform by a look-up/);
      expect(bluesky.records.size).toBe(records);
      expect(bluesky.server.requestsTo('POST', /createRecord/).filter((r) => (r.json as { rkey?: string }).rkey === rkey)).toHaveLength(0);
    });

    it('sends again a Bluesky post the look-up does not find, and it is published once', async () => {
      const silent = await silentTarget(channels.bluesky);
      expect((await reconcile()).timedOut).toBe(1);
      const after = await row(silent.target);
      expect(after.state).toMatch(/scheduled|queued|publishing|published/);
      await settled(silent.target, 'published');
      expect(await outcomes(silent.target)).toEqual(['timed_out', 'published']);
      const rkey = blueskyRecordKey(silent.key);
      expect(bluesky.records.get(rkey)?.value['text']).toBe(silent.text);
      expect(bluesky.server.requestsTo('POST', /createRecord/).filter((r) => (r.json as { rkey?: string }).rkey === rkey)).toHaveLength(1);
    });

    it('settles as published a Mastodon status its Idempotency-Key replays, within the hour', async () => {
      const silent = await silentTarget(channels.mastodon);
      mastodon.statuses.push({
        id: '990001',
        content: silent.text,
        visibility: 'public',
        language: null,
        idempotencyKey: silent.key,
        mediaIds: [],
      });
      const statuses = mastodon.statuses.length;
      await reconcile();
      expect(await row(silent.target)).toMatchObject({ state: 'published', external_id: '990001' });
      expect(await outcomes(silent.target)).toEqual(['published']);
      expect(mastodon.statuses).toHaveLength(statuses);
      // The look-up sent an empty status under the key: it cannot make a post.
      const probe = mastodon.server.requestsTo('POST', /statuses/).find((r) => r.headers['idempotency-key'] === silent.key);
      expect(probe?.json).toEqual({ status: '' });
    });

    it('sends again a Mastodon status the key does not know: the probe is refused, the retry publishes it once', async () => {
      const silent = await silentTarget(channels.mastodon);
      await reconcile();
      await settled(silent.target, 'published');
      expect(mastodon.statuses.filter((status) => status.idempotencyKey === silent.key)).toHaveLength(1);
      expect(await outcomes(silent.target)).toEqual(['timed_out', 'published']);
    });

    it('leaves unconfirmed, saying why, a Mastodon attempt older than the hour the key is kept', async () => {
      const silent = await silentTarget(channels.mastodon, { agoMs: 2 * 3_600_000 });
      await reconcile();
      const after = await row(silent.target);
      expect(after.state).toBe('unconfirmed');
      expect(after.last_error).toMatch(/looking it up did not tell: .*cannot tell/);
      expect(mastodon.server.requestsTo('POST', /statuses/).some((r) => r.headers['idempotency-key'] === silent.key)).toBe(false);
    });

    it('leaves unconfirmed, with the reason, when the look-up itself fails and no attempts are left', async () => {
      const silent = await silentTarget(channels.bluesky, { number: 5 });
      bluesky.server.replyNext(requestMatching('GET', /getRecord/), {
        status: 503,
        json: { error: 'InternalServerError', message: 'Try later' },
      });
      await reconcile();
      const after = await row(silent.target);
      expect(after.state).toBe('unconfirmed');
      expect(after.last_error).toMatch(/may or may not have the post; looking it up did not tell: .*503/);
      expect(await outcomes(silent.target)).toEqual(['timed_out']);
    });

    it('sends again to a receiver whose connection says it deduplicates, and it is delivered once', async () => {
      const silent = await silentTarget(channels.deduplicating);
      await reconcile();
      await settled(silent.target, 'published');
      expect(receiver.deliveries.filter((d) => d.idempotencyKey === silent.key)).toHaveLength(1);
      expect(await outcomes(silent.target)).toEqual(['timed_out', 'published']);
    });

    it('keeps a receiver that does not promise to deduplicate honest: unconfirmed, with the reason', async () => {
      const silent = await silentTarget(channels.plain);
      await reconcile();
      const after = await row(silent.target);
      expect(after.state).toBe('unconfirmed');
      expect(after.last_error).toMatch(/does not say it deduplicates/);
    });
  });

  describe('the publisher, on an ambiguous answer', () => {
    it('repeats a timed-out delivery to a deduplicating receiver: the receiver has it once, the target is published', async () => {
      receiver.server.delayNext((request) => request.method === 'POST', 2_500, 'after_handling');
      const [post] = await f.approvedPosts(1, new Date(Date.now() + 300), [channels.deduplicating], 'Tidsavbrudd');
      const [{ id }] = await t.db.query(`SELECT id FROM post_targets WHERE post_id = $1`, [post]);
      const published = await settled(id, 'published', 15_000);
      expect(published.external_url).toMatch(/^https:\/\/intranett\.kommune\.no\//);
      expect(receiver.deliveries.filter((d) => d.idempotencyKey === `${id}.1`)).toHaveLength(1);
      expect(receiver.server.requestsTo('POST', /hooks/).filter((r) => r.headers['idempotency-key'] === `${id}.1`)).toHaveLength(2);
      expect(await outcomes(id)).toEqual(['ambiguous', 'published']);
    });
  });
});
