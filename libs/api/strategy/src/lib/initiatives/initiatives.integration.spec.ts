import { fieldsOf, insertPost, startStrategyTestApp, type StrategyTestApp } from '../../testing/strategy-test-app';

const MISSING = '00000000-0000-4000-8000-000000000000';

describe('initiatives against PostgreSQL', () => {
  let s: StrategyTestApp;
  let initiatives: string;
  let facebook: string;
  let instagram: string;
  let parents: string;
  let seniors: string;
  const sentence = () => ({
    channelIds: [facebook],
    what: 'share kindergarten news',
    outcome: 'more applications in time',
    audienceIds: [parents],
    hoursPerWeek: 2.5,
  });

  beforeAll(async () => {
    s = await startStrategyTestApp();
    initiatives = s.url(s.fjordvik, 'initiatives');
    facebook = (await s.admin.post(s.url(s.fjordvik, 'channels')).send({ platform: 'facebook', name: 'Facebook' })).body.id;
    instagram = (await s.admin.post(s.url(s.fjordvik, 'channels')).send({ platform: 'instagram', name: 'Instagram' })).body.id;
    parents = (await s.admin.post(s.url(s.fjordvik, 'audiences')).send({ name: 'Parents' })).body.id;
    seniors = (await s.admin.post(s.url(s.fjordvik, 'audiences')).send({ name: 'Seniors' })).body.id;
  });
  afterAll(() => s?.t.close());

  it('creates, reads, changes and deletes an initiative', async () => {
    const created = await s.editor.post(initiatives).send({ ...sentence(), what: ' share kindergarten news ' });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      channelIds: [facebook],
      what: 'share kindergarten news',
      outcome: 'more applications in time',
      audienceIds: [parents],
      hoursPerWeek: 2.5,
      core: false,
      status: 'idea',
      createdAt: expect.any(String),
    });
    const id = created.body.id;
    expect((await s.viewer.get(`${initiatives}/${id}`)).body).toEqual(created.body);

    const changed = await s.editor
      .patch(`${initiatives}/${id}`)
      .send({ channelIds: [instagram, facebook], audienceIds: [seniors, parents], hoursPerWeek: 4, core: true, status: 'active' });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      channelIds: [facebook, instagram],
      audienceIds: [parents, seniors],
      hoursPerWeek: 4,
      core: true,
      status: 'active',
      what: 'share kindergarten news',
    });

    const partly = await s.editor.patch(`${initiatives}/${id}`).send({ outcome: 'every place filled' });
    expect(partly.body).toMatchObject({
      outcome: 'every place filled',
      channelIds: [facebook, instagram],
      audienceIds: [parents, seniors],
    });

    const list = await s.viewer.get(initiatives);
    expect(list.body.find((i: { id: string }) => i.id === id)).toEqual(partly.body);

    expect((await s.editor.delete(`${initiatives}/${id}`)).status).toBe(204);
    expect((await s.editor.get(`${initiatives}/${id}`)).body.code).toBe('initiative_not_found');
  });

  it('refuses to delete an initiative posts belong to (409 initiative_in_use), which can be dropped instead', async () => {
    const { body: initiative } = await s.editor.post(initiatives).send(sentence());
    const { body: theme } = await s.editor.post(s.url(s.fjordvik, 'themes')).send({ name: 'Initiative theme', color: '#aabbcc' });
    await insertPost(s.t, {
      organizationId: s.fjordvik,
      authorId: s.userIds['editor@kadens.demo'] ?? '',
      themeId: theme.id,
      initiativeId: initiative.id,
    });
    const refused = await s.editor.delete(`${initiatives}/${initiative.id}`);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('initiative_in_use');
    expect(refused.body.message).toMatch(/dropped/);
    expect((await s.editor.patch(`${initiatives}/${initiative.id}`).send({ status: 'dropped' })).body.status).toBe('dropped');
  });

  it('refuses an archived audience for new choices, but keeps one chosen before it was archived', async () => {
    const { body: archived } = await s.editor.post(s.url(s.fjordvik, 'audiences')).send({ name: 'Soon archived' });
    const { body: initiative } = await s.editor.post(initiatives).send({ ...sentence(), audienceIds: [archived.id] });
    await s.editor.patch(s.url(s.fjordvik, `audiences/${archived.id}`)).send({ archived: true });

    const fresh = await s.editor.post(initiatives).send({ ...sentence(), audienceIds: [archived.id] });
    expect(fresh.status).toBe(400);
    expect(fieldsOf(fresh.body)).toEqual(['audienceIds']);

    const kept = await s.editor.patch(`${initiatives}/${initiative.id}`).send({ audienceIds: [archived.id, parents] });
    expect(kept.status).toBe(200);
    expect(kept.body.audienceIds).toEqual([parents, archived.id]);
  });

  describe('validation', () => {
    it.each([
      ['no channels', { channelIds: [] }, 'channelIds'],
      ['channelIds missing', { channelIds: undefined }, 'channelIds'],
      ['an unknown channel', { channelIds: [MISSING] }, 'channelIds'],
      ['a channel id that is no UUID', { channelIds: ['facebook'] }, 'channelIds'],
      ['no audiences', { audienceIds: [] }, 'audienceIds'],
      ['an unknown audience', { audienceIds: [MISSING] }, 'audienceIds'],
      ['no what', { what: undefined }, 'what'],
      ['a blank what', { what: '   ' }, 'what'],
      ['a what of 501 characters', { what: 'w'.repeat(501) }, 'what'],
      ['an outcome of 501 characters', { outcome: 'o'.repeat(501) }, 'outcome'],
      ['no hours', { hoursPerWeek: undefined }, 'hoursPerWeek'],
      ['negative hours', { hoursPerWeek: -0.5 }, 'hoursPerWeek'],
      ['more hours than a week has', { hoursPerWeek: 168.1 }, 'hoursPerWeek'],
      ['hours with two decimals', { hoursPerWeek: 1.25 }, 'hoursPerWeek'],
      ['hours as text', { hoursPerWeek: '2' }, 'hoursPerWeek'],
      ['core as text', { core: 'yes' }, 'core'],
      ['an unknown status', { status: 'paused' }, 'status'],
      ['a null status', { status: null }, 'status'],
    ])('refuses %s with a 400 naming it', async (_label, change, field) => {
      const response = await s.editor.post(initiatives).send({ ...sentence(), ...change });
      expect(response.status).toBe(400);
      expect(fieldsOf(response.body)).toContain(field);
    });

    it('accepts the edges: 0 and 168 hours', async () => {
      expect((await s.editor.post(initiatives).send({ ...sentence(), hoursPerWeek: 0 })).body.hoursPerWeek).toBe(0);
      expect((await s.editor.post(initiatives).send({ ...sentence(), hoursPerWeek: 168 })).body.hoursPerWeek).toBe(168);
    });

    it('refuses an emptied channel or audience list on change', async () => {
      const { body } = await s.editor.post(initiatives).send(sentence());
      expect(fieldsOf((await s.editor.patch(`${initiatives}/${body.id}`).send({ channelIds: [] })).body)).toEqual(['channelIds']);
      expect(fieldsOf((await s.editor.patch(`${initiatives}/${body.id}`).send({ audienceIds: null })).body)).toContain('audienceIds');
      expect(fieldsOf((await s.editor.patch(`${initiatives}/${body.id}`).send({ hoursPerWeek: null })).body)).toContain('hoursPerWeek');
    });
  });

  describe('tenancy and roles', () => {
    it('refuses another organisation channels and audiences, naming the field', async () => {
      const theirChannel = (await s.admin.post(s.url(s.bolgeby, 'channels')).send({ platform: 'x', name: 'Bølgeby on X' })).body.id;
      const theirAudience = (await s.admin.post(s.url(s.bolgeby, 'audiences')).send({ name: 'Sailors' })).body.id;
      const channels = await s.admin.post(initiatives).send({ ...sentence(), channelIds: [facebook, theirChannel] });
      expect(channels.status).toBe(400);
      expect(fieldsOf(channels.body)).toEqual(['channelIds']);
      const audiences = await s.admin.post(initiatives).send({ ...sentence(), audienceIds: [theirAudience] });
      expect(fieldsOf(audiences.body)).toEqual(['audienceIds']);

      const { body: mine } = await s.admin.post(initiatives).send(sentence());
      expect((await s.admin.patch(`${initiatives}/${mine.id}`).send({ what: 'changed', channelIds: [theirChannel] })).status).toBe(400);
      expect((await s.admin.get(`${initiatives}/${mine.id}`)).body).toMatchObject({ what: sentence().what, channelIds: [facebook] });
    });

    it('hides another organisation initiative behind a 404', async () => {
      const bolgebyChannel = (await s.admin.post(s.url(s.bolgeby, 'channels')).send({ platform: 'facebook', name: 'Bølgeby FB' })).body.id;
      const bolgebyAudience = (await s.admin.post(s.url(s.bolgeby, 'audiences')).send({ name: 'Fishermen' })).body.id;
      const { body: theirs } = await s.admin
        .post(s.url(s.bolgeby, 'initiatives'))
        .send({ channelIds: [bolgebyChannel], what: 'a', outcome: 'b', audienceIds: [bolgebyAudience], hoursPerWeek: 1 });
      expect(theirs.id).toEqual(expect.any(String));
      expect((await s.admin.get(`${initiatives}/${theirs.id}`)).status).toBe(404);
      expect((await s.admin.patch(`${initiatives}/${theirs.id}`).send({ status: 'active' })).body.code).toBe('initiative_not_found');
      expect((await s.admin.delete(`${initiatives}/${theirs.id}`)).status).toBe(404);
    });

    it('lets viewers read but not write (403), and editors write', async () => {
      expect((await s.viewer.get(initiatives)).status).toBe(200);
      expect((await s.viewer.post(initiatives).send(sentence())).status).toBe(403);
      expect((await s.approver.post(initiatives).send(sentence())).status).toBe(403);
      expect((await s.editor.post(initiatives).send(sentence())).status).toBe(201);
    });
  });
});
