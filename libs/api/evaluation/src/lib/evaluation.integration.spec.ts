import { createTestApp, type TestApp } from '@kadens/api/core/testing';
import { DEMO_PASSWORD, DemoSeeder } from '@kadens/api/organizations';
import type { Evaluation } from '@kadens/shared/contracts';
import type TestAgent from 'supertest/lib/agent';

import { EvaluationModule } from './evaluation.module';
import { publicPromisesKept } from './public-promises-kept';
import { type EvaluationWorld, evaluationWorld } from './testing/evaluation-world';

/**
 * The evaluation against PostgreSQL: the demo's Fjordvik (Europe/Oslo, Norway's holidays) in March
 * 2026, the month its clocks spring forward. The plan, the audit log and the results are written
 * straight into the tables; the figures are the shared rules' (see evaluation.spec.ts there).
 */
describe('evaluation of a month against PostgreSQL', () => {
  let t: TestApp;
  let w: EvaluationWorld;
  let viewer: TestAgent;

  beforeAll(async () => {
    t = await createTestApp([EvaluationModule]);
    await t.app.get(DemoSeeder).seed();
    w = await evaluationWorld(t);
    viewer = await t.loginAs('viewer@kadens.demo', DEMO_PASSWORD);
  });
  afterAll(() => t?.close());

  const evaluation = async (agent: TestAgent, period: string): Promise<Evaluation> => {
    const response = await agent.get(w.url(`reports/evaluation?period=${period}`));
    expect(response.status).toBe(200);
    return response.body;
  };

  it('keeps count of the promises per channel in local weeks and days, across the DST switch', async () => {
    const march = await evaluation(viewer, '2026-03');
    expect(march).toMatchObject({ period: '2026-03', kind: 'month', from: '2026-03-01', to: '2026-03-31', timeZone: 'Europe/Oslo' });
    expect(march.evaluatedUntil).toBe('2026-03-31');
    const facebook = march.promises.find((channel) => channel.channelId === w.channel);
    expect(facebook).toEqual({
      channelId: w.channel,
      name: 'Facebook',
      platform: 'facebook',
      posts: 8, // 24 February and 2 April bound the silences only
      minPostsPerWeek: 2,
      weeks: 5,
      weeksKept: 3,
      weeksKeptShare: 0.6,
      longestSilenceDays: 6,
      maxDaysOfSilence: 4,
      daysOverMaximum: 5,
      dialoguePosts: 3,
      dialogueInsideStaffedHours: 2,
    });
    // Another organisation's posts on its own channel never count here.
    expect(march.promises.map((channel) => channel.channelId)).not.toContain(w.otherOrganizationChannel);
  });

  it('counts publishing outcomes and lateness of targets planned in the month', async () => {
    const march = await evaluation(viewer, '2026-03');
    expect(march.publishing).toEqual({
      planned: 10,
      published: 8,
      failed: 1,
      unconfirmed: 1,
      expired: 0,
      latenessP50Minutes: 1,
      latenessP95Minutes: 30,
    });
  });

  it('measures sign-off from the audit log and counts requested changes', async () => {
    const march = await evaluation(viewer, '2026-03');
    expect(march.signOff).toEqual({ approved: 2, leadTimeP50Hours: 2, leadTimeP95Hours: 48, changesRequested: 1 });
  });

  it('shows each audience’s effect goal against its target, null where nothing is entered', async () => {
    const march = await evaluation(viewer, '2026-03');
    const goal = march.goals.find((audience) => audience.audienceId === w.audience);
    expect(goal).toEqual({
      audienceId: w.audience,
      name: 'Foreldre',
      effectGoal: 'Flere søker barnehageplass digitalt',
      target: { metric: 'søknader', value: 400, period: 'month' },
      periods: [{ period: '2026-03', from: '2026-03-01', to: '2026-03-31', value: 412, met: true }],
    });
    const april = await evaluation(viewer, '2026-04');
    expect(april.goals.find((audience) => audience.audienceId === w.audience)?.periods).toEqual([
      { period: '2026-04', from: '2026-04-01', to: '2026-04-30', value: null, met: null },
    ]);
  });

  it('sets the initiatives’ hours against the capacity, with what each published', async () => {
    const march = await evaluation(viewer, '2026-03');
    expect(march.initiatives).toMatchObject({ capacityHoursPerWeek: 20, capacityHours: 88.6, plannedHours: 31 });
    expect(march.initiatives.items.find((item) => item.initiativeId === w.initiative)).toEqual({
      initiativeId: w.initiative,
      what: 'Barnehagekampanje',
      status: 'active',
      hoursPerWeek: 7,
      plannedHours: 31,
      postsPublished: 2,
    });
    expect(march.initiatives.postsWithoutInitiative).toBe(6);
  });

  it('evaluates a quarter as its months together', async () => {
    const q1 = await evaluation(viewer, '2026-Q1');
    expect(q1).toMatchObject({ kind: 'quarter', from: '2026-01-01', to: '2026-03-31' });
    // January and February have no posts on the channel until 24 February: thin weeks.
    const facebook = q1.promises.find((channel) => channel.channelId === w.channel);
    expect(facebook?.weeks).toBe(13);
    expect(facebook?.weeksKept).toBe(3);
  });

  it.each([[''], ['period='], ['period=2026'], ['period=2026-13'], ['period=2026-W10'], ['period=2026-Q5']])(
    'refuses %s with an error naming `period`',
    async (query) => {
      const response = await viewer.get(w.url(`reports/evaluation?${query}`));
      expect(response.status).toBe(400);
      expect(JSON.stringify(response.body.errors ?? response.body.message)).toContain('period');
    },
  );

  it('answers 404 for an organisation the person is not in, 401 without a session', async () => {
    const editor = await t.loginAs('editor@kadens.demo', DEMO_PASSWORD);
    expect((await editor.get(`/api/organizations/${w.otherOrganization}/reports/evaluation?period=2026-03`)).status).toBe(404);
    expect((await t.anonymous().get(w.url('reports/evaluation?period=2026-03'))).status).toBe(401);
  });

  it('keeps each person’s monthly mail choice, and lets only admins show promises kept in public', async () => {
    expect((await viewer.get(w.url('evaluation/mail-preference'))).body).toEqual({ monthlyEvaluation: true });
    expect((await viewer.put(w.url('evaluation/mail-preference')).send({ monthlyEvaluation: false })).status).toBe(200);
    expect((await viewer.get(w.url('evaluation/mail-preference'))).body).toEqual({ monthlyEvaluation: false });
    expect((await w.admin.get(w.url('evaluation/mail-preference'))).body).toEqual({ monthlyEvaluation: true });
    const invalid = await viewer.put(w.url('evaluation/mail-preference')).send({ monthlyEvaluation: 'yes' });
    expect(invalid.status).toBe(400);
    expect(JSON.stringify(invalid.body.errors)).toContain('monthlyEvaluation');

    expect((await viewer.put(w.url('evaluation/public-promises-kept')).send({ show: true })).status).toBe(403);
    expect(await publicPromisesKept(t.db.manager, { id: w.org, timeZone: 'Europe/Oslo', country: 'NO' }, [w.channel])).toBeNull();
    expect((await w.admin.put(w.url('evaluation/public-promises-kept')).send({ show: true })).body).toEqual({ show: true });
    expect((await viewer.get(w.url('evaluation/public-promises-kept'))).body).toEqual({ show: true });
    const [audit] = await t.db.query(`SELECT after FROM audit_events WHERE action = 'organization.public_promises_kept_changed'`);
    expect(audit.after).toEqual({ show: true });
  });

  it('gives the public page the share of the last 12 weeks with the cadence kept, when on', async () => {
    await t.db.query(`UPDATE organizations SET public_promises_kept = true WHERE id = $1`, [w.org]);
    // Two posts in each of the last 12 whole weeks but one.
    await w.publishWeekly(12, 2, [5]);
    const kept = await publicPromisesKept(t.db.manager, { id: w.org, timeZone: 'Europe/Oslo', country: 'NO' }, [w.channel]);
    expect(kept?.weeks).toBe(12);
    expect(kept?.channels).toEqual([{ channelId: w.channel, weeksKept: 11, weeksKeptShare: 11 / 12, minPostsPerWeek: 2 }]);
    // A channel not shown in public is not counted.
    expect((await publicPromisesKept(t.db.manager, { id: w.org, timeZone: 'Europe/Oslo', country: 'NO' }, []))?.channels).toEqual([]);
  });
});
