import { startStrategyTestApp, type StrategyTestApp } from '../../testing/strategy-test-app';

describe('strategy workload against PostgreSQL', () => {
  let s: StrategyTestApp;
  let workload: string;
  let plan: (hoursPerWeek: number, status: string, core?: boolean) => Promise<string>;

  beforeAll(async () => {
    s = await startStrategyTestApp();
    workload = s.url(s.fjordvik, 'strategy/workload');
    const channel = (await s.admin.post(s.url(s.fjordvik, 'channels')).send({ platform: 'facebook', name: 'Facebook' })).body.id;
    const audience = (await s.admin.post(s.url(s.fjordvik, 'audiences')).send({ name: 'Everyone' })).body.id;
    plan = async (hoursPerWeek, status, core = false) => {
      const response = await s.editor
        .post(s.url(s.fjordvik, 'initiatives'))
        .send({ channelIds: [channel], what: 'w', outcome: 'o', audienceIds: [audience], hoursPerWeek, status, core });
      if (response.status !== 201) throw new Error(JSON.stringify(response.body));
      return response.body.id;
    };
  });
  afterAll(() => s?.t.close());

  it('is all zero with no initiatives and no stated capacity', async () => {
    const response = await s.viewer.get(workload);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      capacityHoursPerWeek: null,
      activeHoursPerWeek: 0,
      coreHoursPerWeek: 0,
      ideaHoursPerWeek: 0,
      overCapacity: false,
    });
  });

  it('sums active, core and idea hours exactly, and never warns without a capacity', async () => {
    await plan(0.1, 'active', true);
    await plan(0.2, 'active', true);
    await plan(7.5, 'active');
    await plan(3, 'idea', true);
    await plan(1.5, 'idea');
    await plan(40, 'dropped', true);
    const { body } = await s.viewer.get(workload);
    expect(body).toEqual({
      capacityHoursPerWeek: null,
      activeHoursPerWeek: 7.8,
      coreHoursPerWeek: 0.3,
      ideaHoursPerWeek: 4.5,
      overCapacity: false,
    });
  });

  it('warns only when the active initiatives cost more than the capacity', async () => {
    expect((await s.admin.patch(`/api/organizations/${s.fjordvik}`).send({ capacityHoursPerWeek: 7.8 })).status).toBe(200);
    expect((await s.viewer.get(workload)).body).toMatchObject({ capacityHoursPerWeek: 7.8, activeHoursPerWeek: 7.8, overCapacity: false });
    await s.admin.patch(`/api/organizations/${s.fjordvik}`).send({ capacityHoursPerWeek: 7.7 });
    expect((await s.viewer.get(workload)).body).toMatchObject({ capacityHoursPerWeek: 7.7, overCapacity: true });
    await s.admin.patch(`/api/organizations/${s.fjordvik}`).send({ capacityHoursPerWeek: 0 });
    expect((await s.viewer.get(workload)).body.overCapacity).toBe(true);
  });

  it('follows status changes, and counts only its own organisation', async () => {
    await s.admin.patch(`/api/organizations/${s.fjordvik}`).send({ capacityHoursPerWeek: 10 });
    const id = await plan(5, 'idea');
    expect((await s.viewer.get(workload)).body).toMatchObject({ activeHoursPerWeek: 7.8, ideaHoursPerWeek: 9.5, overCapacity: false });
    await s.editor.patch(s.url(s.fjordvik, `initiatives/${id}`)).send({ status: 'active' });
    expect((await s.viewer.get(workload)).body).toMatchObject({ activeHoursPerWeek: 12.8, ideaHoursPerWeek: 4.5, overCapacity: true });
    expect((await s.admin.get(s.url(s.bolgeby, 'strategy/workload'))).body).toEqual({
      capacityHoursPerWeek: null,
      activeHoursPerWeek: 0,
      coreHoursPerWeek: 0,
      ideaHoursPerWeek: 0,
      overCapacity: false,
    });
  });

  it('is for members only', async () => {
    expect((await s.editor.get(s.url(s.bolgeby, 'strategy/workload'))).status).toBe(404);
    expect((await s.t.anonymous().get(workload)).status).toBe(401);
  });
});
