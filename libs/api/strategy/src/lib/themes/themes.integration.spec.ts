import { fieldsOf, insertPost, startStrategyTestApp, type StrategyTestApp } from '../../testing/strategy-test-app';

const MISSING = '00000000-0000-4000-8000-000000000000';

describe('themes against PostgreSQL', () => {
  let s: StrategyTestApp;
  let themes: string;
  beforeAll(async () => {
    s = await startStrategyTestApp();
    themes = s.url(s.fjordvik, 'themes');
  });
  afterAll(() => s?.t.close());

  it('creates, reads, changes and deletes a theme', async () => {
    const created = await s.editor.post(themes).send({ name: '  Culture  ', color: '#AA33CC', description: 'Concerts and the library' });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      name: 'Culture',
      color: '#aa33cc',
      description: 'Concerts and the library',
      archived: false,
      createdAt: expect.any(String),
    });
    const id = created.body.id;
    expect((await s.viewer.get(`${themes}/${id}`)).body).toEqual(created.body);

    const changed = await s.editor.patch(`${themes}/${id}`).send({ name: 'Culture and leisure', color: '#112233' });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ name: 'Culture and leisure', color: '#112233', description: 'Concerts and the library' });

    expect((await s.editor.delete(`${themes}/${id}`)).status).toBe(204);
    expect((await s.editor.get(`${themes}/${id}`)).status).toBe(404);
    expect((await s.editor.delete(`${themes}/${id}`)).body.code).toBe('theme_not_found');
  });

  it('defaults the description to empty and lists by name, whatever the case', async () => {
    await s.admin.post(themes).send({ name: 'zoning', color: '#000000' });
    await s.admin.post(themes).send({ name: 'Health', color: '#ffffff' });
    const list = await s.viewer.get(themes);
    expect(list.status).toBe(200);
    expect(list.body.map((t: { name: string }) => t.name)).toEqual(['Health', 'zoning']);
    expect(list.body[1].description).toBe('');
  });

  it('archives and restores; archived themes are listed only when asked for', async () => {
    const { body: theme } = await s.editor.post(themes).send({ name: 'Old news', color: '#123456' });
    const archived = await s.editor.patch(`${themes}/${theme.id}`).send({ archived: true });
    expect(archived.body.archived).toBe(true);
    expect((await s.viewer.get(themes)).body.map((t: { id: string }) => t.id)).not.toContain(theme.id);
    expect((await s.viewer.get(`${themes}?includeArchived=true`)).body.map((t: { id: string }) => t.id)).toContain(theme.id);
    expect((await s.viewer.get(`${themes}?includeArchived=false`)).body.map((t: { id: string }) => t.id)).not.toContain(theme.id);
    const restored = await s.editor.patch(`${themes}/${theme.id}`).send({ archived: false });
    expect(restored.body.archived).toBe(false);
  });

  it('refuses to delete a theme posts use (409 theme_in_use), which can still be archived', async () => {
    const { body: theme } = await s.editor.post(themes).send({ name: 'Elections', color: '#654321' });
    await insertPost(s.t, { organizationId: s.fjordvik, authorId: s.userIds['editor@kadens.demo'] ?? '', themeId: theme.id });
    const refused = await s.editor.delete(`${themes}/${theme.id}`);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('theme_in_use');
    expect(refused.body.message).toMatch(/archive/);
    expect((await s.editor.patch(`${themes}/${theme.id}`).send({ archived: true })).status).toBe(200);
  });

  it('refuses a second theme of the same name, whatever the case, with 409 naming name', async () => {
    await s.editor.post(themes).send({ name: 'Roads', color: '#101010' });
    const duplicate = await s.editor.post(themes).send({ name: 'ROADS', color: '#101010' });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.code).toBe('name_taken');
    expect(fieldsOf(duplicate.body)).toEqual(['name']);
    const { body: other } = await s.editor.post(themes).send({ name: 'Bridges', color: '#101010' });
    expect((await s.editor.patch(`${themes}/${other.id}`).send({ name: 'roads' })).status).toBe(409);
    // Another organisation may use the same name.
    expect((await s.admin.post(s.url(s.bolgeby, 'themes')).send({ name: 'Roads', color: '#101010' })).status).toBe(201);
  });

  describe('validation', () => {
    it.each([
      ['no name', { color: '#aabbcc' }, 'name'],
      ['an empty name', { name: '', color: '#aabbcc' }, 'name'],
      ['a blank name', { name: '   ', color: '#aabbcc' }, 'name'],
      ['a name of 81 characters', { name: 'x'.repeat(81), color: '#aabbcc' }, 'name'],
      ['a name that is a number', { name: 42, color: '#aabbcc' }, 'name'],
      ['no colour', { name: 'A' }, 'color'],
      ['a colour name', { name: 'A', color: 'red' }, 'color'],
      ['a short hex colour', { name: 'A', color: '#abc' }, 'color'],
      ['a colour with alpha', { name: 'A', color: '#aabbccdd' }, 'color'],
      ['a colour that is not hex', { name: 'A', color: '#gggggg' }, 'color'],
      ['a description of 1,001 characters', { name: 'A', color: '#aabbcc', description: 'x'.repeat(1001) }, 'description'],
      ['a null description', { name: 'A', color: '#aabbcc', description: null }, 'description'],
      ['archived on creation', { name: 'A', color: '#aabbcc', archived: true }, 'archived'],
      ['an organizationId in the body', { name: 'A', color: '#aabbcc', organizationId: MISSING }, 'organizationId'],
    ])('refuses to create one with %s, naming the field in a 400', async (_label, body, field) => {
      const response = await s.editor.post(themes).send(body);
      expect(response.status).toBe(400);
      expect(fieldsOf(response.body)).toContain(field);
    });

    it.each([
      [{ name: null }, 'name'],
      [{ color: null }, 'color'],
      [{ color: 'blue' }, 'color'],
      [{ archived: 'yes' }, 'archived'],
      [{ archived: null }, 'archived'],
    ])('refuses the change %j with a 400 naming %s', async (body, field) => {
      const { body: theme } = await s.editor.post(themes).send({ name: `Patch ${field} ${JSON.stringify(body)}`, color: '#aabbcc' });
      const response = await s.editor.patch(`${themes}/${theme.id}`).send(body);
      expect(response.status).toBe(400);
      expect(fieldsOf(response.body)).toContain(field);
    });

    it('refuses an includeArchived that is not true or false, and unknown query parameters', async () => {
      const bad = await s.viewer.get(`${themes}?includeArchived=yes`);
      expect(bad.status).toBe(400);
      expect(fieldsOf(bad.body)).toEqual(['includeArchived']);
      expect(fieldsOf((await s.viewer.get(`${themes}?archived=true`)).body)).toEqual(['archived']);
    });

    it('names a malformed theme id', async () => {
      const response = await s.editor.patch(`${themes}/42`).send({ name: 'X' });
      expect(response.status).toBe(400);
      expect(fieldsOf(response.body)).toEqual(['id']);
    });
  });

  describe('tenancy and roles', () => {
    it('hides another organisation theme behind a 404, the same as a missing one', async () => {
      const { body: theirs } = await s.admin.post(s.url(s.bolgeby, 'themes')).send({ name: 'Harbour', color: '#0000ff' });
      for (const id of [theirs.id, MISSING]) {
        expect((await s.admin.get(`${themes}/${id}`)).status).toBe(404);
        expect((await s.admin.patch(`${themes}/${id}`).send({ name: 'Mine now' })).body.code).toBe('theme_not_found');
        expect((await s.admin.delete(`${themes}/${id}`)).status).toBe(404);
      }
      expect((await s.admin.get(s.url(s.bolgeby, `themes/${theirs.id}`))).body.name).toBe('Harbour');
      expect((await s.admin.get(themes)).body.map((t: { id: string }) => t.id)).not.toContain(theirs.id);
      // A non-member does not even see the organisation.
      expect((await s.editor.get(s.url(s.bolgeby, 'themes'))).status).toBe(404);
    });

    it('lets viewers and approvers read but not write (403)', async () => {
      const { body: theme } = await s.editor.post(themes).send({ name: 'Read only', color: '#aabbcc' });
      expect((await s.viewer.get(themes)).status).toBe(200);
      expect((await s.approver.get(`${themes}/${theme.id}`)).status).toBe(200);
      for (const agent of [s.viewer, s.approver]) {
        const created = await agent.post(themes).send({ name: 'Nope', color: '#aabbcc' });
        expect(created.status).toBe(403);
        expect(created.body.code).toBe('permission_denied');
        expect((await agent.patch(`${themes}/${theme.id}`).send({ name: 'Nope' })).status).toBe(403);
        expect((await agent.delete(`${themes}/${theme.id}`)).status).toBe(403);
      }
      expect((await s.t.anonymous().get(themes)).status).toBe(401);
    });
  });
});
