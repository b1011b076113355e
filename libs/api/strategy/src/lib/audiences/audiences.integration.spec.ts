import { fieldsOf, insertPost, startStrategyTestApp, type StrategyTestApp } from '../../testing/strategy-test-app';

const MISSING = '00000000-0000-4000-8000-000000000000';

describe('audiences against PostgreSQL', () => {
  let s: StrategyTestApp;
  let audiences: string;
  let facebook: string;
  let instagram: string;
  beforeAll(async () => {
    s = await startStrategyTestApp();
    audiences = s.url(s.fjordvik, 'audiences');
    facebook = (await s.admin.post(s.url(s.fjordvik, 'channels')).send({ platform: 'facebook', name: 'Facebook' })).body.id;
    instagram = (await s.admin.post(s.url(s.fjordvik, 'channels')).send({ platform: 'instagram', name: 'Instagram' })).body.id;
  });
  afterAll(() => s?.t.close());

  it('creates, reads, changes and deletes an audience with its goals and channels', async () => {
    const created = await s.editor.post(audiences).send({
      name: 'Parents of small children',
      description: 'Families with children under six',
      communicationGoal: 'Know when kindergarten places open',
      effectGoal: 'Apply in time',
      effectTarget: { metric: ' applications ', value: 200, period: 'quarter' },
      channelIds: [instagram, facebook, facebook],
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      name: 'Parents of small children',
      description: 'Families with children under six',
      communicationGoal: 'Know when kindergarten places open',
      effectGoal: 'Apply in time',
      effectTarget: { metric: 'applications', value: 200, period: 'quarter' },
      channelIds: [facebook, instagram],
      archived: false,
      createdAt: expect.any(String),
    });
    const id = created.body.id;
    expect((await s.viewer.get(`${audiences}/${id}`)).body).toEqual(created.body);

    const changed = await s.editor
      .patch(`${audiences}/${id}`)
      .send({ effectTarget: { metric: 'applications', value: 12.5, period: 'week' }, channelIds: [instagram] });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      effectTarget: { value: 12.5, period: 'week' },
      channelIds: [instagram],
      effectGoal: 'Apply in time',
    });

    const untouched = await s.editor.patch(`${audiences}/${id}`).send({ name: 'Young parents' });
    expect(untouched.body).toMatchObject({ name: 'Young parents', effectTarget: { value: 12.5 }, channelIds: [instagram] });

    const cleared = await s.editor.patch(`${audiences}/${id}`).send({ effectTarget: null, channelIds: [] });
    expect(cleared.body).toMatchObject({ effectTarget: null, channelIds: [] });

    expect((await s.editor.delete(`${audiences}/${id}`)).status).toBe(204);
    expect((await s.editor.get(`${audiences}/${id}`)).body.code).toBe('audience_not_found');
  });

  it('defaults the texts to empty and the target to none, and lists with channels', async () => {
    const { body } = await s.editor.post(audiences).send({ name: 'Seniors', channelIds: [facebook] });
    expect(body).toMatchObject({ description: '', communicationGoal: '', effectGoal: '', effectTarget: null });
    const listed = (await s.viewer.get(audiences)).body.find((a: { id: string }) => a.id === body.id);
    expect(listed.channelIds).toEqual([facebook]);
  });

  it('archives and restores; archived audiences are listed only when asked for', async () => {
    const { body } = await s.editor.post(audiences).send({ name: 'Tourists' });
    expect((await s.editor.patch(`${audiences}/${body.id}`).send({ archived: true })).body.archived).toBe(true);
    expect((await s.viewer.get(audiences)).body.map((a: { id: string }) => a.id)).not.toContain(body.id);
    expect((await s.viewer.get(`${audiences}?includeArchived=true`)).body.map((a: { id: string }) => a.id)).toContain(body.id);
    expect((await s.editor.patch(`${audiences}/${body.id}`).send({ archived: false })).body.archived).toBe(false);
  });

  it('refuses to delete an audience posts or initiatives are for (409 audience_in_use)', async () => {
    const { body: forPost } = await s.editor.post(audiences).send({ name: 'Readers' });
    const { body: theme } = await s.editor.post(s.url(s.fjordvik, 'themes')).send({ name: 'Audience theme', color: '#aabbcc' });
    await insertPost(s.t, {
      organizationId: s.fjordvik,
      authorId: s.userIds['editor@kadens.demo'] ?? '',
      themeId: theme.id,
      audienceIds: [forPost.id],
    });
    const refused = await s.editor.delete(`${audiences}/${forPost.id}`);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('audience_in_use');
    expect(refused.body.message).toMatch(/archive/);

    const { body: forInitiative } = await s.editor.post(audiences).send({ name: 'Planned for' });
    await s.editor
      .post(s.url(s.fjordvik, 'initiatives'))
      .send({ channelIds: [facebook], what: 'a', outcome: 'b', audienceIds: [forInitiative.id], hoursPerWeek: 1 });
    expect((await s.editor.delete(`${audiences}/${forInitiative.id}`)).body.code).toBe('audience_in_use');
  });

  it('refuses a second audience of the same name, whatever the case, with 409 naming name', async () => {
    await s.editor.post(audiences).send({ name: 'Students' });
    const duplicate = await s.editor.post(audiences).send({ name: 'students', channelIds: [facebook] });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.code).toBe('name_taken');
    expect(fieldsOf(duplicate.body)).toEqual(['name']);
    // Nothing of the refused audience was kept.
    const [{ count }] = await s.t.db.query(`SELECT count(*)::int AS count FROM audiences WHERE lower(name) = 'students'`);
    expect(count).toBe(1);
  });

  describe('validation', () => {
    const target = { metric: 'sign-ups', value: 10, period: 'month' };
    it.each([
      ['no name', { name: undefined }, 'name'],
      ['a name of 81 characters', { name: 'n'.repeat(81) }, 'name'],
      ['a description of 2,001 characters', { description: 'd'.repeat(2001) }, 'description'],
      ['a communication goal of 1,001 characters', { communicationGoal: 'c'.repeat(1001) }, 'communicationGoal'],
      ['a null effect goal', { effectGoal: null }, 'effectGoal'],
      ['an effect target that is a string', { effectTarget: '200 per quarter' }, 'effectTarget'],
      ['an effect target without a metric', { effectTarget: { ...target, metric: undefined } }, 'effectTarget.metric'],
      ['a blank metric', { effectTarget: { ...target, metric: '  ' } }, 'effectTarget.metric'],
      ['a metric of 121 characters', { effectTarget: { ...target, metric: 'm'.repeat(121) } }, 'effectTarget.metric'],
      ['a negative value', { effectTarget: { ...target, value: -1 } }, 'effectTarget.value'],
      ['a value as text', { effectTarget: { ...target, value: '10' } }, 'effectTarget.value'],
      ['a value with three decimals', { effectTarget: { ...target, value: 1.125 } }, 'effectTarget.value'],
      ['a value too large to store', { effectTarget: { ...target, value: 1e15 } }, 'effectTarget.value'],
      ['an unknown period', { effectTarget: { ...target, period: 'decade' } }, 'effectTarget.period'],
      ['an unknown field in the target', { effectTarget: { ...target, baseline: 3 } }, 'effectTarget.baseline'],
      ['channelIds that are not a list', { channelIds: 'all' }, 'channelIds'],
      ['a channel id that is no UUID', { channelIds: ['facebook'] }, 'channelIds'],
      ['an unknown channel id', { channelIds: [MISSING] }, 'channelIds'],
      ['archived on creation', { archived: true }, 'archived'],
    ])('refuses %s with a 400 naming it', async (_label, body, field) => {
      const response = await s.editor.post(audiences).send({ name: 'Valid name', ...body });
      expect(response.status).toBe(400);
      expect(fieldsOf(response.body)).toContain(field);
    });

    it('refuses an infinite value (1e400 in JSON) naming effectTarget.value', async () => {
      const response = await s.editor
        .post(audiences)
        .set('Content-Type', 'application/json')
        .send('{"name":"Infinite","effectTarget":{"metric":"m","value":1e400,"period":"year"}}');
      expect(response.status).toBe(400);
      expect(fieldsOf(response.body)).toEqual(['effectTarget.value']);
    });

    it('refuses a null name or archived on change', async () => {
      const { body } = await s.editor.post(audiences).send({ name: 'Changed badly' });
      expect(fieldsOf((await s.editor.patch(`${audiences}/${body.id}`).send({ name: null })).body)).toContain('name');
      expect(fieldsOf((await s.editor.patch(`${audiences}/${body.id}`).send({ archived: 'no' })).body)).toContain('archived');
      expect(fieldsOf((await s.editor.patch(`${audiences}/${body.id}`).send({ channelIds: null })).body)).toContain('channelIds');
    });
  });

  describe('tenancy and roles', () => {
    it('refuses another organisation channel in channelIds with a 400 naming channelIds, and keeps the old ones', async () => {
      const theirs = (await s.admin.post(s.url(s.bolgeby, 'channels')).send({ platform: 'x', name: 'Bølgeby on X' })).body.id;
      const created = await s.admin.post(audiences).send({ name: 'Cross-border', channelIds: [facebook, theirs] });
      expect(created.status).toBe(400);
      expect(created.body.code).toBe('unknown_reference');
      expect(fieldsOf(created.body)).toEqual(['channelIds']);
      expect(created.body.message).toContain(theirs);

      const { body: mine } = await s.admin.post(audiences).send({ name: 'Home', channelIds: [facebook] });
      const changed = await s.admin.patch(`${audiences}/${mine.id}`).send({ name: 'Renamed', channelIds: [theirs] });
      expect(fieldsOf(changed.body)).toEqual(['channelIds']);
      expect((await s.admin.get(`${audiences}/${mine.id}`)).body).toMatchObject({ name: 'Home', channelIds: [facebook] });
    });

    it('hides another organisation audience behind a 404', async () => {
      const { body: theirs } = await s.admin.post(s.url(s.bolgeby, 'audiences')).send({ name: 'Sailors' });
      expect((await s.admin.get(`${audiences}/${theirs.id}`)).status).toBe(404);
      expect((await s.admin.patch(`${audiences}/${theirs.id}`).send({ archived: true })).body.code).toBe('audience_not_found');
      expect((await s.admin.delete(`${audiences}/${theirs.id}`)).status).toBe(404);
    });

    it('lets viewers read but not write (403)', async () => {
      expect((await s.viewer.get(audiences)).status).toBe(200);
      expect((await s.viewer.post(audiences).send({ name: 'Nope' })).status).toBe(403);
      expect((await s.approver.post(audiences).send({ name: 'Nope' })).status).toBe(403);
    });
  });
});
