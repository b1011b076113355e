import { createTestApp, type TestApp } from '@kadens/api/core/testing';
import { DEMO_PASSWORD } from '@kadens/api/organizations';
import { randomBytes } from 'node:crypto';
import type TestAgent from 'supertest/lib/agent';

import { hoursAgo, ResultsFixture } from '../../testing/results-fixture';
import { ResultsModule } from '../results.module';

/** GET and PUT …/publishing/targets/{targetId}/results: the numbers people enter, who may, and for which targets. */
describe('a target’s results and the numbers people enter, against PostgreSQL', () => {
  let t: TestApp;
  let f: ResultsFixture;
  let editor: TestAgent;
  let viewer: TestAgent;
  let webhook: string;
  let target: string;

  const resultsUrl = (targetId: string, organizationId = f.organizationId) =>
    `/api/organizations/${organizationId}/publishing/targets/${targetId}/results`;

  beforeAll(async () => {
    t = await createTestApp([ResultsModule], { APP_ROLES: 'api', CREDENTIALS_KEY: randomBytes(32).toString('base64') });
    f = await new ResultsFixture(t).seed();
    editor = await t.loginAs('editor@kadens.demo', DEMO_PASSWORD);
    viewer = await t.loginAs('viewer@kadens.demo', DEMO_PASSWORD);
    [{ id: webhook }] = await t.db.query(
      `INSERT INTO channels (organization_id, platform, name) VALUES ($1, 'webhook', 'Trykt nyhetsbrev') RETURNING id`,
      [f.organizationId],
    );
    target = await f.publishedTarget(webhook, hoursAgo(30), 'delivery-7');
  });
  afterAll(() => t?.close());

  it('shows a published webhook target with nothing collected and nothing entered', async () => {
    const response = await viewer.get(resultsUrl(target));
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      targetId: target,
      platform: 'webhook',
      collected: false,
      latest: {},
      manual: null,
      total: {},
      snapshots: [],
    });
  });

  it('takes the numbers an editor enters, plans the target on the way, marks its rollup pending and audits the change', async () => {
    const response = await editor
      .put(resultsUrl(target))
      .send({ numbers: { views: 1200, clicks: 85, videoViews: 0 }, note: '  Opplag 1 200  ' });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      manual: { numbers: { views: 1200, clicks: 85, videoViews: 0 }, note: 'Opplag 1 200', enteredBy: { name: expect.any(String) } },
      total: { views: 1200, clicks: 85, videoViews: 0 },
    });
    const [row] = await t.db.query(
      `SELECT manual_views, manual_clicks, manual_video_views, manual_reach, rollup_pending, to_char(published_on, 'YYYY-MM-DD') AS published_on
         FROM target_results WHERE target_id = $1`,
      [target],
    );
    expect(row).toMatchObject({
      manual_views: '1200',
      manual_clicks: '85',
      manual_video_views: '0',
      manual_reach: null,
      rollup_pending: true,
    });
    const [audit] = await t.db.query(
      `SELECT action, subject_type, after FROM audit_events WHERE action = 'post.results_entered' ORDER BY created_at DESC LIMIT 1`,
    );
    expect(audit).toMatchObject({ subject_type: 'post', after: { targetId: target, numbers: { views: 1200, clicks: 85, videoViews: 0 } } });
  });

  it('replaces the earlier numbers rather than merging, and clears them with empty numbers', async () => {
    await t.db.query(`UPDATE target_results SET rollup_pending = false WHERE target_id = $1`, [target]);
    const replaced = await editor.put(resultsUrl(target)).send({ numbers: { reach: 900 } });
    expect(replaced.status).toBe(200);
    expect(replaced.body.manual).toMatchObject({ numbers: { reach: 900 }, note: '' });
    expect(replaced.body.manual.numbers).not.toHaveProperty('views');
    const [{ rollup_pending }] = await t.db.query(`SELECT rollup_pending FROM target_results WHERE target_id = $1`, [target]);
    expect(rollup_pending).toBe(true);

    const cleared = await editor.put(resultsUrl(target)).send({ numbers: {} });
    expect(cleared.status).toBe(200);
    expect(cleared.body).toMatchObject({ manual: null, total: {} });
  });

  it.each([
    [{ numbers: { likes: 4 } }, 'numbers.likes'],
    [{ numbers: { views: -1 } }, 'numbers.views'],
    [{ numbers: { views: 2.5 } }, 'numbers.views'],
    [{ numbers: { views: 1e12 + 1 } }, 'numbers.views'],
    [{ numbers: { shares: '12' } }, 'numbers.shares'],
    [{ numbers: [4] }, 'numbers'],
    [{}, 'numbers'],
    [{ numbers: {}, note: 'x'.repeat(2001) }, 'note'],
  ])('refuses a bad body (case %#), naming the field', async (body, field) => {
    const response = await editor.put(resultsUrl(target)).send(body);
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('validation_failed');
    expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(field);
  });

  it('takes 10^12, the largest number', async () => {
    const response = await editor.put(resultsUrl(target)).send({ numbers: { views: 1e12 } });
    expect(response.status).toBe(200);
    expect(response.body.manual.numbers.views).toBe(1e12);
  });

  it('lets a viewer read results but not enter them (403)', async () => {
    expect((await viewer.get(resultsUrl(target))).status).toBe(200);
    const response = await viewer.put(resultsUrl(target)).send({ numbers: { views: 1 } });
    expect(response.status).toBe(403);
    expect(response.body.code).toBe('permission_denied');
  });

  it('answers 404 for another organisation’s target, and for an organisation the person is not in', async () => {
    const other = await new ResultsFixture(t).seed('bolgeby');
    const bolgeby = other.organizationId;
    const [{ id: theirChannel }] = await t.db.query(
      `INSERT INTO channels (organization_id, platform, name) VALUES ($1, 'webhook', 'Bølgeby intranett') RETURNING id`,
      [bolgeby],
    );
    const theirTarget = await other.publishedTarget(theirChannel, hoursAgo(5), 'delivery-9');
    for (const response of [
      await editor.get(resultsUrl(theirTarget)),
      await editor.put(resultsUrl(theirTarget)).send({ numbers: { views: 1 } }),
    ]) {
      expect(response.status).toBe(404);
      expect(response.body.code).toBe('target_not_found');
    }
    // The editor is not in Bølgeby: its own path to the target is 404 too.
    const outsider = await editor.get(resultsUrl(theirTarget, bolgeby));
    expect(outsider.status).toBe(404);
    expect(outsider.body.code).toBe('organization_not_found');
  });

  it('answers 409 target_not_published for a target that is not out yet', async () => {
    const [post] = await f.publishing.approvedPosts(1, new Date(Date.now() + 86_400_000), [webhook]);
    const [{ id: scheduled }] = await t.db.query(`SELECT id FROM post_targets WHERE post_id = $1`, [post]);
    for (const response of [
      await editor.get(resultsUrl(scheduled)),
      await editor.put(resultsUrl(scheduled)).send({ numbers: { views: 1 } }),
    ]) {
      expect(response.status).toBe(409);
      expect(response.body.code).toBe('target_not_published');
    }
  });
});
