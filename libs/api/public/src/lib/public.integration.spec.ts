import { createTestApp, type TestApp } from '@kadens/api/core/testing';
import { DEMO_PASSWORD, DemoSeeder } from '@kadens/api/organizations';
import { PromisesModule } from '@kadens/api/promises';
import ICAL from 'ical.js';

import { AvailabilityService } from './availability.service';
import { PublicModule } from './public.module';

describe('public availability (no login) against PostgreSQL', () => {
  let t: TestApp;
  const ids: Record<string, string> = {};
  const hours = {
    openingHours: 'Mo-Fr 09:00-12:00; PH off',
    responseWindowMinutes: 120,
    closedPeriods: [{ start: '2027-07-05', end: '2027-07-30', reason: 'Sommerstengt' }],
  };
  const cadence = {
    maxPostsPerDay: 2,
    minMinutesBetweenPosts: null,
    minPostsPerWeek: 3,
    maxDaysOfSilence: null,
    preferredSlots: [],
    publicDescription: 'Vi poster 3–5 ganger i uka',
  };

  beforeAll(async () => {
    t = await createTestApp([PromisesModule, PublicModule]);
    await t.app.get(DemoSeeder).seed();
    for (const row of await t.db.query(`SELECT id, slug FROM organizations`)) ids[row.slug] = row.id;
    const insertChannel = async (org: string, platform: string, name: string, status = 'active') =>
      (
        (await t.db.query(
          `INSERT INTO channels (organization_id, platform, name, handle, public_description, status) VALUES ($1, $2, $3, '@fjordvik', 'Spør oss om alt', $4) RETURNING id`,
          [org, platform, name, status],
        )) as Array<{ id: string }>
      )[0]?.id as string;
    ids['facebook'] = await insertChannel(ids['fjordvik'] as string, 'facebook', 'Facebook');
    ids['paused'] = await insertChannel(ids['fjordvik'] as string, 'instagram', 'Instagram (pauset)', 'paused');
    ids['danish'] = await insertChannel(ids['bolgeby'] as string, 'facebook', 'Facebook DK');
    const admin = await t.loginAs('admin@kadens.demo', DEMO_PASSWORD);
    for (const [org, channel] of [
      ['fjordvik', 'facebook'],
      ['fjordvik', 'paused'],
      ['bolgeby', 'danish'],
    ]) {
      const response = await admin
        .put(`/api/organizations/${ids[org as string]}/channels/${ids[channel as string]}/promises`)
        .send({ cadence, serviceHours: hours });
      expect(response.status).toBe(200);
    }
    // Unpublished material that must never show: a planned post and the members.
    const [type] = await t.db.query(`SELECT id FROM content_types WHERE organization_id = $1 LIMIT 1`, [ids['fjordvik']]);
    const [theme] = await t.db.query(`INSERT INTO themes (organization_id, name, color) VALUES ($1, 'Hemmelig', '#000000') RETURNING id`, [
      ids['fjordvik'],
    ]);
    const [author] = await t.db.query(`SELECT id FROM users WHERE email = 'editor@kadens.demo'`);
    await t.db.query(
      `INSERT INTO posts (organization_id, title, body, content_type_id, theme_id, planned_at, author_id) VALUES ($1, 'HEMMELIG UTKAST', 'intern tekst', $2, $3, now() + interval '1 day', $4)`,
      [ids['fjordvik'], type.id, theme.id, author.id],
    );
  });
  afterAll(() => t?.close());

  describe('GET /api/public/:slug/availability', () => {
    it('answers without login, cacheable, with only active channels and nothing unpublished', async () => {
      const response = await t.anonymous().get('/api/public/fjordvik/availability');
      expect(response.status).toBe(200);
      expect(response.headers['cache-control']).toBe('public, max-age=300');
      expect(response.body.organization).toEqual({
        name: 'Fjordvik kommune',
        slug: 'fjordvik',
        timeZone: 'Europe/Oslo',
        country: 'NO',
        defaultLocale: 'nb',
      });
      expect(response.body.channels.map((c: { name: string }) => c.name)).toEqual(['Facebook']);
      expect(response.body.channels[0]).toMatchObject({
        platform: 'facebook',
        handle: '@fjordvik',
        description: 'Spør oss om alt',
        cadenceDescription: 'Vi poster 3–5 ganger i uka',
      });
      const text = JSON.stringify(response.body);
      for (const secret of ['HEMMELIG', 'kadens.demo', 'password', ids['fjordvik'], 'Hemmelig']) expect(text).not.toContain(secret);
    });

    it.each(['nobody', 'Not-A-Slug', '..%2F..%2Fetc'])('answers an unknown slug (%s) with 404', async (slug) => {
      const response = await t.anonymous().get(`/api/public/${slug}/availability`);
      expect(response.status).toBe(404);
      expect(response.body.code).toBe('organization_not_found');
    });

    it('publishes the hours as schema.org JSON-LD', async () => {
      const { jsonLd } = (await t.anonymous().get('/api/public/fjordvik/availability')).body;
      expect(jsonLd).toMatchObject({ '@context': 'https://schema.org', '@type': 'Organization', name: 'Fjordvik kommune' });
      expect(jsonLd.contactPoint[0]['@type']).toBe('ContactPoint');
      expect(jsonLd.contactPoint[0].hoursAvailable).toContainEqual({
        '@type': 'OpeningHoursSpecification',
        dayOfWeek: 'https://schema.org/Monday',
        opens: '09:00',
        closes: '12:00',
      });
      expect(jsonLd.contactPoint[0].hoursAvailable).toHaveLength(5);
    });
  });

  describe('open now, next change and holidays, in the organisation’s zone', () => {
    const at = async (slug: string, iso: string) =>
      (await t.app.get(AvailabilityService).availability(slug, Date.parse(iso))).channels[0]?.serviceHours;

    it.each([
      ['Tuesday after Easter, 09:30 summer time', '2027-03-30T07:30:00Z', true, '2027-03-30T10:00:00.000Z'],
      ['Maundy Thursday 2027 at 09:30', '2027-03-25T08:30:00Z', false, '2027-03-30T07:00:00.000Z'],
      ['a Wednesday at 08:59 in winter', '2027-01-13T07:59:00Z', false, '2027-01-13T08:00:00.000Z'],
      ['a Wednesday at 09:00 in winter', '2027-01-13T08:00:00Z', true, '2027-01-13T11:00:00.000Z'],
      ['a Friday at 12:00, closing', '2027-01-15T11:00:00Z', false, '2027-01-18T08:00:00.000Z'],
    ])('%s (%s) → open %s, next change %s', async (_case, now, open, next) => {
      const hoursNow = await at('fjordvik', now);
      expect(hoursNow?.openNow).toBe(open);
      expect(hoursNow?.nextChange).toBe(next);
    });

    it('lists Norway’s Easter holidays in the coming 30 days, and an ordinary week without them', async () => {
      const hoursNow = await at('fjordvik', '2027-03-20T10:00:00Z');
      expect(hoursNow?.upcomingHolidays.map((h) => h.date)).toEqual(
        expect.arrayContaining(['2027-03-25', '2027-03-26', '2027-03-28', '2027-03-29']),
      );
      expect(hoursNow?.weeklyHours).toEqual(
        [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, intervals: weekday <= 5 ? [{ start: '09:00', end: '12:00' }] : [] })),
      );
    });

    it('lists Denmark’s Constitution Day for the Danish organisation, and the summer closure', async () => {
      const hoursNow = await at('bolgeby', '2027-05-20T10:00:00Z');
      expect(hoursNow?.upcomingHolidays.map((h) => h.date)).toContain('2027-06-05');
      expect(hoursNow?.upcomingClosures).toEqual([{ start: '2027-07-05', end: '2027-07-30', reason: 'Sommerstengt' }]);
    });
  });

  describe('GET /api/public/:slug/availability.ics', () => {
    it('is an RFC 5545 calendar that a standard parser reads, with the zone defined and times that map to the staffed instants', async () => {
      const response = await t.anonymous().get('/api/public/fjordvik/availability.ics');
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/calendar/);
      const calendar = new ICAL.Component(ICAL.parse(response.text));
      const zone = calendar.getFirstSubcomponent('vtimezone');
      expect(zone?.getFirstPropertyValue('tzid')).toBe('Europe/Oslo');
      ICAL.TimezoneService.register(zone as ICAL.Component);
      const events = calendar.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component));
      // 8 weeks of weekdays, minus holidays: between 30 and 40 staffed mornings.
      expect(events.length).toBeGreaterThanOrEqual(30);
      expect(events.length).toBeLessThanOrEqual(40);
      for (const event of events) {
        expect(event.startDate.zone?.tzid).toBe('Europe/Oslo');
        expect([8, 7]).toContain(event.startDate.toJSDate().getUTCHours());
        expect(event.summary).toBe('Betjent: Facebook');
        const local = event.startDate;
        expect([local.hour, local.minute, event.endDate.hour]).toEqual([9, 0, 12]);
      }
      expect(response.text).toMatch(/DTSTAMP:\d{8}T\d{6}Z/);
      expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
    });

    it('words the events in the language asked for, and refuses an unknown one', async () => {
      const danish = await t.anonymous().get('/api/public/bolgeby/availability.ics?lang=da');
      expect(danish.text).toContain('SUMMARY:Bemandet: Facebook DK');
      expect(danish.text).toContain('TZID:Europe/Copenhagen');
      const english = await t.anonymous().get('/api/public/bolgeby/availability.ics?lang=en');
      expect(english.text).toContain('SUMMARY:Staffed: Facebook DK');
      const bad = await t.anonymous().get('/api/public/bolgeby/availability.ics?lang=fi');
      expect(bad.status).toBe(400);
      expect(bad.body.errors[0].field).toBe('lang');
    });

    it('answers an unknown slug with 404', async () => {
      expect((await t.anonymous().get('/api/public/nobody/availability.ics')).status).toBe(404);
    });

    it('gives the period in progress its real start and the same UID on every fetch', async () => {
      const service = t.app.get(AvailabilityService);
      const first = (await service.icalFeed('fjordvik', undefined, 56, Date.parse('2027-01-13T08:30:00Z'))).body;
      const later = (await service.icalFeed('fjordvik', undefined, 56, Date.parse('2027-01-13T10:45:00Z'))).body;
      const firstEvent = (text: string) => new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent') as ICAL.Component;
      for (const text of [first, later]) {
        expect(firstEvent(text).getFirstPropertyValue('dtstart')?.toString()).toBe('2027-01-13T09:00:00');
        expect(firstEvent(text).getFirstPropertyValue('uid')).toBe(`${ids['facebook']}-2027-01-13T08:00:00.000Z@fjordvik.kadens`);
      }
      // After the period ended it is gone; the next one starts the day after.
      const after = (await service.icalFeed('fjordvik', undefined, 56, Date.parse('2027-01-13T11:00:00Z'))).body;
      expect(firstEvent(after).getFirstPropertyValue('dtstart')?.toString()).toBe('2027-01-14T09:00:00');
    });

    it('escapes a hostile organisation name and ends every line, the last too, with CRLF', async () => {
      await t.db.query(`UPDATE organizations SET name = $1 WHERE slug = 'bolgeby'`, ['Bølgeby\r\nX-EVIL:1\rSUMMARY:y; a, b']);
      try {
        const response = await t.anonymous().get('/api/public/bolgeby/availability.ics').buffer(true);
        const text = response.text;
        expect(text).toContain('X-WR-CALNAME:Bølgeby\\nX-EVIL:1\\nSUMMARY:y\\; a\\, b – Svartider\r\n');
        expect(text).not.toMatch(/^(X-EVIL|SUMMARY:y)/m);
        expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
        expect(text).not.toMatch(/\r(?!\n)|(?<!\r)\n/);
        for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
      } finally {
        await t.db.query(`UPDATE organizations SET name = 'Bølgeby Kommune' WHERE slug = 'bolgeby'`);
      }
    });
  });
});
