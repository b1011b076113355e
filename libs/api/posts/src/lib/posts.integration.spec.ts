import { createTestApp, type TestApp } from '@kadens/api/core/testing';
import { DEMO_PASSWORD, DemoSeeder } from '@kadens/api/organizations';
import type TestAgent from 'supertest/lib/agent';

import { PostsModule } from './posts.module';

describe('posts and the calendar against PostgreSQL', () => {
  let t: TestApp;
  let editor: TestAgent;
  let viewer: TestAgent;
  let otherAdmin: TestAgent;
  const org: Record<string, string> = {};
  const ids: Record<string, string> = {};

  async function insert(table: string, values: Record<string, unknown>): Promise<string> {
    const columns = Object.keys(values);
    const rows: Array<{ id: string }> = await t.db.query(
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`,
      Object.values(values),
    );
    return rows[0]?.id as string;
  }

  const post = (overrides: Record<string, unknown> = {}) => ({
    title: 'Brøyting i vinter',
    body: 'Slik brøyter vi i vinter. Hva lurer du på?',
    contentTypeId: ids['news'],
    themeId: ids['theme'],
    audienceIds: [ids['audience']],
    plannedAt: '2026-12-01T09:30:00+01:00',
    targets: [{ channelId: ids['x'] }, { channelId: ids['bluesky'] }],
    ...overrides,
  });

  beforeAll(async () => {
    t = await createTestApp([PostsModule]);
    await t.app.get(DemoSeeder).seed();
    for (const row of await t.db.query(`SELECT id, slug FROM organizations`)) org[row.slug] = row.id;
    const fjordvik = org['fjordvik'];
    ids['theme'] = await insert('themes', { organization_id: fjordvik, name: 'Vinterdrift', color: '#1e88e5' });
    ids['theme2'] = await insert('themes', { organization_id: fjordvik, name: 'Kultur', color: '#8e24aa' });
    ids['archivedTheme'] = await insert('themes', {
      organization_id: fjordvik,
      name: 'Gammelt',
      color: '#999999',
      archived_at: new Date(),
    });
    ids['x'] = await insert('channels', { organization_id: fjordvik, platform: 'x', name: 'X @fjordvik' });
    ids['bluesky'] = await insert('channels', { organization_id: fjordvik, platform: 'bluesky', name: 'Bluesky' });
    ids['instagram'] = await insert('channels', { organization_id: fjordvik, platform: 'instagram', name: 'Instagram' });
    ids['audience'] = await insert('audiences', { organization_id: fjordvik, name: 'Innbyggere' });
    ids['audience2'] = await insert('audiences', { organization_id: fjordvik, name: 'Næringsliv' });
    ids['initiative'] = await insert('initiatives', {
      organization_id: fjordvik,
      what: 'svare på spørsmål',
      outcome: 'færre telefoner',
      hours_per_week: 2,
    });
    const [news] = await t.db.query(`SELECT id FROM content_types WHERE organization_id = $1 AND key = 'news'`, [fjordvik]);
    ids['news'] = news.id;
    ids['otherTheme'] = await insert('themes', { organization_id: org['bolgeby'], name: 'Havn', color: '#00897b' });
    ids['otherChannel'] = await insert('channels', { organization_id: org['bolgeby'], platform: 'facebook', name: 'Facebook' });
    editor = await t.loginAs('editor@kadens.demo', DEMO_PASSWORD);
    viewer = await t.loginAs('viewer@kadens.demo', DEMO_PASSWORD);
    otherAdmin = await t.loginAs('redaktor@kadens.demo', DEMO_PASSWORD);
  });
  afterAll(() => t?.close());

  const posts = () => `/api/organizations/${org['fjordvik']}/posts`;
  const calendar = (query: string) => `/api/organizations/${org['fjordvik']}/calendar?${query}`;

  it('seeds the six default content types for every organisation', async () => {
    const response = await viewer.get(`/api/organizations/${org['fjordvik']}/content-types`);
    expect(response.status).toBe(200);
    expect(response.body.map((type: { key: string }) => type.key)).toEqual([
      'news',
      'how_to',
      'event',
      'campaign',
      'press_release',
      'question_poll',
    ]);
    expect(response.body.find((type: { key: string }) => type.key === 'question_poll').invitesDialogue).toBe(true);
  });

  describe('creating', () => {
    it('creates a draft with one target per channel and keeps revision 1', async () => {
      const response = await editor.post(posts()).send(post());
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({
        state: 'draft',
        revision: 1,
        plannedAt: '2026-12-01T08:30:00.000Z',
        audienceIds: [ids['audience']],
        link: null,
        mediaUrls: [],
      });
      expect(response.body.targets.map((target: { platform: string; state: string }) => [target.platform, target.state])).toEqual([
        ['bluesky', 'pending'],
        ['x', 'pending'],
      ]);
      const revisions = await editor.get(`${posts()}/${response.body.id}/revisions`);
      expect(revisions.body).toHaveLength(1);
      expect(revisions.body[0].content.body).toBe(post().body);
    });

    it.each([
      ['a body over X’s 280 weighted characters', () => ({ body: 'æ'.repeat(281) }), 'body', /text.too_long on X @fjordvik \(x\)/],
      [
        'an X variant over the limit',
        () => ({ targets: [{ channelId: ids['x'], textVariant: '🙂'.repeat(141) }] }),
        'targets.0.textVariant',
        /limit=280/,
      ],
      ['Instagram without media', () => ({ targets: [{ channelId: ids['instagram'] }] }), 'mediaUrls', /media.required/],
      [
        'a Bluesky body over 300 graphemes',
        () => ({ targets: [{ channelId: ids['bluesky'] }], body: 'ø'.repeat(301) }),
        'body',
        /graphemes/,
      ],
    ])('refuses %s with a 400 naming %s', async (_case, overrides, field, message) => {
      const response = await editor.post(posts()).send(post(overrides()));
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('platform_rules');
      const error = response.body.errors.find((e: { field: string }) => e.field === field);
      expect(error.messages.join(' ')).toMatch(message);
    });

    it.each([
      ['a theme of another organisation', () => ({ themeId: ids['otherTheme'] }), 'themeId'],
      ['an archived theme', () => ({ themeId: ids['archivedTheme'] }), 'themeId'],
      ['a channel of another organisation', () => ({ targets: [{ channelId: ids['otherChannel'] }] }), 'targets.0.channelId'],
      ['the same channel twice', () => ({ targets: [{ channelId: ids['x'] }, { channelId: ids['x'] }] }), 'targets.1.channelId'],
      ['no targets', () => ({ targets: [] }), 'targets'],
      ['a time without an offset', () => ({ plannedAt: '2026-12-01T09:30:00' }), 'plannedAt'],
      ['a link that is not a URL', () => ({ link: 'fjordvik.no/vinter site' }), 'link'],
      ['an unknown field', () => ({ publishNow: true }), 'publishNow'],
      ['a malformed audience id', () => ({ audienceIds: ['nope'] }), 'audienceIds'],
    ])('refuses %s with a 400 naming the field', async (_case, overrides, field) => {
      const response = await editor.post(posts()).send(post(overrides()));
      expect(response.status).toBe(400);
      expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    });

    it('saves and lists the largest posts (50 channels, longest title), which the calendar reads past its covering index', async () => {
      const channels: string[] = [];
      for (let i = 0; i < 51; i++)
        channels.push(
          await insert('channels', {
            organization_id: org['fjordvik'],
            platform: 'webhook',
            name: `${'Kanal med et langt navn '.repeat(3).slice(0, 76)} ${i}`,
          }),
        );
      const targets = channels.map((channelId) => ({ channelId, textVariant: 'ø'.repeat(500) }));
      const largest = await editor
        .post(posts())
        .send(post({ title: 'Å'.repeat(200), targets: targets.slice(0, 50), plannedAt: '2031-05-05T10:00:00Z' }));
      const small = await editor.post(posts()).send(post({ title: 'Liten', plannedAt: '2031-05-05T09:00:00Z' }));
      expect(largest.status).toBe(201);
      const [{ length }] = await t.db.query(`SELECT octet_length(calendar_entry) AS length FROM posts WHERE id = $1`, [largest.body.id]);
      expect(length).toBeGreaterThan(2700);
      const month = await viewer.get(calendar('from=2031-05-01T00:00:00Z&to=2031-06-01T00:00:00Z'));
      expect(month.body.map((e: { title: string; targets: unknown[] }) => [e.title, e.targets.length])).toEqual([
        ['Liten', 2],
        ['Å'.repeat(200), 50],
      ]);
      const tooMany = await editor.post(posts()).send(post({ targets }));
      expect(tooMany.status).toBe(400);
      expect(tooMany.body.errors.map((e: { field: string }) => e.field)).toContain('targets');
      await t.db.query(`DELETE FROM posts WHERE id = ANY($1::uuid[])`, [[largest.body.id, small.body.id]]);
      await t.db.query(`DELETE FROM channels WHERE id = ANY($1::uuid[])`, [channels]);
    });

    it('lets a viewer read but not write (403)', async () => {
      expect((await viewer.post(posts()).send(post())).status).toBe(403);
    });
  });

  describe('editing, revisions and moving', () => {
    let id: string;
    beforeAll(async () => {
      id = (await editor.post(posts()).send(post({ title: 'Revisjoner' }))).body.id;
    });

    it('makes a new revision when content changes, and not when only the time changes', async () => {
      const edited = await editor.patch(`${posts()}/${id}`).send({ body: 'Ny tekst om brøyting.' });
      expect(edited.body.revision).toBe(2);
      const retimed = await editor.patch(`${posts()}/${id}`).send({ plannedAt: '2026-12-02T10:00:00+01:00' });
      expect(retimed.body.revision).toBe(2);
      const moved = await editor.post(`${posts()}/${id}/move`).send({ plannedAt: '2026-12-03T10:00:00+01:00' });
      expect(moved.status).toBe(200);
      expect(moved.body).toMatchObject({ revision: 2, plannedAt: '2026-12-03T09:00:00.000Z' });
      const variant = await editor.patch(`${posts()}/${id}`).send({ targets: [{ channelId: ids['x'], textVariant: 'Kort for X' }] });
      expect(variant.body.revision).toBe(3);
      expect(variant.body.targets).toEqual([expect.objectContaining({ platform: 'x', textVariant: 'Kort for X' })]);
      const revisions = (await editor.get(`${posts()}/${id}/revisions`)).body;
      expect(revisions.map((r: { revision: number }) => r.revision)).toEqual([3, 2, 1]);
    });

    it.each([['title'], ['body'], ['themeId'], ['contentTypeId'], ['targets']])(
      'refuses %s: null with a 400 naming it, and accepts null where it means "none"',
      async (field) => {
        const refused = await editor.patch(`${posts()}/${id}`).send({ [field]: null });
        expect(refused.status).toBe(400);
        expect(refused.body.errors.map((e: { field: string }) => e.field)).toContain(field);
        const cleared = await editor.patch(`${posts()}/${id}`).send({ link: null, initiativeId: null, plannedAt: null });
        expect(cleared.status).toBe(200);
        expect(cleared.body).toMatchObject({ link: null, initiativeId: null, plannedAt: null });
      },
    );

    it('refuses to move or edit a post once a channel has published it (409)', async () => {
      await t.db.query(`UPDATE post_targets SET state = 'published' WHERE post_id = $1`, [id]);
      const moved = await editor.post(`${posts()}/${id}/move`).send({ plannedAt: '2026-12-04T10:00:00+01:00' });
      expect(moved.status).toBe(409);
      expect(moved.body.code).toBe('delivery_started');
      expect((await editor.patch(`${posts()}/${id}`).send({ title: 'x' })).status).toBe(409);
      expect((await editor.delete(`${posts()}/${id}`)).status).toBe(409);
    });

    it('hides another organisation’s post behind a 404', async () => {
      expect((await otherAdmin.get(`/api/organizations/${org['bolgeby']}/posts/${id}`)).status).toBe(404);
      expect(
        (await otherAdmin.post(`/api/organizations/${org['bolgeby']}/posts/${id}/move`).send({ plannedAt: '2026-12-04T10:00:00Z' })).status,
      ).toBe(404);
    });
  });

  describe('calendar', () => {
    beforeAll(async () => {
      await t.db.query(`DELETE FROM posts`);
      const plan = [
        {
          title: 'A',
          plannedAt: '2027-01-04T08:00:00Z',
          themeId: ids['theme'],
          audienceIds: [ids['audience']],
          targets: [{ channelId: ids['x'] }],
        },
        {
          title: 'B',
          plannedAt: '2027-01-05T08:00:00Z',
          themeId: ids['theme2'],
          audienceIds: [ids['audience2']],
          targets: [{ channelId: ids['bluesky'] }],
          initiativeId: ids['initiative'],
        },
        {
          title: 'C',
          plannedAt: '2027-01-31T22:59:59Z',
          themeId: ids['theme'],
          audienceIds: [],
          targets: [{ channelId: ids['x'] }, { channelId: ids['bluesky'] }],
        },
        { title: 'outside', plannedAt: '2027-02-01T00:00:00Z', themeId: ids['theme'], targets: [{ channelId: ids['x'] }] },
        { title: 'idea', plannedAt: null, themeId: ids['theme'], targets: [{ channelId: ids['x'] }] },
      ];
      for (const entry of plan) expect((await editor.post(posts()).send(post(entry))).status).toBe(201);
      const otherOrg = org['bolgeby'];
      const [otherType] = await t.db.query(`SELECT id FROM content_types WHERE organization_id = $1 LIMIT 1`, [otherOrg]);
      const response = await otherAdmin.post(`/api/organizations/${otherOrg}/posts`).send({
        title: 'Dansk',
        body: 'Hej',
        contentTypeId: otherType.id,
        themeId: ids['otherTheme'],
        plannedAt: '2027-01-10T08:00:00Z',
        targets: [{ channelId: ids['otherChannel'] }],
      });
      expect(response.status).toBe(201);
    });

    const month = 'from=2027-01-01T00:00:00%2B01:00&to=2027-02-01T00:00:00%2B01:00';
    const titles = async (query: string, agent = viewer) => {
      const response = await agent.get(calendar(query));
      expect(response.status).toBe(200);
      return response.body.map((entry: { title: string }) => entry.title);
    };

    it('returns the month’s planned posts in order, with targets, and nothing of another organisation', async () => {
      const response = await viewer.get(calendar(month));
      expect(response.headers['content-type']).toMatch(/application\/json/);
      expect(response.body.map((e: { title: string }) => e.title)).toEqual(['A', 'B', 'C']);
      expect(response.body[2]).toMatchObject({ plannedAt: '2027-01-31T22:59:59.000Z', state: 'draft', targets: expect.any(Array) });
      expect(response.body[2].targets.map((target: { platform: string }) => target.platform).sort()).toEqual(['bluesky', 'x']);
    });

    it('sends a range of many days, several posts a day, as one array in time order (a day per row of the query)', async () => {
      // Out of order on purpose, two at the same minute, either side of UTC midnight, and in March, apart from January's.
      const times = [
        '2027-03-02T00:00:00Z',
        '2027-03-01T23:59:59Z',
        '2027-03-01T08:00:00Z',
        '2027-03-01T08:00:00Z',
        '2027-03-09T12:00:00Z',
      ];
      const created: string[] = [];
      for (const [n, plannedAt] of times.entries()) {
        const response = await editor
          .post(posts())
          .send(post({ title: `M${n}`, plannedAt, themeId: ids['theme'], targets: [{ channelId: ids['x'] }] }));
        expect(response.status).toBe(201);
        created.push(response.body.id as string);
      }
      const march = await viewer.get(calendar('from=2027-03-01T00:00:00Z&to=2027-04-01T00:00:00Z')).set('accept-encoding', 'gzip');
      expect(march.status).toBe(200);
      expect(march.headers['content-encoding']).toBe('gzip');
      const entries = march.body as Array<{ id: string; title: string; plannedAt: string }>;
      const sameMinute = created.slice(2, 4).sort();
      expect(entries.map((entry) => entry.plannedAt)).toEqual([...times].sort().map((time) => time.replace('Z', '.000Z')));
      expect(entries.slice(0, 2).map((entry) => entry.id)).toEqual(sameMinute);
      await t.db.query(`DELETE FROM posts WHERE id = ANY($1::uuid[])`, [created]);
    });

    it.each([
      ['theme', () => `themeIds=${ids['theme2']}`, ['B']],
      ['audience', () => `audienceIds=${ids['audience']}`, ['A']],
      ['channel', () => `channelIds=${ids['bluesky']}`, ['B', 'C']],
      ['two channels, comma-separated', () => `channelIds=${ids['bluesky']},${ids['x']}`, ['A', 'B', 'C']],
      ['initiative', () => `initiativeIds=${ids['initiative']}`, ['B']],
      ['state', () => 'states=approved', []],
      ['repeated theme keys', () => `themeIds=${ids['theme']}&themeIds=${ids['theme2']}`, ['A', 'B', 'C']],
    ])('filters by %s', async (_name, filter, expected) => {
      expect(await titles(`${month}&${filter()}`)).toEqual(expected);
    });

    it.each([
      ['an end before the start', 'from=2027-02-01T00:00:00Z&to=2027-01-01T00:00:00Z', 'to'],
      ['a range over 370 days', 'from=2027-01-01T00:00:00Z&to=2028-01-07T00:00:00Z', 'to'],
      ['a missing start', 'to=2027-01-01T00:00:00Z', 'from'],
      ['a start without an offset', 'from=2027-01-01T00:00:00&to=2027-01-02T00:00:00Z', 'from'],
      ['an unknown state', `${month}&states=published`, 'states'],
      ['a malformed theme id', `${month}&themeIds=x`, 'themeIds'],
      ['an unknown parameter', `${month}&limit=10`, 'limit'],
    ])('refuses %s with a 400 naming the field', async (_name, query, field) => {
      const response = await viewer.get(calendar(query));
      expect(response.status).toBe(400);
      expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    });

    it('answers 404 for another organisation’s calendar', async () => {
      expect((await viewer.get(`/api/organizations/${org['bolgeby']}/calendar?${month}`)).status).toBe(404);
    });
  });

  describe('content types', () => {
    it('adds, renames, archives and refuses to delete one in use', async () => {
      const url = `/api/organizations/${org['fjordvik']}/content-types`;
      const created = await editor.post(url).send({ name: 'Stillingsannonse' });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ key: null, name: 'Stillingsannonse', invitesDialogue: false, archived: false });
      expect((await editor.post(url).send({ name: 'stillingsannonse' })).status).toBe(409);
      const archived = await editor.patch(`${url}/${created.body.id}`).send({ archived: true });
      expect(archived.body.archived).toBe(true);
      expect((await editor.get(url)).body.map((type: { id: string }) => type.id)).not.toContain(created.body.id);
      expect((await editor.delete(`${url}/${created.body.id}`)).status).toBe(204);
      const inUse = await editor.delete(`${url}/${ids['news']}`);
      expect(inUse.status).toBe(409);
      expect(inUse.body.code).toBe('content_type_in_use');
      expect((await viewer.post(url).send({ name: 'x' })).status).toBe(403);
    });
  });
});
