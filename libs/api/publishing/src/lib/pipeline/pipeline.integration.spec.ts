import { createTestApp, isolatedAppEnv, queueVariants, type TestApp } from '@kadens/api/core/testing';
import { eventually, FakeWebhookReceiver } from '@kadens/api/platforms/testing';
import { PostsModule } from '@kadens/api/posts';

import { PublishingFixture } from '../../testing/publishing-fixture';
import { PublishingModule } from '../publishing.module';
import { Dispatcher } from './dispatcher';
import { PublishQueue } from './publish-job';
import { Publisher } from './publisher';
import { Reconciler } from './reconciler';

const SECRET = 'whsec-0123456789abcdef';

/**
 * The same pipeline with BullMQ on the real Redis and with the in-process queue of the embedded
 * default. scripts/test.mjs sets TEST_REDIS_URL when a Redis answers (CI installs one); without it
 * only the in-process half runs.
 */
describe.each(queueVariants())('publishing through %s against PostgreSQL', (_name, queueEnv: Record<string, string>) => {
  let t: TestApp;
  let f: PublishingFixture;
  const receiver = new FakeWebhookReceiver();
  let channelA: string;
  let channelB: string;

  const soon = (ms = 300) => new Date(Date.now() + ms);
  const targets = async (postIds: string[]) =>
    (await t.db.query(
      `SELECT id, post_id, channel_id, state, attempt_count, external_url, last_error_kind, last_error FROM post_targets WHERE post_id = ANY($1::uuid[]) ORDER BY post_id, channel_id`,
      [postIds],
    )) as Array<{
      id: string;
      state: string;
      attempt_count: number;
      external_url: string | null;
      last_error_kind: string | null;
      last_error: string | null;
    }>;
  const attempts = async (postIds: string[]) =>
    (await t.db.query(
      `SELECT a.outcome, a.code, a.number FROM publish_attempts a JOIN post_targets t ON t.id = a.target_id WHERE t.post_id = ANY($1::uuid[]) ORDER BY a.started_at`,
      [postIds],
    )) as Array<{ outcome: string; code: string | null; number: number }>;
  const settled = async (postIds: string[], states: string[], timeoutMs = 15_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const rows = await targets(postIds);
      if (rows.every((row) => states.includes(row.state))) return rows;
      if (Date.now() > deadline) throw new Error(`targets did not settle: ${JSON.stringify(rows.map((r) => r.state))}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  /** The target once a dispatcher (this test's call or the background one) has committed its job id. */
  const queuedTarget = async (postId: string, timeoutMs = 5_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const [row]: Array<{ id: string; state: string; job_id: string | null }> = await t.db.query(
        `SELECT id, state, job_id FROM post_targets WHERE post_id = $1`,
        [postId],
      );
      if (row.state === 'queued' || Date.now() > deadline) return row;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  const keysReceived = () =>
    receiver.server
      .requestsTo('POST', /hooks/)
      .map((r) => String(r.headers['idempotency-key'] ?? ''))
      .filter(Boolean);
  /** Publish requests the receiver got for these posts' targets (the idempotency key starts with the target id). */
  const sentFor = async (postIds: string[]) => {
    const ids = (await targets(postIds)).map((row) => row.id);
    return keysReceived().filter((key) => ids.some((id) => key.startsWith(id))).length;
  };

  beforeAll(async () => {
    await receiver.start();
    t = await createTestApp([PostsModule, PublishingModule], {
      ...queueEnv,
      ...isolatedAppEnv(),
      PUBLISH_DISPATCH_INTERVAL_MS: '100',
      PUBLISH_RECONCILE_INTERVAL_MS: '3600000',
      PUBLISH_LOOKAHEAD_MS: '5000',
      PUBLISH_RETRY_BASE_MS: '100',
      PUBLISH_REQUEST_TIMEOUT_MS: '1000',
      PUBLISH_LOST_JOB_AFTER_MS: '1000',
      PUBLISH_STUCK_AFTER_MS: '60000',
    });
    f = await new PublishingFixture(t).seed();
    channelA = await f.webhookChannel('Intranett', receiver.url, SECRET);
    channelB = await f.webhookChannel('Nyhetsbrev', receiver.url, SECRET);
  });

  afterAll(async () => {
    await t?.close();
    await receiver.stop();
  });

  it('publishes an approved post on every channel exactly once, at its time', async () => {
    const posts = await f.approvedPosts(3, soon(500), [channelA, channelB]);
    const rows = await settled(posts, ['published']);
    expect(rows.every((row) => row.attempt_count === 1 && row.external_url?.startsWith('https://intranett.kommune.no/'))).toBe(true);
    const keys = keysReceived();
    for (const row of rows) expect(keys.filter((key) => key === `${row.id}.1`)).toHaveLength(1);
    expect((await attempts(posts)).map((a) => a.outcome)).toEqual(Array(6).fill('published'));
    const [{ published_at, planned_at }] = await t.db.query(
      `SELECT t.published_at, p.planned_at FROM post_targets t JOIN posts p ON p.id = t.post_id WHERE p.id = $1 LIMIT 1`,
      [posts[0]],
    );
    expect((published_at as Date).getTime()).toBeGreaterThanOrEqual((planned_at as Date).getTime());
  });

  it('calls the platform once when the same job arrives twice at the same moment', async () => {
    const [post] = await f.approvedPosts(1, new Date(Date.now() + 3_000), [channelA]);
    await t.app.get(Dispatcher).dispatchDue();
    // The background dispatcher may hold the claim (SKIP LOCKED) while dispatchDue() passes it by: wait for its commit.
    const target = await queuedTarget(post);
    expect(target.job_id).toEqual(expect.any(String));
    const job = { targetId: target.id, revision: 1, jobId: String(target.job_id), runAt: Date.now() };
    const publisher = t.app.get(Publisher);
    await Promise.all([publisher.handle(job), publisher.handle(job), publisher.handle(job)]);
    await settled([post], ['published']);
    expect(keysReceived().filter((key) => key === `${target.id}.1`)).toHaveLength(1);
    expect(await attempts([post])).toEqual([{ outcome: 'published', code: null, number: 1 }]);
  });

  it('refuses and records a job whose post went back to review after it was queued', async () => {
    const [post] = await f.approvedPosts(1, new Date(Date.now() + 1_500), [channelA]);
    await t.app.get(Dispatcher).dispatchDue();
    expect((await queuedTarget(post)).state).toBe('queued');
    // An approver's decision that bypassed the workflow would leave the target queued; the worker still refuses.
    await t.db.query(`UPDATE posts SET state = 'in_review' WHERE id = $1`, [post]);
    const [row] = await settled([post], ['pending']);
    expect(row.attempt_count).toBe(0);
    expect(await attempts([post])).toEqual([{ outcome: 'refused', code: 'not_approved', number: 1 }]);
    expect(await sentFor([post])).toBe(0);
  });

  it('holds targets of a paused organisation and does not send them when publishing resumes', async () => {
    await t.db.query(`UPDATE organizations SET publishing_paused_at = now(), publishing_pause_reason = 'Storm' WHERE id = $1`, [
      f.organizationId,
    ]);
    try {
      const posts = await f.approvedPosts(2, soon(200), [channelA]);
      await settled(posts, ['held']);
      await t.db.query(`UPDATE organizations SET publishing_paused_at = NULL, publishing_pause_reason = NULL WHERE id = $1`, [
        f.organizationId,
      ]);
      await new Promise((resolve) => setTimeout(resolve, 600));
      expect(await f.targetStates(posts)).toEqual({ held: 2 });
      expect(await sentFor(posts)).toBe(0);
    } finally {
      await t.db.query(`UPDATE organizations SET publishing_paused_at = NULL, publishing_pause_reason = NULL WHERE id = $1`, [
        f.organizationId,
      ]);
    }
  });

  it('holds a queued target when its channel is paused before its job runs', async () => {
    const [post] = await f.approvedPosts(1, new Date(Date.now() + 1_500), [channelB]);
    await t.app.get(Dispatcher).dispatchDue();
    await t.db.query(`UPDATE channels SET publishing_paused_at = now(), publishing_pause_reason = 'Sjekker kontoen' WHERE id = $1`, [
      channelB,
    ]);
    try {
      await settled([post], ['held']);
      expect(await attempts([post])).toEqual([{ outcome: 'refused', code: 'channel_paused', number: 1 }]);
    } finally {
      await t.db.query(`UPDATE channels SET publishing_paused_at = NULL, publishing_pause_reason = NULL WHERE id = $1`, [channelB]);
    }
  });

  it('retries a 503 with backoff and publishes on the next attempt', async () => {
    receiver.server.replyNext((request) => request.method === 'POST', { status: 503, json: { error: 'maintenance' } });
    const [post] = await f.approvedPosts(1, soon(), [channelA]);
    const [row] = await settled([post], ['published']);
    expect(row.attempt_count).toBe(2);
    expect((await attempts([post])).map((a) => a.outcome)).toEqual(['transient', 'published']);
  });

  it('gives a target a person sends again a fresh set of automatic tries', async () => {
    const [post] = await f.approvedPosts(1, new Date(Date.now() + 60_000), [channelA]);
    const [{ id: target }] = await t.db.query(`SELECT id FROM post_targets WHERE post_id = $1`, [post]);
    // It used all five tries earlier; a person retries it now.
    await t.db.query(
      `UPDATE post_targets SET state = 'failed', attempt_count = 5, last_error_kind = 'transient', last_error = 'HTTP 503' WHERE id = $1`,
      [target],
    );
    await t.db.query(`UPDATE posts SET planned_at = now() - interval '10 minutes' WHERE id = $1`, [post]);
    receiver.server.replyNext((request) => request.method === 'POST', { status: 503, json: { error: 'maintenance' } });
    const retried = await f.admin.post(f.url(`publishing/targets/${target}/retry`)).send({});
    expect(retried.status).toBe(200);
    const [row] = await settled([post], ['published']);
    expect(row.attempt_count).toBe(7);
    expect((await attempts([post])).map((a) => a.outcome)).toEqual(['transient', 'published']);
  });

  it('marks a request that timed out after sending as unconfirmed and never repeats it', async () => {
    receiver.server.delayNext((request) => request.method === 'POST', 2_500, 'after_handling');
    const [post] = await f.approvedPosts(1, soon(), [channelA]);
    const [row] = await settled([post], ['unconfirmed']);
    expect(row.last_error_kind).toBe('ambiguous');
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await sentFor([post])).toBe(1);
    expect((await targets([post]))[0].state).toBe('unconfirmed');
  });

  it('fails invalid content with the platform words and does not retry', async () => {
    receiver.server.replyNext((request) => request.method === 'POST', {
      status: 422,
      json: { error: 'Title is required by our intranet' },
    });
    const [post] = await f.approvedPosts(1, soon(), [channelA]);
    const [row] = await settled([post], ['failed']);
    expect(row.last_error_kind).toBe('invalid_content');
    expect(row.attempt_count).toBe(1);
  });

  it('fails on rejected credentials and asks for a reconnect', async () => {
    const wrong = await f.webhookChannel('Feil nøkkel', receiver.url, 'not-the-secret');
    const [post] = await f.approvedPosts(1, soon(), [wrong]);
    const [row] = await settled([post], ['failed']);
    expect(row.last_error_kind).toBe('auth');
    const [connection] = await t.db.query(`SELECT status, last_error FROM channel_connections WHERE channel_id = $1`, [wrong]);
    expect(connection.status).toBe('reconnect_needed');
  });

  it('fails a target whose channel has no connection, saying so', async () => {
    const [{ id: bare }] = await t.db.query(
      `INSERT INTO channels (organization_id, platform, name) VALUES ($1, 'webhook', 'Uten tilkobling') RETURNING id`,
      [f.organizationId],
    );
    const [post] = await f.approvedPosts(1, soon(), [bare]);
    const [row] = await settled([post], ['failed']);
    expect(row.last_error).toMatch(/not connected/);
    expect(await attempts([post])).toEqual([{ outcome: 'auth', code: 'connection.missing', number: 1 }]);
  });

  it('enqueues again a queued target whose job the queue lost', async () => {
    const [post] = await f.approvedPosts(1, new Date(Date.now() + 2_000), [channelA]);
    await t.app.get(Dispatcher).dispatchDue();
    const [{ job_id: lostJob }] = await t.db.query(`SELECT job_id FROM post_targets WHERE post_id = $1`, [post]);
    // The target claims a job that no queue holds: as after FLUSHALL, or a restart of the in-process queue.
    await t.db.query(`UPDATE post_targets SET job_id = job_id || 'x', queued_at = now() - interval '1 minute' WHERE post_id = $1`, [post]);
    expect(await t.app.get(PublishQueue).liveJobIds([`${lostJob}x`])).toEqual(new Set());
    await t.db.query(`UPDATE posts SET planned_at = now() - interval '5 seconds' WHERE id = $1`, [post]);
    const result = await t.app.get(Reconciler).reconcile();
    expect(result.requeued).toBeGreaterThanOrEqual(1);
    const [row] = await settled([post], ['published']);
    expect(keysReceived().filter((key) => key === `${row.id}.1`)).toHaveLength(1);
  });

  it('settles an attempt whose worker died mid-call as unconfirmed', async () => {
    const [post] = await f.approvedPosts(1, new Date(Date.now() + 3_600_000), [channelA]);
    await t.db.query(`UPDATE post_targets SET state = 'publishing', attempt_count = 1 WHERE post_id = $1`, [post]);
    const [{ id: target }] = await t.db.query(`SELECT id FROM post_targets WHERE post_id = $1`, [post]);
    await t.db.query(
      `INSERT INTO publish_attempts (organization_id, target_id, revision, number, started_at) VALUES ($1, $2, 1, 1, now() - interval '2 minutes')`,
      [f.organizationId, target],
    );
    const result = await t.app.get(Reconciler).reconcile();
    expect(result.timedOut).toBe(1);
    await eventually(() => undefined);
    const [row] = await targets([post]);
    expect(row.state).toBe('unconfirmed');
    expect((await attempts([post])).map((a) => a.outcome)).toEqual(['timed_out']);
  });
});
