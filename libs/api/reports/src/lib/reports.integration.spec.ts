import { type DemoTestApp, startDemoTestApp } from '@kadens/api/organizations/testing';
import type { ReportGroupRow, ReportPostRow, ReportSummary } from '@kadens/shared/contracts';
import { parse } from 'csv-parse/sync';

import { insertPublishedPost } from '../testing/published-targets';
import { ReportsModule } from './reports.module';
import { refreshRollups } from './rollups/refresh-rollups';

describe('reports against PostgreSQL', () => {
  let d: DemoTestApp;
  const ids: Record<string, string> = {};
  const targets: Record<string, string> = {};
  const names: Record<string, string> = {};

  async function insert(table: string, values: Record<string, unknown>): Promise<string> {
    const columns = Object.keys(values);
    const rows: Array<{ id: string }> = await d.t.db.query(
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`,
      Object.values(values),
    );
    return rows[0]?.id as string;
  }

  const summary = async (groupBy: string, from = '2021-03-01', to = '2021-03-31'): Promise<ReportSummary> => {
    const response = await d.viewer.get(d.url(d.fjordvik, `reports/summary?from=${from}&to=${to}&groupBy=${groupBy}`));
    expect(response.status).toBe(200);
    return response.body;
  };
  const group = (report: ReportSummary, key: string | null): ReportGroupRow => {
    const found = report.groups.find((g) => g.key === key);
    if (!found) throw new Error(`no group ${key} in ${JSON.stringify(report.groups.map((g) => g.key))}`);
    return found;
  };

  beforeAll(async () => {
    // Without the scheduler role, so that only the test rebuilds rollups (the runtime's interval would race the counts).
    d = await startDemoTestApp([ReportsModule], { APP_ROLES: 'api' });
    const org = d.fjordvik;
    ids['themeA'] = await insert('themes', { organization_id: org, name: 'Rapport A', color: '#1e88e5' });
    ids['themeB'] = await insert('themes', { organization_id: org, name: 'Rapport B', color: '#8e24aa' });
    ids['themeC'] = await insert('themes', { organization_id: org, name: 'Rapport C', color: '#43a047' });
    ids['archived'] = await insert('themes', { organization_id: org, name: 'Rapport gammel', color: '#43a047', archived_at: new Date() });
    ids['x'] = await insert('channels', { organization_id: org, platform: 'x', name: 'Rapport X' });
    ids['y'] = await insert('channels', { organization_id: org, platform: 'mastodon', name: 'Rapport Y' });
    ids['p'] = await insert('audiences', { organization_id: org, name: 'Rapport P' });
    ids['q'] = await insert('audiences', { organization_id: org, name: 'Rapport Q' });
    ids['initiative'] = await insert('initiatives', { organization_id: org, what: 'Rapport-satsing', outcome: 'Mer', hours_per_week: 2 });
    const types: Array<{ id: string; key: string; name: string }> = await d.t.db.query(
      `SELECT id, key, name FROM content_types WHERE organization_id = $1 AND key IN ('news', 'event')`,
      [org],
    );
    for (const type of types) {
      ids[type.key] = type.id;
      names[type.key] = type.name;
    }
    const base = { organizationId: org, authorId: d.userIds['editor@kadens.demo'] as string };

    // March 2021 (the period) and February (the previous period of 31 days: 29 January – 28 February).
    const one = await insertPublishedPost(d.t.db, {
      ...base,
      title: 'Første',
      themeId: ids['themeA'],
      contentTypeId: ids['news'],
      initiativeId: ids['initiative'],
      audienceIds: [ids['p'], ids['q']],
      publishedAt: '2021-03-10T09:00:00Z',
      publishedOn: '2021-03-10',
      targets: [
        { channelId: ids['x'], latest: { views: 100, reactions: 5, comments: 2 } },
        { channelId: ids['y'], latest: { reactions: 3 } },
      ],
    });
    [targets['oneX'], targets['oneY']] = one.targetIds;
    ids['one'] = one.postId;
    const two = await insertPublishedPost(d.t.db, {
      ...base,
      title: '=Andre',
      themeId: ids['themeB'],
      contentTypeId: ids['event'],
      audienceIds: [ids['p']],
      publishedAt: '2021-03-20T23:30:00Z',
      publishedOn: '2021-03-21',
      targets: [{ channelId: ids['x'], latest: { views: 50, shares: 1, reactions: 1 }, manual: { reactions: 7 } }],
    });
    [targets['twoX']] = two.targetIds;
    ids['two'] = two.postId;
    const three = await insertPublishedPost(d.t.db, {
      ...base,
      title: 'Tredje',
      themeId: ids['themeA'],
      contentTypeId: ids['news'],
      publishedAt: '2021-02-15T12:00:00Z',
      publishedOn: '2021-02-15',
      targets: [{ channelId: ids['y'], latest: { views: 10, reactions: 1 } }],
    });
    [targets['threeY']] = three.targetIds;
    expect((await refreshRollups(d.t.db)).days).toBe(3);
  });
  afterAll(() => d?.t.close());

  it('groups by theme: totals, per post and engagement; an unknown number is absent, never 0; the previous period beside it', async () => {
    const report = await summary('theme');
    expect(report).toMatchObject({
      from: '2021-03-01',
      to: '2021-03-31',
      previousFrom: '2021-01-29',
      previousTo: '2021-02-28',
      groupBy: 'theme',
      timeZone: 'Europe/Oslo',
      includesDemo: false,
    });
    expect(group(report, ids['themeA'])).toEqual({
      key: ids['themeA'],
      name: 'Rapport A',
      color: '#1e88e5',
      posts: 2,
      totals: { views: 100, reactions: 8, comments: 2 },
      perPost: { views: 100, reactions: 4, comments: 2 },
      engagement: 10,
      previous: { posts: 1, totals: { views: 10, reactions: 1 }, perPost: { views: 10, reactions: 1 }, engagement: 1 },
    });
    // The manual 7 reactions win over the collected 1.
    expect(group(report, ids['themeB'])).toMatchObject({ posts: 1, totals: { views: 50, reactions: 7, shares: 1 }, engagement: 8 });
    expect(group(report, ids['themeB']).previous).toEqual({ posts: 0, totals: {}, perPost: {}, engagement: null });
    expect(report.total).toMatchObject({
      posts: 3,
      totals: { views: 150, reactions: 15, comments: 2, shares: 1 },
      perPost: { views: 75, reactions: 5, comments: 2, shares: 1 },
      engagement: 18,
      previous: { posts: 1, engagement: 1 },
    });
    expect(report.total.totals).not.toHaveProperty('reach');
    expect(report.total.perPost).not.toHaveProperty('clicks');
    // A theme with nothing published is there, with 0 posts; an archived one only if it has posts.
    expect(group(report, ids['themeC'])).toMatchObject({ posts: 0, totals: {}, engagement: null, previous: { posts: 0 } });
    expect(report.groups.find((g) => g.key === ids['archived'])).toBeUndefined();
    expect(report.groups.slice(0, 2).map((g) => g.key)).toEqual([ids['themeA'], ids['themeB']]);
  });

  it('groups by channel, content type, initiative (with "none") and audience (a post counts once per audience)', async () => {
    const byChannel = await summary('channel');
    expect(group(byChannel, ids['x'])).toMatchObject({ posts: 2, totals: { views: 150, reactions: 12 }, color: null, name: 'Rapport X' });
    expect(group(byChannel, ids['y'])).toMatchObject({ posts: 1, totals: { reactions: 3 }, previous: { posts: 1 } });
    expect(group(byChannel, ids['y']).perPost).toEqual({ reactions: 3 });

    const byType = await summary('contentType');
    expect(group(byType, ids['news'])).toMatchObject({ posts: 2, engagement: 10, previous: { posts: 1 } });
    expect(group(byType, ids['event'])).toMatchObject({ posts: 1, engagement: 8 });

    const byInitiative = await summary('initiative');
    expect(group(byInitiative, ids['initiative'])).toMatchObject({ posts: 2, name: 'Rapport-satsing' });
    expect(group(byInitiative, null)).toMatchObject({ posts: 1, name: 'Uten initiativ', previous: { posts: 1 } });

    const byAudience = await summary('audience');
    expect(group(byAudience, ids['p'])).toMatchObject({ posts: 3, engagement: 18 });
    expect(group(byAudience, ids['q'])).toMatchObject({ posts: 2, engagement: 10 });
    expect(group(byAudience, null)).toMatchObject({ posts: 0, name: 'Uten målgruppe', previous: { posts: 1 } });
    // Which content types work best per audience: engagement per post, best first.
    const p = byAudience.contentTypesByAudience.find((a) => a.audienceId === ids['p']);
    expect(p?.contentTypes).toEqual([
      { contentTypeId: ids['event'], name: names['event'], posts: 1, engagementPerPost: 8 },
      { contentTypeId: ids['news'], name: names['news'], posts: 2, engagementPerPost: 5 },
    ]);
    expect(byAudience.contentTypesByAudience.find((a) => a.audienceId === ids['q'])?.contentTypes).toHaveLength(1);
  });

  it('lists posts per target with the manual numbers preferred, sorted, filtered and paged', async () => {
    const url = (query: string) => d.url(d.fjordvik, `reports/posts?from=2021-03-01&to=2021-03-31&${query}`);
    const top = await d.viewer.get(url('sort=-engagement&limit=2'));
    expect(top.status).toBe(200);
    expect(top.body).toMatchObject({ total: 3, limit: 2, offset: 0 });
    expect(top.body.items.map((i: ReportPostRow) => [i.targetId, i.engagement])).toEqual([
      [targets['twoX'], 8],
      [targets['oneX'], 7],
    ]);
    const two: ReportPostRow = top.body.items[0];
    expect(two).toMatchObject({
      postId: ids['two'],
      title: '=Andre',
      channelName: 'Rapport X',
      platform: 'x',
      publishedAt: '2021-03-20T23:30:00.000Z',
      themeName: 'Rapport B',
      contentTypeName: names['event'],
      audienceIds: [ids['p']],
      initiativeId: null,
      numbers: { views: 50, shares: 1, reactions: 7 },
      manual: true,
      demo: false,
    });
    expect(two.url).toMatch(/^https:\/\/example\.org\//);
    const bottom = await d.viewer.get(url('sort=engagement&limit=5'));
    expect(bottom.body.items.map((i: ReportPostRow) => i.targetId)).toEqual([targets['oneY'], targets['oneX'], targets['twoX']]);
    // Unknown views sort last both ways.
    const byViews = await d.viewer.get(url('sort=views'));
    expect(byViews.body.items.map((i: ReportPostRow) => i.targetId)).toEqual([targets['twoX'], targets['oneX'], targets['oneY']]);
    expect(byViews.body.items[2].numbers).toEqual({ reactions: 3 });
    expect(byViews.body.items[2].engagement).toBe(3);

    const byAudience = await d.viewer.get(url(`audienceId=${ids['q']}`));
    expect(byAudience.body.items.map((i: ReportPostRow) => i.postId)).toEqual([ids['one'], ids['one']]);
    const byThemeAndChannel = await d.viewer.get(url(`themeId=${ids['themeA']}&channelId=${ids['y']}`));
    expect(byThemeAndChannel.body.items.map((i: ReportPostRow) => i.targetId)).toEqual([targets['oneY']]);
    const byInitiative = await d.viewer.get(url(`initiativeId=${ids['initiative']}&contentTypeId=${ids['news']}`));
    expect(byInitiative.body.total).toBe(2);
    const second = await d.viewer.get(url('limit=1&offset=1'));
    expect(second.body).toMatchObject({ total: 3, limit: 1, offset: 1 });
    expect(second.body.items.map((i: ReportPostRow) => i.postId)).toEqual([ids['one']]);
  });

  it('exports every matching row as CSV (not one page) that reads back', async () => {
    const response = await d.viewer
      .get(d.url(d.fjordvik, 'reports/posts?from=2021-02-01&to=2021-03-31&sort=-publishedAt&limit=1'))
      .set('Accept', 'text/csv')
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks).toString('utf8')));
      });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    const rows: Array<Record<string, string>> = parse(response.body as string, { bom: true, delimiter: ';', columns: true });
    expect(rows).toHaveLength(4);
    expect(rows[0]).toMatchObject({
      Published: '2021-03-21 00:30',
      Channel: 'Rapport X',
      Platform: 'x',
      Title: ' =Andre',
      Theme: 'Rapport B',
      'Content type': names['event'],
      Audiences: 'Rapport P',
      Initiative: '',
      Views: '50',
      Reach: '',
      Reactions: '7',
      Shares: '1',
      Engagement: '8',
      'Entered by hand': 'yes',
      Demo: 'no',
      'Target id': targets['twoX'],
    });
    expect(rows.map((r) => r['Target id'])).toEqual([
      targets['twoX'],
      ...[targets['oneX'], targets['oneY']].sort().reverse(),
      targets['threeY'],
    ]);
    const one = rows.find((r) => r['Target id'] === targets['oneX']);
    expect(one?.Audiences.split(', ').sort()).toEqual(['Rapport P', 'Rapport Q']);
    expect(one?.Initiative).toBe('Rapport-satsing');
  });

  it('brings the rollups up to date after new numbers, a moved post and a removed target; two refreshers at once rebuild once', async () => {
    await d.t.db.query(`UPDATE target_results SET manual_views = 900, rollup_pending = true WHERE target_id = $1`, [targets['oneY']]);
    // Until the refresher runs, the report shows the numbers it had.
    expect((await summary('theme')).total.totals.views).toBe(150);
    const [a, b] = await Promise.all([refreshRollups(d.t.db), refreshRollups(d.t.db)]);
    expect(a.days + b.days).toBe(1);
    let report = await summary('theme');
    expect(report.total.totals.views).toBe(1050);
    expect(report.total.perPost.views).toBe(350);

    // A published post moved to another theme is counted there (the trigger marks its targets).
    await d.t.db.query(`UPDATE posts SET theme_id = $1 WHERE id = $2`, [ids['themeA'], ids['two']]);
    expect((await refreshRollups(d.t.db)).days).toBe(1);
    report = await summary('theme');
    expect(group(report, ids['themeA']).posts).toBe(3);
    expect(group(report, ids['themeB']).posts).toBe(0);

    // A removed target leaves its day to be rebuilt without it.
    await d.t.db.query(`DELETE FROM post_targets WHERE id = $1`, [targets['oneY']]);
    expect((await refreshRollups(d.t.db)).days).toBe(1);
    report = await summary('theme');
    expect(report.total.posts).toBe(2);
    expect(report.total.totals.views).toBe(150);
    const [{ count }] = await d.t.db.query(`SELECT count(*)::int AS count FROM report_stale_days`);
    expect(count).toBe(0);

    // Demo numbers are flagged.
    await d.t.db.query(`UPDATE target_results SET demo = true, rollup_pending = true WHERE target_id = $1`, [targets['threeY']]);
    await refreshRollups(d.t.db);
    expect((await summary('theme')).includesDemo).toBe(true);
    expect((await summary('theme', '2021-03-01', '2021-03-02')).includesDemo).toBe(false);
  });

  it('lets every member read, hides another organisation (404) and shows it nothing of this one', async () => {
    expect((await d.viewer.get(d.url(d.bolgeby, 'reports/summary?from=2021-03-01&to=2021-03-31&groupBy=theme'))).status).toBe(404);
    expect((await d.viewer.get(d.url(d.bolgeby, 'reports/posts?from=2021-03-01&to=2021-03-31'))).status).toBe(404);
    const other = await d.admin.get(d.url(d.bolgeby, 'reports/summary?from=2021-03-01&to=2021-03-31&groupBy=channel'));
    expect(other.status).toBe(200);
    expect(other.body.total.posts).toBe(0);
    expect(other.body.groups.find((g: ReportGroupRow) => g.key === ids['x'])).toBeUndefined();
    const posts = await d.admin.get(d.url(d.bolgeby, 'reports/posts?from=2021-03-01&to=2021-03-31'));
    expect(posts.body).toEqual({ items: [], total: 0, limit: 50, offset: 0 });
    expect((await d.t.anonymous().get(d.url(d.fjordvik, 'reports/summary?from=2021-03-01&to=2021-03-31&groupBy=theme'))).status).toBe(401);
  });

  it.each([
    ['summary?from=2021-02-30&to=2021-03-31&groupBy=theme', 'from', /YYYY-MM-DD/],
    ['summary?from=2021-03-01&to=31.03.2021&groupBy=theme', 'to', /YYYY-MM-DD/],
    ['summary?from=0001-01-01&to=0001-12-31&groupBy=theme', 'from', /from 1900 on/],
    ['summary?from=2021-03-01&from=2021-03-02&to=2021-03-31&groupBy=theme', 'from', /YYYY-MM-DD/],
    ['summary?from=2021-03-01&to=2021-02-28&groupBy=theme', 'to', /on or after from/],
    ['summary?from=2021-01-01&to=2024-01-01&groupBy=theme', 'to', /at most 3 years/],
    ['summary?from=2021-03-01&to=2021-03-31&groupBy=colour', 'groupBy', /theme, audience, contentType, channel, initiative/],
    ['summary?from=2021-03-01&to=2021-03-31', 'groupBy', /must be one of/],
    ['posts?from=2021-03-01&to=2021-03-31&sort=likes', 'sort', /-engagement/],
    ['posts?from=2021-03-01&to=2021-03-31&limit=0', 'limit', /1/],
    ['posts?from=2021-03-01&to=2021-03-31&limit=201', 'limit', /200/],
    ['posts?from=2021-03-01&to=2021-03-31&themeId=nope', 'themeId', /UUID/],
  ])('refuses %s naming %s', async (path, field, message) => {
    const response = await d.viewer.get(d.url(d.fjordvik, `reports/${path}`));
    expect(response.status).toBe(400);
    const error = response.body.errors.find((e: { field: string }) => e.field === field);
    expect(error?.messages.join(' ')).toMatch(message);
  });

  it('accepts exactly three years', async () => {
    expect((await d.viewer.get(d.url(d.fjordvik, 'reports/summary?from=2021-01-01&to=2023-12-31&groupBy=theme'))).status).toBe(200);
  });
});
