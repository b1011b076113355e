import { AuditModule } from '@kadens/api/audit';
import { createTestApp, type TestApp } from '@kadens/api/core/testing';
import { DEMO_PASSWORD, DemoSeeder } from '@kadens/api/organizations';
import type TestAgent from 'supertest/lib/agent';

import { PromisesModule } from '../promises.module';

/** The composer's two questions: "what would a save be told?" and "when is every chosen channel free?". */
describe('plan check and next free slot on several channels', () => {
  let t: TestApp;
  let editor: TestAgent;
  let viewer: TestAgent;
  let org: string;
  let elsewhere: string;
  const ids: Record<string, string> = {};
  const url = (path: string, organizationId = org) => `/api/organizations/${organizationId}/${path}`;
  const values = (overrides: Record<string, unknown> = {}) => ({
    plannedAt: '2027-01-12T13:00:00Z',
    channelIds: [ids['a']],
    invitesDialogue: true,
    ...overrides,
  });
  const fields = (response: { body: { errors?: Array<{ field: string }> } }) => (response.body.errors ?? []).map((error) => error.field);

  beforeAll(async () => {
    t = await createTestApp([PromisesModule, AuditModule]);
    await t.app.get(DemoSeeder).seed();
    [{ id: org }] = await t.db.query(`SELECT id FROM organizations WHERE slug = 'fjordvik'`);
    [{ id: elsewhere }] = await t.db.query(`SELECT id FROM organizations WHERE slug = 'bolgeby'`);
    editor = await t.loginAs('editor@kadens.demo', DEMO_PASSWORD);
    viewer = await t.loginAs('viewer@kadens.demo', DEMO_PASSWORD);
    const channel = async (
      organizationId: string,
      name: string,
      openingHours: string | null,
      maxPerDay: number | null,
      gap: number | null,
    ) =>
      (
        await t.db.query(
          `INSERT INTO channels (organization_id, platform, name, opening_hours, response_window_minutes, max_posts_per_day, min_minutes_between_posts)
           VALUES ($1, 'facebook', $2, $3, $4, $5, $6) RETURNING id`,
          [organizationId, name, openingHours, openingHours ? 30 : null, maxPerDay, gap],
        )
      )[0].id as string;
    ids['a'] = await channel(org, 'A', 'Mo-Fr 09:00-12:00', 5, 60);
    ids['b'] = await channel(org, 'B', 'Mo-Fr 10:00-15:00', 5, 60);
    ids['theirs'] = await channel(elsewhere, 'Deres', null, null, null);
    [{ id: ids['theme'] }] = await t.db.query(
      `INSERT INTO themes (organization_id, name, color) VALUES ($1, 'Drift', '#00897b') RETURNING id`,
      [org],
    );
    [{ id: ids['news'] }] = await t.db.query(`SELECT id FROM content_types WHERE organization_id = $1 AND key = 'news'`, [org]);
  });
  afterAll(() => t?.close());

  describe('POST calendar/check', () => {
    it('answers the blocking rules the planned values break, in the organisation’s zone, writing nothing', async () => {
      const response = await editor.post(url('calendar/check')).send(values());
      expect(response.status).toBe(200);
      expect(response.body.violations).toEqual([
        expect.objectContaining({
          rule: 'service_hours.outside',
          severity: 'block',
          channelId: ids['a'],
          postId: null,
          at: '2027-01-12T13:00:00.000Z',
        }),
      ]);
      expect(await t.db.query(`SELECT count(*)::int AS n FROM posts WHERE organization_id = $1`, [org])).toEqual([{ n: 0 }]);
      expect((await editor.post(url('calendar/check')).send(values({ invitesDialogue: false }))).body).toEqual({ violations: [] });
    });

    it.each([
      ['a time that is not an instant', { plannedAt: 'tomorrow' }, 'plannedAt'],
      ['no channels', { channelIds: [] }, 'channelIds'],
      ['a channel id that is not a uuid', { channelIds: ['a'] }, 'channelIds'],
      ['a dialogue flag that is not a boolean', { invitesDialogue: 'yes' }, 'invitesDialogue'],
      ['a post id that is not a uuid', { postId: 'p1' }, 'postId'],
      ['an unknown field', { targets: [] }, 'targets'],
    ])('refuses %s with a 400 naming it', async (_case, overrides, field) => {
      const response = await editor.post(url('calendar/check')).send(values(overrides));
      expect(response.status).toBe(400);
      expect(fields(response)).toContain(field);
    });

    it('answers 404 for another organisation’s channel, content type or post, and for an organisation the person is not in', async () => {
      const [{ id: theirType }] = await t.db.query(`SELECT id FROM content_types WHERE organization_id = $1 LIMIT 1`, [elsewhere]);
      expect((await editor.post(url('calendar/check')).send(values({ channelIds: [ids['a'], ids['theirs']] }))).body.code).toBe(
        'channel_not_found',
      );
      expect((await editor.post(url('calendar/check')).send(values({ contentTypeId: theirType }))).body.code).toBe(
        'content_type_not_found',
      );
      expect((await editor.post(url('calendar/check')).send(values({ postId: ids['theirs'] }))).status).toBe(404);
      expect((await editor.post(url('calendar/check', elsewhere)).send(values({ channelIds: [ids['theirs']] }))).status).toBe(404);
    });

    it('is for those who may edit posts: a viewer gets 403', async () => {
      expect((await viewer.post(url('calendar/check')).send(values())).status).toBe(403);
    });
  });

  describe('GET calendar/next-free-slot', () => {
    afterEach(() => t.db.query(`DELETE FROM posts WHERE organization_id = $1`, [org]));
    const slot = (query: string) => editor.get(url(`calendar/next-free-slot?${query}`));

    it('finds the first time free on every channel in one request', async () => {
      // A is busy at 10:00 Oslo on Tuesday 12 January 2027 (an hour's gap either side).
      const [{ id }] = await t.db.query(
        `INSERT INTO posts (organization_id, title, body, content_type_id, theme_id, planned_at, author_id)
         SELECT $1, 'Opptatt', 'x', $2, $3, '2027-01-12T09:00:00Z', id FROM users WHERE email = 'editor@kadens.demo' RETURNING id`,
        [org, ids['news'], ids['theme']],
      );
      await t.db.query(`INSERT INTO post_targets (organization_id, post_id, channel_id) VALUES ($1, $2, $3)`, [org, id, ids['a']]);
      const from = 'from=2027-01-12T08:00:00Z&invitesDialogue=true';
      // A alone: 09:00 Oslo. B alone: 10:00, which is too close to A's post: both free at 11:00 Oslo (10:00Z).
      expect((await slot(`channelIds=${ids['a']}&${from}`)).body).toEqual({ at: '2027-01-12T08:00:00.000Z', preferred: false });
      expect((await slot(`channelIds=${ids['b']}&${from}`)).body).toEqual({ at: '2027-01-12T09:00:00.000Z', preferred: false });
      expect((await slot(`channelIds=${ids['a']},${ids['b']}&${from}`)).body).toEqual({ at: '2027-01-12T10:00:00.000Z', preferred: false });
      // The single-channel route answers as before.
      expect((await editor.get(url(`channels/${ids['a']}/next-free-slot?${from}`))).body).toEqual({
        at: '2027-01-12T08:00:00.000Z',
        preferred: false,
      });
      // The post being moved does not stand in its own way.
      expect((await slot(`channelIds=${ids['a']},${ids['b']}&${from}&postId=${id}`)).body.at).toBe('2027-01-12T09:00:00.000Z');
    });

    it.each([
      ['no channels', 'from=2027-01-12T08:00:00Z', 'channelIds'],
      ['a channel id that is not a uuid', 'channelIds=a,b', 'channelIds'],
      ['a start that is not an instant', 'channelIds=00000000-0000-4000-8000-000000000000&from=soon', 'from'],
      [
        'a dialogue flag that is not true or false',
        'channelIds=00000000-0000-4000-8000-000000000000&invitesDialogue=ja',
        'invitesDialogue',
      ],
    ])('refuses %s with a 400 naming it', async (_case, query, field) => {
      const response = await slot(query);
      expect(response.status).toBe(400);
      expect(fields(response)).toContain(field);
    });

    it('answers 404 when a channel is another organisation’s', async () => {
      const response = await slot(`channelIds=${ids['a']},${ids['theirs']}`);
      expect(response.status).toBe(404);
      expect(response.body.code).toBe('channel_not_found');
    });
  });
});
