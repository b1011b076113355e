import { createTestApp, isolatedAppEnv, queueVariants, type TestApp } from '@kadens/api/core/testing';
import { type MetricsReading, type PlatformAdapter, PlatformRegistry } from '@kadens/api/platforms';
import { FakeMastodon, mastodonRateLimitHeaders, requestMatching } from '@kadens/api/platforms/testing';

import { hoursAgo, ResultsFixture } from '../../testing/results-fixture';
import { ResultsPlanner } from '../planning/results-planner';
import { ResultsModule } from '../results.module';
import { InProcessResultsQueue } from './queue/in-process-results-queue';
import { ResultsQueue } from './queue/results-job';
import { ResultsDispatcher } from './results-dispatcher';
import { ResultsReconciler } from './results-reconciler';

const STATUS_READ = requestMatching('GET', /^\/api\/v1\/statuses\//);

/**
 * Collection through BullMQ on the real Redis and through the in-process queue, against the fake
 * Mastodon (GET /api/v1/statuses/:id). The scheduler role is off: each test plans and dispatches itself,
 * the worker reads as in production.
 */
describe.each(queueVariants({ bullmq: { APP_ROLES: 'api,worker' }, inProcess: { APP_ROLES: 'api' } }))(
  'collecting results through %s against PostgreSQL',
  (_name, queueEnv: Record<string, string>) => {
    const mastodon = new FakeMastodon();
    let t: TestApp;
    let f: ResultsFixture;
    let channel: string;

    /** A status on the fake, published on the channel `hours` ago, planned; its 1 h stage is due. */
    const publishedStatus = async (counts = { replies: 2, reblogs: 5, favourites: 11, quotes: 1 }, hours = 2, on = channel) => {
      const status = mastodon.addStatus(counts);
      const target = await f.publishedTarget(on, hoursAgo(hours), status.id);
      await t.app.get(ResultsPlanner).plan();
      return { status, target };
    };
    const dispatch = () => t.app.get(ResultsDispatcher).dispatchDue();
    const connection = async (channelId: string) =>
      (await t.db.query(`SELECT status, last_error FROM channel_connections WHERE channel_id = $1`, [channelId]))[0] as {
        status: string;
        last_error: string | null;
      };

    beforeAll(async () => {
      await mastodon.start();
      t = await createTestApp([ResultsModule], {
        ...queueEnv,
        ...isolatedAppEnv(),
        RESULTS_REQUEST_TIMEOUT_MS: '2000',
        RESULTS_RETRY_BASE_MS: '100',
        RESULTS_MAX_ATTEMPTS: '2',
        RESULTS_LOST_JOB_AFTER_MS: '1000',
      });
      f = await new ResultsFixture(t).seed();
      channel = await f.mastodonChannel('Fjordvik på Mastodon', mastodon.server.baseUrl, mastodon.accessToken);
    });
    afterAll(async () => {
      await t?.close();
      await mastodon.stop();
    });

    it('reads the status’s public counts into the snapshot and the target’s latest numbers', async () => {
      const { status, target } = await publishedStatus();
      expect(await dispatch()).toMatchObject({ queued: 1 });
      const snapshot = await f.settled(target, '1h', ['collected', 'failed']);
      expect(snapshot).toMatchObject({
        state: 'collected',
        comments: '2',
        reactions: '11',
        shares: '6',
        views: null,
        error: null,
        job_id: null,
      });
      expect(snapshot.raw).toMatchObject({ id: status.id, replies_count: 2, reblogs_count: 5, favourites_count: 11, quotes_count: 1 });
      expect(mastodon.server.requestsTo('GET', new RegExp(`/api/v1/statuses/${status.id}$`))).toHaveLength(1);

      const view = await f.publishing.admin.get(f.url(`publishing/targets/${target}/results`));
      expect(view.status).toBe(200);
      expect(view.body).toMatchObject({
        targetId: target,
        platform: 'mastodon',
        collected: true,
        latest: { comments: 2, reactions: 11, shares: 6 },
        total: { comments: 2, reactions: 11, shares: 6 },
        manual: null,
      });
      expect(view.body.latest).not.toHaveProperty('views');
      expect(view.body.snapshots.map((s: { stage: string; state: string }) => `${s.stage}:${s.state}`)).toEqual([
        '1h:collected',
        '24h:due',
        '7d:due',
        '28d:due',
      ]);

      // A day later the counts have grown; the 24 h reading becomes the latest.
      status.counts = { replies: 4, reblogs: 9, favourites: 30, quotes: 1 };
      await t.db.query(`UPDATE result_snapshots SET due_at = now() - interval '1 second' WHERE target_id = $1 AND stage = '24h'`, [target]);
      await dispatch();
      await f.settled(target, '24h', ['collected']);
      const [latest] = await t.db.query(`SELECT comments, reactions, shares, rollup_pending FROM target_results WHERE target_id = $1`, [
        target,
      ]);
      expect(latest).toEqual({ comments: '4', reactions: '30', shares: '10', rollup_pending: true });

      // A reading that lands after a newer one (a retry that took long) leaves the newer numbers in place.
      await t.db.query(`UPDATE target_results SET collected_at = now() + interval '1 hour' WHERE target_id = $1`, [target]);
      status.counts = { replies: 1, reblogs: 1, favourites: 1, quotes: 0 };
      await t.db.query(`UPDATE result_snapshots SET due_at = now() - interval '1 second' WHERE target_id = $1 AND stage = '7d'`, [target]);
      await dispatch();
      expect(await f.settled(target, '7d', ['collected'])).toMatchObject({ reactions: '1' });
      const [kept] = await t.db.query(`SELECT reactions FROM target_results WHERE target_id = $1`, [target]);
      expect(kept).toEqual({ reactions: '30' });
    });

    it('reads again after the platform’s reset when it answers 429', async () => {
      const { target } = await publishedStatus();
      const reset = new Date(Date.now() + 90_000);
      mastodon.server.replyNext(STATUS_READ, {
        status: 429,
        headers: mastodonRateLimitHeaders(0, reset),
        json: { error: 'Too many requests' },
      });
      await dispatch();
      const snapshot = await f.settled(target, '1h', ['due']);
      expect(snapshot).toMatchObject({ state: 'due', error_kind: 'rate_limited', attempts: 0, job_id: null });
      expect(Math.abs((snapshot.not_before?.getTime() ?? 0) - reset.getTime())).toBeLessThan(5_000);
      // Not due yet: the dispatcher leaves it alone until the reset.
      expect(await dispatch()).toEqual({ queued: 0, skipped: 0 });
    });

    it('fails the snapshot and marks the channel "reconnect needed" when the platform answers 401, and asks no more on that channel', async () => {
      const refused = await f.mastodonChannel('Gammel Mastodon-konto', mastodon.server.baseUrl, 'a-revoked-token');
      const { target } = await publishedStatus(undefined, 2, refused);
      await dispatch();
      const snapshot = await f.settled(target, '1h', ['failed', 'collected', 'due']);
      expect(snapshot).toMatchObject({ state: 'failed', error_kind: 'auth' });
      expect(await connection(refused)).toEqual({ status: 'reconnect_needed', last_error: expect.stringContaining('access token') });

      const reads = mastodon.server.requestsTo('GET', /^\/api\/v1\/statuses\//).length;
      const { target: next } = await publishedStatus(undefined, 2, refused);
      await dispatch();
      expect(await f.settled(next, '1h', ['failed', 'collected'])).toMatchObject({ state: 'failed', error_kind: 'auth' });
      expect(mastodon.server.requestsTo('GET', /^\/api\/v1\/statuses\//)).toHaveLength(reads);
    });

    it('retries a transient failure with backoff, then fails after RESULTS_MAX_ATTEMPTS', async () => {
      const { target } = await publishedStatus();
      const unavailable = { status: 503, json: { error: 'Service Unavailable' } };
      mastodon.server.replyNext(STATUS_READ, unavailable);
      mastodon.server.replyNext(STATUS_READ, unavailable);
      await dispatch();
      const first = await f.settled(target, '1h', ['due']);
      expect(first).toMatchObject({ error_kind: 'transient', attempts: 1 });
      await new Promise((resolve) => setTimeout(resolve, 150));
      await dispatch();
      expect(await f.settled(target, '1h', ['failed'])).toMatchObject({ error_kind: 'transient', attempts: 2 });
    });

    it('fails with the platform’s words when the status is gone', async () => {
      const { status, target } = await publishedStatus();
      mastodon.deleteStatus(status.id);
      await dispatch();
      const snapshot = await f.settled(target, '1h', ['failed', 'collected']);
      expect(snapshot).toMatchObject({
        state: 'failed',
        error_kind: 'invalid_content',
        error: expect.stringContaining('Record not found'),
      });
    });

    it('keeps the numbers a platform gave when it refuses one metric, and names the refused one', async () => {
      const registry = t.app.get(PlatformRegistry);
      const real = registry.adapterFor('webhook');
      const insights: PlatformAdapter = {
        ...real,
        platform: 'webhook',
        validate: real.validate.bind(real),
        publish: real.publish.bind(real),
        verifyCredentials: real.verifyCredentials.bind(real),
        capabilities: { ...real.capabilities, metrics: true },
        fetchMetrics: async (): Promise<MetricsReading> => ({
          numbers: { reactions: 3, comments: 1, reach: 40 },
          raw: { data: [{ name: 'post_reactions_by_type_total', values: [{ value: { like: 3 } }] }] },
          missing: [{ metric: 'views', reason: '(#100) post_impressions is no longer a valid insights metric' }],
        }),
      };
      const original = registry.adapterFor.bind(registry);
      const spy = jest
        .spyOn(registry, 'adapterFor')
        .mockImplementation((platform) => (platform === 'webhook' ? insights : original(platform)));
      try {
        const hook = await f.publishing.webhookChannel('Innsikt', 'http://127.0.0.1:9/hooks', 'whsec-0123456789abcdef');
        const target = await f.publishedTarget(hook, hoursAgo(2), 'post-1');
        await t.app.get(ResultsPlanner).plan();
        await dispatch();
        const snapshot = await f.settled(target, '1h', ['collected', 'failed']);
        expect(snapshot).toMatchObject({
          state: 'collected',
          reactions: '3',
          comments: '1',
          views: null,
          error_kind: 'metrics_missing',
          error: 'views: (#100) post_impressions is no longer a valid insights metric',
        });
      } finally {
        spy.mockRestore();
      }
    });

    it('enqueues a queued snapshot again when its job was lost', async () => {
      const { target } = await publishedStatus();
      // Dispatched by a process that died before its job reached the queue (or Redis lost it).
      await t.db.query(
        `UPDATE result_snapshots SET state = 'queued', dispatch_count = 1, job_id = 'r.' || id || '.1', queued_at = now() - interval '1 hour'
        WHERE target_id = $1 AND stage = '1h'`,
        [target],
      );
      const queue = t.app.get(ResultsQueue);
      if (queue instanceof InProcessResultsQueue) queue.forgetWaiting();
      expect((await t.app.get(ResultsReconciler).reconcile()).requeued).toBeGreaterThanOrEqual(1);
      const snapshot = await f.settled(target, '1h', ['collected', 'failed']);
      expect(snapshot).toMatchObject({ state: 'collected', reactions: '11' });
      const [{ dispatch_count }] = await t.db.query(`SELECT dispatch_count FROM result_snapshots WHERE id = $1`, [snapshot.id]);
      expect(dispatch_count).toBe(2);
    });
  },
);
