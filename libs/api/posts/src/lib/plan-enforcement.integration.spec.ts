import { AuditModule } from '@kadens/api/audit';
import { createTestApp, type TestApp } from '@kadens/api/core/testing';
import { PromisesModule } from '@kadens/api/promises';
import { FJORDVIK_PROMISES, promisesWorld } from '@kadens/api/promises/testing';
import type TestAgent from 'supertest/lib/agent';

import { PostsModule } from './posts.module';

/**
 * Every save of a planned post is held to its channels' promises (the rules themselves are tested in
 * libs/api/promises): refused with a 422 naming the broken rules, unless an approver overrides them; and
 * the composer's dry-run check answers what the save answers.
 */
describe('plan enforcement: saves against the channels’ promises, in PostgreSQL', () => {
  let t: TestApp;
  let admin: TestAgent;
  let editor: TestAgent;
  let approver: TestAgent;
  let org: string;
  let ids: Record<string, string> = {};

  const promises = FJORDVIK_PROMISES;
  const url = (path: string) => `/api/organizations/${org}/${path}`;
  const post = (plannedAt: string, overrides: Record<string, unknown> = {}) => ({
    title: `Innlegg ${plannedAt}`,
    body: 'Hei!',
    contentTypeId: ids['news'],
    themeId: ids['theme'],
    plannedAt,
    targets: [{ channelId: ids['channel'] }],
    ...overrides,
  });
  const rules = (response: { body: { violations?: Array<{ rule: string }> } }) => (response.body.violations ?? []).map((v) => v.rule);

  beforeAll(async () => {
    t = await createTestApp([PromisesModule, PostsModule, AuditModule]);
    ({ org, admin, editor, approver, ids } = await promisesWorld(t));
    expect((await admin.put(url(`channels/${ids['channel']}/promises`)).send(promises)).status).toBe(200);
  });
  afterAll(() => t?.close());

  describe('service hours, in Europe/Oslo with Norway’s holidays', () => {
    it.each([
      ['a weekday at 10:30 in winter (09:30Z)', '2026-12-01T09:30:00Z', []],
      ['a weekday at 14:00', '2026-12-01T13:00:00Z', ['service_hours.outside']],
      ['17 May, a holiday on a Monday', '2027-05-17T08:00:00Z', ['service_hours.outside']],
      ['the Friday before summer closing at 11:50, with no time left to answer', '2027-07-02T09:50:00Z', ['service_hours.response_window']],
    ])('a question on %s → %j', async (_case, plannedAt, expected) => {
      const response = await editor.post(url('posts')).send(post(plannedAt, { contentTypeId: ids['question_poll'] }));
      expect(rules(response)).toEqual(expected);
      expect(response.status).toBe(expected.length === 0 ? 201 : 422);
      if (response.status === 201) await t.db.query(`DELETE FROM posts WHERE id = $1`, [response.body.id]);
    });

    it('holds the invites-dialogue flag to the hours too, but not an ordinary news post', async () => {
      const flagged = await editor.post(url('posts')).send(post('2026-12-06T10:00:00Z', { invitesDialogue: true }));
      expect(flagged.status).toBe(422);
      const news = await editor.post(url('posts')).send(post('2026-12-06T10:00:00Z'));
      expect(news.status).toBe(201);
      await t.db.query(`DELETE FROM posts WHERE id = $1`, [news.body.id]);
    });
  });

  describe('cadence', () => {
    afterEach(() => t.db.query(`DELETE FROM posts`));

    it('refuses a third post on one local day and a post too close to another', async () => {
      expect((await editor.post(url('posts')).send(post('2027-01-12T07:00:00Z'))).status).toBe(201);
      expect((await editor.post(url('posts')).send(post('2027-01-12T12:00:00Z'))).status).toBe(201);
      const third = await editor.post(url('posts')).send(post('2027-01-12T18:00:00Z'));
      expect(third.status).toBe(422);
      expect(third.body.code).toBe('rule_violations');
      expect(rules(third)).toContain('cadence.max_per_day');
      const close = await editor.post(url('posts')).send(post('2027-01-13T07:00:00Z'));
      expect(close.status).toBe(201);
      const tooClose = await editor.post(url('posts')).send(post('2027-01-13T08:00:00Z'));
      expect(rules(tooClose)).toEqual(['cadence.min_gap']);
    });

    it('counts local days: 23:30 and 00:30 Oslo time are different days even though both are the same UTC date', async () => {
      expect((await editor.post(url('posts')).send(post('2027-01-14T10:00:00Z'))).status).toBe(201);
      expect((await editor.post(url('posts')).send(post('2027-01-14T20:00:00Z'))).status).toBe(201);
      // 23:30Z on the 14th is 00:30 on the 15th in Oslo: a new local day.
      expect((await editor.post(url('posts')).send(post('2027-01-14T23:30:00Z'))).status).toBe(201);
    });

    it('refuses a drag into a full day, and leaves the post where it was', async () => {
      const a = (await editor.post(url('posts')).send(post('2027-02-02T08:00:00Z'))).body;
      await editor.post(url('posts')).send(post('2027-02-02T12:00:00Z'));
      const moving = (await editor.post(url('posts')).send(post('2027-02-04T08:00:00Z'))).body;
      const refused = await editor.post(url(`posts/${moving.id}/move`)).send({ plannedAt: '2027-02-02T16:00:00Z' });
      expect(refused.status).toBe(422);
      expect((await editor.get(url(`posts/${moving.id}`))).body.plannedAt).toBe('2027-02-04T08:00:00.000Z');
      expect(a.ruleOverride).toBeNull();
    });
  });

  describe('overrides', () => {
    afterEach(() => t.db.query(`DELETE FROM posts`));

    it('lets an approver override with a reason, stores it on the post and in the audit log', async () => {
      const body = post('2026-12-01T13:00:00Z', {
        contentTypeId: ids['question_poll'],
        ruleOverride: { reason: 'Ordføreren svarer selv etter møtet' },
      });
      const byEditor = await editor.post(url('posts')).send(body);
      expect(byEditor.status).toBe(403);
      expect(byEditor.body.code).toBe('override_not_allowed');
      const created = await approver.post(url('posts')).send(body);
      expect(created.status).toBe(201);
      expect(created.body.ruleOverride).toMatchObject({
        reason: 'Ordføreren svarer selv etter møtet',
        violations: [expect.objectContaining({ rule: 'service_hours.outside' })],
      });
      const [audit] = await t.db.query(`SELECT action, reason, actor_id FROM audit_events WHERE subject_id = $1`, [created.body.id]);
      expect(audit).toMatchObject({ action: 'post.rules_overridden', reason: 'Ordføreren svarer selv etter møtet' });

      // Editing the text keeps the override; moving the post to another bad time needs a new one.
      const edited = await editor.patch(url(`posts/${created.body.id}`)).send({ body: 'Ny tekst?' });
      expect(edited.status).toBe(200);
      const moved = await editor.post(url(`posts/${created.body.id}/move`)).send({ plannedAt: '2026-12-01T14:00:00Z' });
      expect(moved.status).toBe(422);
      // Moving it into service hours clears the override.
      const fixed = await editor.post(url(`posts/${created.body.id}/move`)).send({ plannedAt: '2026-12-01T09:00:00Z' });
      expect(fixed.status).toBe(200);
      expect(fixed.body.ruleOverride).toBeNull();
    });

    it.each([
      ['no reason', {}],
      ['an empty reason', { reason: '  ' }],
    ])('answers an override with %s with a 400 naming the reason', async (_case, ruleOverride) => {
      const response = await approver
        .post(url('posts'))
        .send(post('2026-12-01T13:00:00Z', { contentTypeId: ids['question_poll'], ruleOverride }));
      expect(response.status).toBe(400);
      expect(response.body.errors.map((e: { field: string }) => e.field)).toContain('ruleOverride.reason');
    });

    it('refuses an override when nothing needs overriding', async () => {
      const response = await approver.post(url('posts')).send(post('2026-12-01T09:30:00Z', { ruleOverride: { reason: 'just in case' } }));
      expect(response.status).toBe(422);
      expect(response.body.code).toBe('nothing_to_override');
    });
  });

  describe('the dry-run check answers what the save answers', () => {
    afterEach(() => t.db.query(`DELETE FROM posts`));
    const check = (agent: TestAgent, values: Record<string, unknown>) => agent.post(url('calendar/check')).send(values);
    const strip = (violations: Array<Record<string, unknown>>) => violations.map((violation) => ({ ...violation, postId: null }));

    it('for a new post: the same violations, in the same order, none of them written', async () => {
      await editor.post(url('posts')).send(post('2027-01-12T07:00:00Z'));
      await editor.post(url('posts')).send(post('2027-01-12T12:00:00Z'));
      const values = {
        plannedAt: '2027-01-12T12:30:00Z',
        channelIds: [ids['channel']],
        invitesDialogue: false,
        contentTypeId: ids['question_poll'],
      };
      const checked = await check(editor, values);
      const saved = await editor.post(url('posts')).send(post(values.plannedAt, { contentTypeId: ids['question_poll'] }));
      expect(saved.status).toBe(422);
      expect(checked.status).toBe(200);
      expect(rules({ body: checked.body })).toEqual(['cadence.max_per_day', 'cadence.min_gap', 'service_hours.outside']);
      expect(checked.body.violations).toEqual(strip(saved.body.violations));
      expect(await t.db.query(`SELECT count(*)::int AS n FROM posts`)).toEqual([{ n: 2 }]);
    });

    it('for an edit: exactly the save’s violations; nothing once the time is free', async () => {
      const edited = (await editor.post(url('posts')).send(post('2027-01-19T08:30:00Z'))).body;
      await editor.post(url('posts')).send(post('2027-01-20T08:00:00Z'));
      const values = {
        plannedAt: '2027-01-20T08:30:00Z',
        channelIds: [ids['channel'], ids['other']],
        invitesDialogue: true,
        postId: edited.id,
      };
      const checked = await check(editor, values);
      const saved = await editor
        .patch(url(`posts/${edited.id}`))
        .send({ plannedAt: values.plannedAt, invitesDialogue: true, targets: values.channelIds.map((channelId) => ({ channelId })) });
      expect(saved.status).toBe(422);
      expect(checked.body.violations).toEqual(saved.body.violations);
      expect((await editor.get(url(`posts/${edited.id}`))).body.plannedAt).toBe('2027-01-19T08:30:00.000Z');
      expect((await check(editor, { ...values, plannedAt: '2027-01-21T09:00:00Z' })).body).toEqual({ violations: [] });
    });

    it('says nothing about rules a stored override still covers, as the save does', async () => {
      const overridden = await approver
        .post(url('posts'))
        .send(post('2026-12-01T13:00:00Z', { contentTypeId: ids['question_poll'], ruleOverride: { reason: 'Ordføreren svarer selv' } }));
      expect(overridden.status).toBe(201);
      const values = { plannedAt: '2026-12-01T13:00:00Z', channelIds: [ids['channel']], invitesDialogue: true, postId: overridden.body.id };
      expect((await check(editor, values)).body).toEqual({ violations: [] });
      expect((await editor.patch(url(`posts/${overridden.body.id}`)).send({ invitesDialogue: true })).status).toBe(200);
      expect(rules({ body: (await check(editor, { ...values, plannedAt: '2026-12-01T14:00:00Z' })).body })).toEqual([
        'service_hours.outside',
      ]);
    });
  });
});
