import { fieldsOf, insertPost, startStrategyTestApp, type StrategyTestApp } from '../../testing/strategy-test-app';

const MISSING = '00000000-0000-4000-8000-000000000000';

describe('channels against PostgreSQL', () => {
  let s: StrategyTestApp;
  let channels: string;
  let editorId: string;
  beforeAll(async () => {
    s = await startStrategyTestApp();
    channels = s.url(s.fjordvik, 'channels');
    editorId = s.userIds['editor@kadens.demo'] ?? '';
  });
  afterAll(() => s?.t.close());

  it('creates a channel with defaults, changes everything but its platform, and deletes it', async () => {
    const created = await s.editor.post(channels).send({ platform: 'mastodon', name: ' Fjordvik on Mastodon ' });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      platform: 'mastodon',
      name: 'Fjordvik on Mastodon',
      handle: '',
      responsibleUserId: null,
      publicDescription: '',
      status: 'active',
      createdAt: expect.any(String),
    });
    const id = created.body.id;
    const changed = await s.editor.patch(`${channels}/${id}`).send({
      handle: '@fjordvik@social.example',
      responsibleUserId: editorId,
      publicDescription: 'We answer on weekdays',
      status: 'paused',
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      platform: 'mastodon',
      handle: '@fjordvik@social.example',
      responsibleUserId: editorId,
      publicDescription: 'We answer on weekdays',
      status: 'paused',
    });
    expect((await s.viewer.get(`${channels}/${id}`)).body).toEqual(changed.body);

    const platform = await s.editor.patch(`${channels}/${id}`).send({ platform: 'x' });
    expect(platform.status).toBe(400);
    expect(fieldsOf(platform.body)).toEqual(['platform']);

    const cleared = await s.editor.patch(`${channels}/${id}`).send({ responsibleUserId: null });
    expect(cleared.body.responsibleUserId).toBeNull();
    expect(cleared.body.handle).toBe('@fjordvik@social.example');

    expect((await s.editor.delete(`${channels}/${id}`)).status).toBe(204);
    expect((await s.viewer.get(`${channels}/${id}`)).body.code).toBe('channel_not_found');
  });

  it('lists the organisation channels by name', async () => {
    await s.admin.post(channels).send({ platform: 'x', name: 'b-channel' });
    await s.admin.post(channels).send({ platform: 'bluesky', name: 'A-channel' });
    const names = (await s.viewer.get(channels)).body.map((c: { name: string }) => c.name);
    expect(names.indexOf('A-channel')).toBeLessThan(names.indexOf('b-channel'));
  });

  it('accepts every platform', async () => {
    for (const platform of ['facebook', 'instagram', 'linkedin', 'x', 'mastodon', 'bluesky', 'wordpress', 'webhook']) {
      expect((await s.editor.post(channels).send({ platform, name: `Every ${platform}` })).status).toBe(201);
    }
  });

  it('only lets a member of this organisation answer for a channel', async () => {
    const outsider = await s.editor
      .post(channels)
      .send({ platform: 'x', name: 'Outsider', responsibleUserId: s.userIds['redaktor@kadens.demo'] });
    expect(outsider.status).toBe(400);
    expect(outsider.body.code).toBe('not_a_member');
    expect(fieldsOf(outsider.body)).toEqual(['responsibleUserId']);
    const nobody = await s.editor.post(channels).send({ platform: 'x', name: 'Nobody', responsibleUserId: MISSING });
    expect(fieldsOf(nobody.body)).toEqual(['responsibleUserId']);
    const { body: channel } = await s.editor
      .post(channels)
      .send({ platform: 'x', name: 'Member', responsibleUserId: s.userIds['viewer@kadens.demo'] });
    expect(channel.responsibleUserId).toBe(s.userIds['viewer@kadens.demo']);
    expect((await s.editor.patch(`${channels}/${channel.id}`).send({ responsibleUserId: s.userIds['redaktor@kadens.demo'] })).status).toBe(
      400,
    );
  });

  it('refuses a second channel of the same name, whatever the case, with 409 naming name', async () => {
    await s.editor.post(channels).send({ platform: 'facebook', name: 'Town hall' });
    const duplicate = await s.editor.post(channels).send({ platform: 'linkedin', name: 'TOWN HALL' });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.code).toBe('name_taken');
    expect(fieldsOf(duplicate.body)).toEqual(['name']);
  });

  describe('deleting one in use', () => {
    it('refuses while a post targets it (409 channel_in_use)', async () => {
      const { body: channel } = await s.editor.post(channels).send({ platform: 'facebook', name: 'Posted to' });
      const { body: theme } = await s.editor.post(s.url(s.fjordvik, 'themes')).send({ name: 'Channel theme', color: '#aabbcc' });
      await insertPost(s.t, { organizationId: s.fjordvik, authorId: editorId, themeId: theme.id, channelIds: [channel.id] });
      const refused = await s.editor.delete(`${channels}/${channel.id}`);
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe('channel_in_use');
    });

    it('refuses while an initiative is on it, and allows it once the initiative is gone', async () => {
      const { body: channel } = await s.editor.post(channels).send({ platform: 'instagram', name: 'Planned on' });
      const { body: audience } = await s.editor.post(s.url(s.fjordvik, 'audiences')).send({ name: 'Planned for' });
      const { body: initiative } = await s.editor
        .post(s.url(s.fjordvik, 'initiatives'))
        .send({ channelIds: [channel.id], what: 'post photos', outcome: 'pride', audienceIds: [audience.id], hoursPerWeek: 1 });
      expect((await s.editor.delete(`${channels}/${channel.id}`)).body.code).toBe('channel_in_use');
      expect((await s.editor.delete(s.url(s.fjordvik, `initiatives/${initiative.id}`))).status).toBe(204);
      expect((await s.editor.delete(`${channels}/${channel.id}`)).status).toBe(204);
    });

    it('deletes one only audiences list, which then stop listing it', async () => {
      const { body: channel } = await s.editor.post(channels).send({ platform: 'linkedin', name: 'Where they are' });
      const { body: audience } = await s.editor
        .post(s.url(s.fjordvik, 'audiences'))
        .send({ name: 'Professionals', channelIds: [channel.id] });
      expect(audience.channelIds).toEqual([channel.id]);
      expect((await s.editor.delete(`${channels}/${channel.id}`)).status).toBe(204);
      expect((await s.viewer.get(s.url(s.fjordvik, `audiences/${audience.id}`))).body.channelIds).toEqual([]);
    });
  });

  describe('validation', () => {
    it.each([
      ['no platform', { name: 'A' }, 'platform'],
      ['an unknown platform', { platform: 'myspace', name: 'A' }, 'platform'],
      ['no name', { platform: 'x' }, 'name'],
      ['a blank name', { platform: 'x', name: ' ' }, 'name'],
      ['a name of 81 characters', { platform: 'x', name: 'n'.repeat(81) }, 'name'],
      ['a handle of 201 characters', { platform: 'x', name: 'A', handle: 'h'.repeat(201) }, 'handle'],
      ['a null handle', { platform: 'x', name: 'A', handle: null }, 'handle'],
      ['a responsibleUserId that is no UUID', { platform: 'x', name: 'A', responsibleUserId: 'erik' }, 'responsibleUserId'],
      ['a public description of 1,001 characters', { platform: 'x', name: 'A', publicDescription: 'd'.repeat(1001) }, 'publicDescription'],
      ['an unknown status', { platform: 'x', name: 'A', status: 'archived' }, 'status'],
      ['a null status', { platform: 'x', name: 'A', status: null }, 'status'],
      ['an unknown field', { platform: 'x', name: 'A', cadence: 3 }, 'cadence'],
    ])('refuses %s with a 400 naming it', async (_label, body, field) => {
      const response = await s.editor.post(channels).send(body);
      expect(response.status).toBe(400);
      expect(fieldsOf(response.body)).toContain(field);
    });
  });

  it('forgets the responsible person once they leave the organisation', async () => {
    const approverId = s.userIds['approver@kadens.demo'] ?? '';
    const { body: channel } = await s.editor.post(channels).send({ platform: 'wordpress', name: 'Website', responsibleUserId: approverId });
    expect(channel.responsibleUserId).toBe(approverId);
    expect((await s.admin.delete(s.url(s.fjordvik, `members/${approverId}`))).status).toBe(204);
    expect((await s.editor.get(`${channels}/${channel.id}`)).body.responsibleUserId).toBeNull();
    // Back in for the tests below (joining through the API takes an invitation the person accepts).
    await s.t.db.query(`INSERT INTO memberships (organization_id, user_id, role) VALUES ($1, $2, 'approver')`, [s.fjordvik, approverId]);
  });

  describe('tenancy and roles', () => {
    it('hides another organisation channel behind a 404', async () => {
      const { body: theirs } = await s.admin.post(s.url(s.bolgeby, 'channels')).send({ platform: 'facebook', name: 'Bølgeby on Facebook' });
      expect((await s.admin.get(`${channels}/${theirs.id}`)).status).toBe(404);
      expect((await s.admin.patch(`${channels}/${theirs.id}`).send({ status: 'paused' })).body.code).toBe('channel_not_found');
      expect((await s.admin.delete(`${channels}/${theirs.id}`)).status).toBe(404);
      expect((await s.admin.get(s.url(s.bolgeby, `channels/${theirs.id}`))).body.status).toBe('active');
    });

    it('lets viewers read but not write (403)', async () => {
      const { body: channel } = await s.editor.post(channels).send({ platform: 'x', name: 'Viewed' });
      expect((await s.viewer.get(channels)).status).toBe(200);
      expect((await s.viewer.post(channels).send({ platform: 'x', name: 'Nope' })).status).toBe(403);
      expect((await s.viewer.patch(`${channels}/${channel.id}`).send({ status: 'paused' })).status).toBe(403);
      expect((await s.approver.delete(`${channels}/${channel.id}`)).status).toBe(403);
    });
  });
});
