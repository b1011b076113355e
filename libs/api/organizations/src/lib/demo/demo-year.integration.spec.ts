import { createTestApp, type TestApp } from '@kadens/api/core/testing';
import { localDayNumber, mondayOfDayNumber, startOfLocalDay, validateOpeningHours } from '@kadens/shared/rules';

import { OrganizationsModule } from '../organizations.module';
import { DemoSeeder } from './demo-seeder';

const NOW = new Date('2026-12-07T12:00:00Z');

describe('the demo year against PostgreSQL', () => {
  let t: TestApp;
  let fjordvik: string;
  let bolgeby: string;
  let firstRunMs: number;

  const one = async <T>(sql: string, params: unknown[] = []): Promise<T> => ((await t.db.query(sql, params)) as T[])[0] as T;

  beforeAll(async () => {
    t = await createTestApp([OrganizationsModule]);
    const seeder = t.app.get(DemoSeeder);
    await seeder.seed();
    const organizations: Array<{ id: string; slug: string }> = await t.db.query(`SELECT id, slug FROM organizations`);
    fjordvik = organizations.find((o) => o.slug === 'fjordvik')?.id ?? '';
    bolgeby = organizations.find((o) => o.slug === 'bolgeby')?.id ?? '';
    // An organisation's own strategy stays: a theme of the same name is used, not doubled.
    await t.db.query(`INSERT INTO themes (organization_id, name, color) VALUES ($1, 'kultur og fritid', '#123456')`, [fjordvik]);
    const started = Date.now();
    await seeder.seedYear(NOW);
    firstRunMs = Date.now() - started;
  });
  afterAll(() => t?.close());

  it('is written quickly, and only once', async () => {
    expect(firstRunMs).toBeLessThan(2000);
    const count = () =>
      one<{ posts: number; snapshots: number; effects: number }>(
        `SELECT (SELECT count(*)::int FROM posts) AS posts, (SELECT count(*)::int FROM result_snapshots) AS snapshots,
              (SELECT count(*)::int FROM audience_effect_results) AS effects`,
      );
    const before = await count();
    await t.app.get(DemoSeeder).seedYear(NOW);
    await t.app.get(DemoSeeder).seedYear(new Date(NOW.getTime() + 7 * 86_400_000));
    expect(await count()).toEqual(before);
    expect(
      (
        await one<{ n: number }>(`SELECT count(*)::int AS n FROM themes WHERE organization_id = $1 AND lower(name) = 'kultur og fritid'`, [
          fjordvik,
        ])
      ).n,
    ).toBe(1);
  });

  it('gives each organisation a strategy: themes, audiences with measurable targets, channels with promises, initiatives', async () => {
    for (const organizationId of [fjordvik, bolgeby]) {
      const counts = await one<Record<string, number>>(
        `SELECT (SELECT count(*)::int FROM themes WHERE organization_id = $1) AS themes,
                (SELECT count(*)::int FROM audiences WHERE organization_id = $1 AND effect_period = 'month') AS measured,
                (SELECT count(*)::int FROM channels WHERE organization_id = $1 AND min_posts_per_week IS NOT NULL) AS channels,
                (SELECT count(*)::int FROM initiatives WHERE organization_id = $1 AND status = 'active') AS initiatives,
                (SELECT capacity_hours_per_week::float FROM organizations WHERE id = $1) AS capacity`,
        [organizationId],
      );
      expect(counts['themes']).toBeGreaterThanOrEqual(5);
      expect(counts['measured']).toBe(4);
      expect(counts['channels']).toBe(4);
      expect(counts['initiatives']).toBe(5);
      expect(counts['capacity']).toBeGreaterThan(0);
    }
  });

  it('gives the channels service hours the promises check can read, in their canonical spelling', async () => {
    const channels: Array<{ opening_hours: string; country: 'NO' | 'DK' }> = await t.db.query(
      `SELECT c.opening_hours, o.country FROM channels c JOIN organizations o ON o.id = c.organization_id WHERE c.opening_hours IS NOT NULL`,
    );
    expect(channels).toHaveLength(8);
    for (const channel of channels) {
      expect(validateOpeningHours(channel.opening_hours, channel.country)).toMatchObject({ ok: true, normalized: channel.opening_hours });
    }
  });

  it('publishes three to five posts a week per channel for a year, all before this week, in the local language', async () => {
    const thisMonday = new Date(startOfLocalDay(mondayOfDayNumber(localDayNumber(NOW.getTime(), 'Europe/Oslo')), 'Europe/Oslo'));
    const perChannel: Array<{ name: string; platform: string; targets: number; first: Date; last: Date }> = await t.db.query(
      `SELECT c.name, c.platform, count(*)::int AS targets, min(t.published_at) AS first, max(t.published_at) AS last
         FROM post_targets t JOIN channels c ON c.id = t.channel_id WHERE t.organization_id = $1 AND t.state = 'published'
        GROUP BY c.name, c.platform ORDER BY c.name`,
      [fjordvik],
    );
    expect(perChannel.map((c) => c.platform).sort()).toEqual(['facebook', 'instagram', 'linkedin', 'mastodon']);
    if (process.env['DEMO_YEAR_FIGURES'])
      console.log(perChannel.map((c) => `${c.platform} ${(c.targets / 52).toFixed(1)}/week`).join(', '), `${firstRunMs} ms`);
    for (const channel of perChannel) {
      expect(channel.last.getTime()).toBeLessThan(thisMonday.getTime());
      expect(channel.first.getTime()).toBeGreaterThan(thisMonday.getTime() - 53 * 7 * 86_400_000);
      expect(channel.targets / 52).toBeGreaterThan(channel.platform === 'linkedin' ? 1.2 : 2.5);
      expect(channel.targets / 52).toBeLessThan(6);
    }
    expect(perChannel.map((c) => c.name)).toContain('Fjordvik kommune på Facebook');
    const post = await one<{ title: string; state: string; calendar_entry: string | null; audience_ids: string[]; revisions: number }>(
      `SELECT p.title, p.state, p.calendar_entry, p.audience_ids, (SELECT count(*)::int FROM post_revisions r WHERE r.post_id = p.id) AS revisions
         FROM posts p WHERE p.organization_id = $1 AND p.title LIKE 'Seniortræf%' LIMIT 1`,
      [bolgeby],
    );
    expect(post).toMatchObject({ state: 'approved', revisions: 1 });
    expect(post.calendar_entry).toContain('"state":"published"');
    expect(post.audience_ids).toHaveLength(1);
    const lateness = await one<{ p50: number; p95: number; urls: number }>(
      `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM t.published_at - p.planned_at))::float AS p50,
              percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM t.published_at - p.planned_at))::float AS p95,
              count(*) FILTER (WHERE t.external_url LIKE 'https://%')::int AS urls
         FROM post_targets t JOIN posts p ON p.id = t.post_id WHERE t.organization_id = $1`,
      [fjordvik],
    );
    expect(lateness.p50).toBeLessThan(60);
    expect(lateness.p95).toBeLessThan(30 * 60);
    expect(lateness.urls).toBe(perChannel.reduce((sum, c) => sum + c.targets, 0));
  });

  it('gives each target demo snapshots and results, with only the metrics its platform has', async () => {
    const rows: Array<{
      platform: string;
      views: number;
      clicks: number;
      saves: number;
      reactions: number;
      snapshots: number;
      sources: string[];
    }> = await t.db.query(
      `SELECT c.platform, count(r.views)::int AS views, count(r.clicks)::int AS clicks, count(r.saves)::int AS saves,
                count(r.reactions)::int AS reactions,
                (SELECT count(*)::int FROM result_snapshots s JOIN post_targets x ON x.id = s.target_id WHERE x.channel_id = c.id) AS snapshots,
                (SELECT array_agg(DISTINCT s.source) FROM result_snapshots s JOIN post_targets x ON x.id = s.target_id WHERE x.channel_id = c.id) AS sources
           FROM target_results r JOIN channels c ON c.id = r.channel_id
          WHERE r.organization_id = $1 AND r.demo AND r.rollup_pending
          GROUP BY c.id, c.platform`,
      [fjordvik],
    );
    const of = (platform: string) => rows.find((r) => r.platform === platform);
    expect(of('mastodon')).toMatchObject({ views: 0, clicks: 0, saves: 0 });
    expect(of('mastodon')?.reactions).toBeGreaterThan(0);
    expect(of('instagram')?.clicks).toBe(0);
    expect(of('instagram')?.saves).toBeGreaterThan(0);
    expect(of('facebook')?.views).toBeGreaterThan(0);
    for (const row of rows) expect(row.sources).toEqual(['demo']);
    const targets = await one<{ n: number }>(`SELECT count(*)::int AS n FROM post_targets WHERE organization_id = $1`, [fjordvik]);
    const snapshots = await one<{ n: number; collected: number }>(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE state = 'collected')::int AS collected FROM result_snapshots WHERE organization_id = $1`,
      [fjordvik],
    );
    expect(snapshots.n).toBe(targets.n * 4);
    expect(snapshots.collected).toBeGreaterThan(targets.n * 3.5);
    // Stages grow: no later stage has fewer reactions than an earlier one.
    const shrinking = await one<{ n: number }>(
      `SELECT count(*)::int AS n FROM result_snapshots a JOIN result_snapshots b ON b.target_id = a.target_id AND b.due_at > a.due_at
        WHERE a.state = 'collected' AND b.state = 'collected' AND b.reactions < a.reactions`,
    );
    expect(shrinking.n).toBe(0);
  });

  it('shows which content types work: questions get the comments, how-tos the saves', async () => {
    const rows: Array<{ key: string; comments: number; saves: number }> = await t.db.query(
      `SELECT ct.key, avg(r.comments)::float AS comments, avg(r.saves)::float AS saves
         FROM target_results r JOIN posts p ON p.id = r.post_id JOIN content_types ct ON ct.id = p.content_type_id
         JOIN channels c ON c.id = r.channel_id
        WHERE r.organization_id = $1 AND c.platform = 'instagram' GROUP BY ct.key`,
      [fjordvik],
    );
    const of = (key: string) => rows.find((r) => r.key === key);
    expect(of('question_poll')?.comments).toBeGreaterThan(2 * (of('news')?.comments ?? 0));
    expect(of('how_to')?.saves).toBeGreaterThan(1.5 * (of('news')?.saves ?? 0));
  });

  it('enters the measured audiences’ values for the twelve months before this one', async () => {
    const rows: Array<{ period: string; value: number }> = await t.db.query(
      `SELECT r.period, r.value::float AS value FROM audience_effect_results r JOIN audiences a ON a.id = r.audience_id
        WHERE a.organization_id = $1 AND a.name = 'Småbarnsforeldre' ORDER BY r.period`,
      [fjordvik],
    );
    expect(rows.map((r) => r.period)).toEqual([
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
    ]);
    const february = rows.find((r) => r.period === '2026-02')?.value ?? 0;
    const july = rows.find((r) => r.period === '2026-07')?.value ?? 0;
    expect(february).toBeGreaterThan(3 * july);
  });
});
