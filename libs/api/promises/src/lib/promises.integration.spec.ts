import { AuditModule } from '@kadens/api/audit';
import { createTestApp, type TestApp } from '@kadens/api/core/testing';
import type TestAgent from 'supertest/lib/agent';

import { FJORDVIK_PROMISES, promisesWorld } from '../testing';
import { PromisesModule } from './promises.module';

/**
 * The promises against PostgreSQL: documenting them, and what the rules answer about a planned post
 * (asked through the dry-run check, which runs the very code a save runs; the saves themselves are
 * tested in libs/api/posts). The plan around it is written straight into the tables.
 */
describe('promises: cadence and service hours against PostgreSQL', () => {
  let t: TestApp;
  let admin: TestAgent;
  let editor: TestAgent;
  let approver: TestAgent;
  let org: string;
  let ids: Record<string, string> = {};

  const promises = FJORDVIK_PROMISES;
  const url = (path: string) => `/api/organizations/${org}/${path}`;
  /** A saved post on the plan (by default news on the documented channel). */
  const plan = async (plannedAt: string, options: { contentType?: string; channelId?: string } = {}): Promise<string> => {
    const [{ id }] = await t.db.query(
      `INSERT INTO posts (organization_id, title, body, content_type_id, theme_id, planned_at, author_id)
       SELECT $1, 'Innlegg', 'Hei!', $2, $3, $4, id FROM users WHERE email = 'editor@kadens.demo' RETURNING id`,
      [org, ids[options.contentType ?? 'news'], ids['theme'], plannedAt],
    );
    await t.db.query(`INSERT INTO post_targets (organization_id, post_id, channel_id) VALUES ($1, $2, $3)`, [
      org,
      id,
      options.channelId ?? ids['channel'],
    ]);
    return id;
  };
  /** The blocking rules a save of a new post at this time would break. */
  const check = async (plannedAt: string, overrides: Record<string, unknown> = {}): Promise<string[]> => {
    const response = await editor
      .post(url('calendar/check'))
      .send({ plannedAt, channelIds: [ids['channel']], invitesDialogue: false, contentTypeId: ids['news'], ...overrides });
    expect(response.status).toBe(200);
    return response.body.violations.map((v: { rule: string }) => v.rule);
  };

  beforeAll(async () => {
    t = await createTestApp([PromisesModule, AuditModule]);
    ({ org, admin, editor, approver, ids } = await promisesWorld(t));
  });
  afterAll(() => t?.close());

  describe('documenting the promises', () => {
    it('stores and returns a channel’s cadence and service hours', async () => {
      const saved = await admin.put(url(`channels/${ids['channel']}/promises`)).send(promises);
      expect(saved.status).toBe(200);
      expect(saved.body).toEqual({ channelId: ids['channel'], ...promises });
      expect((await editor.get(url(`channels/${ids['channel']}/promises`))).body).toEqual(saved.body);
      expect((await editor.get(url(`channels/${ids['other']}/promises`))).body).toEqual({
        channelId: ids['other'],
        cadence: null,
        serviceHours: null,
      });
    });

    it.each([
      [
        'opening hours the parser refuses',
        { serviceHours: { ...promises.serviceHours, openingHours: 'Mo-Fr 9-12 maybe' } },
        'serviceHours.openingHours',
      ],
      [
        'a closed period that ends before it starts',
        { serviceHours: { ...promises.serviceHours, closedPeriods: [{ start: '2027-07-05', end: '2027-07-01' }] } },
        'serviceHours.closedPeriods.0.end',
      ],
      [
        'a date that is not a date',
        { serviceHours: { ...promises.serviceHours, closedPeriods: [{ start: '5 July', end: '2027-07-01' }] } },
        'serviceHours.closedPeriods.0.start',
      ],
      [
        'a minimum per week above what the daily maximum allows',
        { cadence: { ...promises.cadence, maxPostsPerDay: 1, minPostsPerWeek: 8 } },
        'cadence.minPostsPerWeek',
      ],
      ['a preferred slot it cannot read', { cadence: { ...promises.cadence, preferredSlots: ['whenever'] } }, 'cadence.preferredSlots'],
      [
        'a negative response window',
        { serviceHours: { ...promises.serviceHours, responseWindowMinutes: -5 } },
        'serviceHours.responseWindowMinutes',
      ],
      ['an unknown field', { cadence: { ...promises.cadence, maxPostsPerYear: 3 } }, 'cadence.maxPostsPerYear'],
    ])('refuses %s with a 400 naming it', async (_case, body, field) => {
      const response = await admin.put(url(`channels/${ids['channel']}/promises`)).send({ ...promises, ...body });
      expect(response.status).toBe(400);
      expect(response.body.errors.map((e: { field: string }) => e.field).join(' ')).toContain(field);
    });

    it('gives the parser’s own message for bad opening hours', async () => {
      const response = await admin
        .put(url(`channels/${ids['channel']}/promises`))
        .send({ ...promises, serviceHours: { ...promises.serviceHours, openingHours: 'Mo-Fr 09:00-25:99' } });
      expect(response.body.errors[0].messages[0].length).toBeGreaterThan(10);
    });

    it('lets only admins and editors document promises', async () => {
      expect((await approver.put(url(`channels/${ids['channel']}/promises`)).send(promises)).status).toBe(403);
    });
  });

  describe('service hours, in Europe/Oslo with Norway’s holidays', () => {
    it.each([
      ['a weekday at 10:30 in winter (09:30Z)', '2026-12-01T09:30:00Z', []],
      ['a weekday at 14:00', '2026-12-01T13:00:00Z', ['service_hours.outside']],
      ['exactly 12:00, when service closes', '2026-12-02T11:00:00Z', ['service_hours.outside']],
      ['exactly 09:00, when it opens', '2026-12-03T08:00:00Z', []],
      ['a Saturday', '2026-12-05T10:00:00Z', ['service_hours.outside']],
      ['17 May, a holiday on a Monday', '2027-05-17T08:00:00Z', ['service_hours.outside']],
      ['the Tuesday after spring DST at 08:30 local (06:30Z)', '2027-03-30T06:30:00Z', ['service_hours.outside']],
      ['the Tuesday after spring DST at 09:30 local (07:30Z)', '2027-03-30T07:30:00Z', []],
      ['the Wednesday before it at 09:30 local (08:30Z)', '2027-03-24T08:30:00Z', []],
      ['Good Friday 2027 (Easter Sunday is the DST Sunday, 28 March)', '2027-03-26T08:30:00Z', ['service_hours.outside']],
      ['Easter Monday 2027', '2027-03-29T07:30:00Z', ['service_hours.outside']],
      ['the Monday after autumn DST at 09:30 local (08:30Z)', '2027-11-01T08:30:00Z', []],
      ['the Friday before summer closing at 11:50, with no time left to answer', '2027-07-02T09:50:00Z', ['service_hours.response_window']],
    ])('a question on %s → %j', async (_case, plannedAt, expected) => {
      expect(await check(plannedAt, { contentTypeId: ids['question_poll'] })).toEqual(expected);
    });

    it('holds the invites-dialogue flag to the hours too, but not an ordinary news post', async () => {
      expect(await check('2026-12-06T10:00:00Z', { invitesDialogue: true })).toEqual(['service_hours.outside']);
      expect(await check('2026-12-06T10:00:00Z')).toEqual([]);
    });
  });

  describe('cadence', () => {
    afterEach(() => t.db.query(`DELETE FROM posts`));

    it('refuses a third post on one local day and a post too close to another', async () => {
      await plan('2027-01-12T07:00:00Z');
      await plan('2027-01-12T12:00:00Z');
      expect(await check('2027-01-12T18:00:00Z')).toContain('cadence.max_per_day');
      await plan('2027-01-13T07:00:00Z');
      expect(await check('2027-01-13T08:00:00Z')).toEqual(['cadence.min_gap']);
    });

    it('counts local days: 23:30 and 00:30 Oslo time are different days even though both are the same UTC date', async () => {
      await plan('2027-01-14T10:00:00Z');
      await plan('2027-01-14T20:00:00Z');
      // 23:30Z on the 14th is 00:30 on the 15th in Oslo: a new local day.
      expect(await check('2027-01-14T23:30:00Z')).toEqual([]);
    });

    it('leaves the edited post’s own saved time out, and does not count cancelled posts or failed targets', async () => {
      const moving = await plan('2027-02-02T08:00:00Z');
      await plan('2027-02-02T12:00:00Z');
      expect(await check('2027-02-02T16:00:00Z', { postId: moving })).toEqual([]);
      const cancelled = await plan('2027-02-03T08:00:00Z');
      await t.db.query(`UPDATE posts SET state = 'cancelled' WHERE id = $1`, [cancelled]);
      const failed = await plan('2027-02-03T12:00:00Z');
      await t.db.query(`UPDATE post_targets SET state = 'failed' WHERE post_id = $1`, [failed]);
      await plan('2027-02-03T14:00:00Z');
      expect(await check('2027-02-03T18:00:00Z')).toEqual([]);
    });
  });

  describe('what the calendar draws', () => {
    it('warns about thin weeks and silences, per channel, in the range', async () => {
      await plan('2027-03-01T08:00:00Z');
      await plan('2027-03-10T08:00:00Z');
      const response = await editor.get(url(`calendar/violations?from=2027-03-01T00:00:00%2B01:00&to=2027-03-15T00:00:00%2B01:00`));
      expect(response.status).toBe(200);
      const found = response.body.map((v: { rule: string; severity: string }) => `${v.rule}:${v.severity}`);
      expect(found).toContain('cadence.min_per_week:warn');
      expect(found).toContain('cadence.max_silence:warn');
      await t.db.query(`DELETE FROM posts`);
    });

    it('lists staffed periods that are 09–12 Oslo time across Easter and the spring DST switch (both 28 March 2027)', async () => {
      const response = await editor.get(
        url(`calendar/staffed-periods?from=2027-03-24T00:00:00Z&to=2027-03-31T00:00:00Z&channelIds=${ids['channel']}`),
      );
      // Wednesday in winter time; Maundy Thursday, Good Friday, the weekend and Easter Monday closed; Tuesday in summer time.
      expect(response.body).toEqual([
        { channelId: ids['channel'], start: '2027-03-24T08:00:00.000Z', end: '2027-03-24T11:00:00.000Z' },
        { channelId: ids['channel'], start: '2027-03-30T07:00:00.000Z', end: '2027-03-30T10:00:00.000Z' },
      ]);
    });

    it('suggests the next free slot, preferring the channel’s preferred slots', async () => {
      const response = await editor.get(url(`channels/${ids['channel']}/next-free-slot?from=2027-01-04T07:00:00Z`));
      // Tuesday 5 January 2027, 09:30 in Oslo.
      expect(response.body).toEqual({ at: '2027-01-05T08:30:00.000Z', preferred: true });
    });

    it.each([
      ['calendar/violations?from=2027-01-01T00:00:00Z&to=2026-01-01T00:00:00Z', 'to'],
      ['calendar/staffed-periods?from=2027-01-01T00:00:00Z&to=2027-06-01T00:00:00Z', 'to'],
      ['calendar/violations?from=yesterday&to=2027-01-02T00:00:00Z', 'from'],
    ])('refuses %s with a 400 naming %s', async (path, field) => {
      const response = await editor.get(url(path));
      expect(response.status).toBe(400);
      expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    });
  });
});
