import { createTestApp, type TestApp } from '@kadens/api/core/testing';
import { randomBytes } from 'node:crypto';

import { hoursAgo, ResultsFixture } from '../../testing/results-fixture';
import { ResultsDispatcher } from '../collection/results-dispatcher';
import { ResultsModule } from '../results.module';
import { ResultsPlanner } from './results-planner';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('planning results for published targets, against PostgreSQL', () => {
  let t: TestApp;
  let f: ResultsFixture;
  let planner: ResultsPlanner;
  let mastodon: string;
  let webhook: string;

  const stages = async (targetId: string) =>
    (await f.snapshots(targetId)).map((row) => ({ stage: row.stage, state: row.state, dueAt: row.due_at.getTime() }));
  const resultsRow = async (targetId: string) =>
    (
      await t.db.query(
        `SELECT to_char(published_on, 'YYYY-MM-DD') AS published_on, rollup_pending FROM target_results WHERE target_id = $1`,
        [targetId],
      )
    )[0] as { published_on: string; rollup_pending: boolean } | undefined;

  beforeAll(async () => {
    t = await createTestApp([ResultsModule], { APP_ROLES: 'api', CREDENTIALS_KEY: randomBytes(32).toString('base64') });
    f = await new ResultsFixture(t).seed();
    planner = t.app.get(ResultsPlanner);
    // The channels need no connection to be planned; reading (not tested here) does.
    [{ id: mastodon }] = await t.db.query(
      `INSERT INTO channels (organization_id, platform, name) VALUES ($1, 'mastodon', 'Mastodon') RETURNING id`,
      [f.organizationId],
    );
    [{ id: webhook }] = await t.db.query(
      `INSERT INTO channels (organization_id, platform, name) VALUES ($1, 'webhook', 'Intranett') RETURNING id`,
      [f.organizationId],
    );
    // The first plan() of a planner also sweeps; done here, so each test sees only what it adds.
    await planner.plan();
  });
  afterAll(() => t?.close());

  it('gives a target published two hours ago its row and the four stages after its publishing time, the first one due', async () => {
    const publishedAt = hoursAgo(2);
    const target = await f.publishedTarget(mastodon, publishedAt, '113000000000000001');
    expect(await planner.plan()).toEqual({ targets: 1, snapshots: 4 });
    expect(await stages(target)).toEqual([
      { stage: '1h', state: 'due', dueAt: publishedAt.getTime() + HOUR },
      { stage: '24h', state: 'due', dueAt: publishedAt.getTime() + DAY },
      { stage: '7d', state: 'due', dueAt: publishedAt.getTime() + 7 * DAY },
      { stage: '28d', state: 'due', dueAt: publishedAt.getTime() + 28 * DAY },
    ]);
    expect((await resultsRow(target))?.rollup_pending).toBe(true);
    expect(await planner.plan()).toEqual({ targets: 0, snapshots: 0 });
  });

  it('dates the target by the organisation’s time zone: 23:30 UTC is already the next day in Oslo', async () => {
    const today = new Date();
    const lateYesterdayUtc = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()) - 30 * 60_000);
    const target = await f.publishedTarget(mastodon, lateYesterdayUtc, '113000000000000002');
    await planner.plan();
    expect(lateYesterdayUtc.toISOString().slice(0, 10)).not.toBe(today.toISOString().slice(0, 10));
    expect((await resultsRow(target))?.published_on).toBe(today.toISOString().slice(0, 10));

    await t.db.query(`UPDATE organizations SET time_zone = 'America/New_York' WHERE id = $1`, [f.organizationId]);
    try {
      const other = await f.publishedTarget(mastodon, lateYesterdayUtc, '113000000000000003');
      await planner.plan();
      expect((await resultsRow(other))?.published_on).toBe(lateYesterdayUtc.toISOString().slice(0, 10));
    } finally {
      await t.db.query(`UPDATE organizations SET time_zone = 'Europe/Oslo' WHERE id = $1`, [f.organizationId]);
    }
  });

  it('plans an older target once at its latest due stage, skipping the stages a later one has overtaken', async () => {
    const tenDays = await f.publishedTarget(mastodon, new Date(Date.now() - 10 * DAY), '113000000000000004');
    const fortyDays = await f.publishedTarget(mastodon, new Date(Date.now() - 40 * DAY), '113000000000000005');
    // Older than the recent window: only the sweep finds them.
    expect(await planner.plan()).toEqual({ targets: 0, snapshots: 0 });
    expect(await planner.sweepAll()).toEqual({ targets: 2, snapshots: 8 });
    expect((await stages(tenDays)).map((s) => `${s.stage}:${s.state}`)).toEqual(['1h:skipped', '24h:skipped', '7d:due', '28d:due']);
    expect((await stages(fortyDays)).map((s) => `${s.stage}:${s.state}`)).toEqual(['1h:skipped', '24h:skipped', '7d:skipped', '28d:due']);
  });

  it('gives a webhook target, and a target the platform gave no id, a row but nothing to read', async () => {
    const onWebhook = await f.publishedTarget(webhook, hoursAgo(1), 'delivery-1');
    const withoutId = await f.publishedTarget(mastodon, hoursAgo(1), null);
    expect(await planner.plan()).toEqual({ targets: 2, snapshots: 0 });
    expect(await resultsRow(onWebhook)).toBeDefined();
    expect(await resultsRow(withoutId)).toBeDefined();
  });

  it('plans a target a person marked published, and leaves targets that are not published alone', async () => {
    const [postId] = await f.publishing.approvedPosts(1, hoursAgo(3), [mastodon]);
    const [{ id: target }] = await t.db.query(`SELECT id FROM post_targets WHERE post_id = $1`, [postId]);
    await t.db.query(`UPDATE post_targets SET state = 'failed', last_error_kind = 'transient' WHERE id = $1`, [target]);
    expect(await planner.plan()).toEqual({ targets: 0, snapshots: 0 });
    await t.db.query(`UPDATE post_targets SET state = 'unconfirmed', external_id = '113000000000000006' WHERE id = $1`, [target]);
    // What POST …/mark-published writes (AttentionActionsService.markPublished): published now, by a person.
    await t.db.query(`UPDATE post_targets SET state = 'published', published_at = now() WHERE id = $1`, [target]);
    expect(await planner.plan()).toEqual({ targets: 1, snapshots: 4 });
  });

  it('skips a due snapshot at dispatch when a later stage of its target is due too (the scheduler was down)', async () => {
    const target = await f.publishedTarget(mastodon, hoursAgo(2), '113000000000000007');
    await planner.plan();
    // Two days pass without a dispatcher.
    await t.db.query(`UPDATE result_snapshots SET due_at = due_at - interval '2 days' WHERE target_id = $1`, [target]);
    await t.app.get(ResultsDispatcher).dispatchDue();
    const [first, second] = await f.snapshots(target);
    expect(first).toMatchObject({ stage: '1h', state: 'skipped', job_id: null });
    expect(second?.stage).toBe('24h');
    expect(second?.state).not.toBe('due');
  });
});
