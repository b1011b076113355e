import { type DemoTestApp, startDemoTestApp } from '@kadens/api/organizations/testing';
import ICAL from 'ical.js';

import { ExchangeModule } from '../exchange.module';

describe('calendar feeds against PostgreSQL', () => {
  let d: DemoTestApp;
  const ids: Record<string, string> = {};

  async function insert(table: string, values: Record<string, unknown>): Promise<string> {
    const columns = Object.keys(values);
    const rows: Array<{ id: string }> = await d.t.db.query(
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`,
      Object.values(values),
    );
    return rows[0]?.id as string;
  }

  const fetchFeed = (url: string) => d.t.anonymous().get(new URL(url).pathname);

  beforeAll(async () => {
    d = await startDemoTestApp([ExchangeModule]);
    ids['theme'] = await insert('themes', { organization_id: d.fjordvik, name: 'Vinterdrift', color: '#1e88e5' });
    ids['theme2'] = await insert('themes', { organization_id: d.fjordvik, name: 'Kultur', color: '#8e24aa' });
    ids['x'] = await insert('channels', { organization_id: d.fjordvik, platform: 'x', name: 'X @fjordvik' });
    ids['bluesky'] = await insert('channels', { organization_id: d.fjordvik, platform: 'bluesky', name: 'Bluesky' });
    const [news] = await d.t.db.query(`SELECT id FROM content_types WHERE organization_id = $1 AND key = 'news'`, [d.fjordvik]);
    ids['news'] = news.id;
    const created = await d.editor.post(d.url(d.fjordvik, 'posts')).send({
      title: 'Brøyting; i vinter, med komma',
      body: 'Slik brøyter vi.',
      contentTypeId: ids['news'],
      themeId: ids['theme'],
      plannedAt: new Date(Math.floor(Date.now() / 60_000) * 60_000 + 3 * 86_400_000).toISOString(),
      targets: [{ channelId: ids['x'] }, { channelId: ids['bluesky'] }],
    });
    expect(created.status).toBe(201);
    ids['post'] = created.body.id;
    const other = await d.editor.post(d.url(d.fjordvik, 'posts')).send({
      title: 'Konsert',
      body: 'Kom!',
      contentTypeId: ids['news'],
      themeId: ids['theme2'],
      plannedAt: new Date(Date.now() + 5 * 86_400_000).toISOString(),
      targets: [{ channelId: ids['bluesky'] }],
    });
    expect(other.status).toBe(201);
    ids['post2'] = other.body.id;
  });
  afterAll(() => d?.t.close());

  it('makes a private URL whose feed is RFC 5545 that ical.js reads: UTC start, stable UID, link back, refresh hints', async () => {
    const created = await d.editor.post('/api/me/calendar-feeds').send({ organizationId: d.fjordvik });
    expect(created.status).toBe(201);
    expect(created.body.url).toMatch(/\/api\/calendar-feeds\/[A-Za-z0-9_-]{43}\.ics$/);
    const [stored] = await d.t.db.query(`SELECT token_hash FROM calendar_feeds WHERE id = $1`, [created.body.id]);
    expect(created.body.url).not.toContain(stored.token_hash);

    const response = await fetchFeed(created.body.url);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/calendar/);
    const text: string = response.text;
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text).toContain('REFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n');
    expect(text).toContain('X-PUBLISHED-TTL:PT1H\r\n');

    const calendar = new ICAL.Component(ICAL.parse(text));
    const events = calendar.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    expect(events.map((e) => e.summary)).toEqual(['Brøyting; i vinter, med komma [Draft]', 'Konsert [Draft]']);
    const [first] = events;
    const [post] = await d.t.db.query(`SELECT planned_at, revision FROM posts WHERE id = $1`, [ids['post']]);
    expect(first?.uid).toBe(`${ids['post']}@localhost`);
    expect(first?.startDate.toJSDate().getTime()).toBe(post.planned_at.getTime());
    expect(first?.startDate.zone?.tzid).toBe('UTC');
    expect(first?.sequence).toBe(post.revision);
    expect(first?.component.getFirstPropertyValue('url')).toBe(`http://localhost:3000/o/${d.fjordvik}/approvals/${ids['post']}`);
    expect(first?.description).toContain('X @fjordvik');
    expect(first?.component.getFirstPropertyValue('last-modified')).toBeTruthy();

    // The UID stays the same between fetches, so clients update rather than duplicate.
    const again = new ICAL.Component(ICAL.parse((await fetchFeed(created.body.url)).text));
    expect(again.getAllSubcomponents('vevent').map((e) => e.getFirstPropertyValue('uid'))).toEqual(events.map((e) => e.uid));
  });

  it('filters by channel and by theme', async () => {
    const byTheme = await d.editor.post('/api/me/calendar-feeds').send({ organizationId: d.fjordvik, themeIds: [ids['theme2']] });
    const byChannel = await d.editor.post('/api/me/calendar-feeds').send({ organizationId: d.fjordvik, channelIds: [ids['x']] });
    const uids = async (url: string) =>
      new ICAL.Component(ICAL.parse((await fetchFeed(url)).text)).getAllSubcomponents('vevent').map((e) => e.getFirstPropertyValue('uid'));
    expect(await uids(byTheme.body.url)).toEqual([`${ids['post2']}@localhost`]);
    expect(await uids(byChannel.body.url)).toEqual([`${ids['post']}@localhost`]);
  });

  it('refuses another organisation (404), another’s channels (400) and bad ids (400)', async () => {
    expect((await d.editor.post('/api/me/calendar-feeds').send({ organizationId: d.bolgeby })).status).toBe(404);
    const foreign = await d.admin.post('/api/me/calendar-feeds').send({ organizationId: d.bolgeby, channelIds: [ids['x']] });
    expect(foreign.status).toBe(400);
    expect((await d.editor.post('/api/me/calendar-feeds').send({ organizationId: 'nope' })).status).toBe(400);
    expect((await d.t.anonymous().post('/api/me/calendar-feeds').send({ organizationId: d.fjordvik })).status).toBe(401);
  });

  it('lists, regenerates (the old URL stops) and revokes (410)', async () => {
    const created = await d.viewer.post('/api/me/calendar-feeds').send({ organizationId: d.fjordvik });
    const list = await d.viewer.get('/api/me/calendar-feeds');
    expect(list.status).toBe(200);
    expect(list.body.map((f: { id: string }) => f.id)).toEqual([created.body.id]);
    expect(list.body[0].url).toBeUndefined();
    expect(list.body[0].organizationName).toBe('Fjordvik kommune');

    const regenerated = await d.viewer.post(`/api/me/calendar-feeds/${created.body.id}/regenerate`);
    expect(regenerated.status).toBe(201);
    expect(regenerated.body.url).not.toBe(created.body.url);
    expect((await fetchFeed(created.body.url)).status).toBe(404);
    expect((await fetchFeed(regenerated.body.url)).status).toBe(200);

    // Someone else's feed is not theirs to revoke.
    expect((await d.editor.delete(`/api/me/calendar-feeds/${created.body.id}`)).status).toBe(404);
    expect((await d.viewer.delete(`/api/me/calendar-feeds/${created.body.id}`)).status).toBe(204);
    expect((await fetchFeed(regenerated.body.url)).status).toBe(410);
    expect((await d.viewer.get('/api/me/calendar-feeds')).body).toEqual([]);
  });

  it('stops showing the plan when its person leaves the organisation (410)', async () => {
    const created = await d.approver.post('/api/me/calendar-feeds').send({ organizationId: d.fjordvik });
    expect((await fetchFeed(created.body.url)).status).toBe(200);
    await d.t.db.query(`DELETE FROM memberships WHERE organization_id = $1 AND user_id = $2`, [
      d.fjordvik,
      d.userIds['approver@kadens.demo'],
    ]);
    const gone = await fetchFeed(created.body.url);
    expect(gone.status).toBe(410);
    expect(gone.text).not.toContain('BEGIN:VCALENDAR');
  });

  it('answers 404 to tokens it does not know, whatever their shape', async () => {
    expect((await d.t.anonymous().get(`/api/calendar-feeds/${'a'.repeat(43)}.ics`)).status).toBe(404);
    expect((await d.t.anonymous().get('/api/calendar-feeds/short.ics')).status).toBe(404);
  });

  it('limits fetches per address (429 with Retry-After)', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 62; i++) statuses.push((await d.t.anonymous().get(`/api/calendar-feeds/${'b'.repeat(43)}.ics`)).status);
    expect(statuses).toContain(429);
    const refused = await d.t.anonymous().get(`/api/calendar-feeds/${'b'.repeat(43)}.ics`);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
  });
});
