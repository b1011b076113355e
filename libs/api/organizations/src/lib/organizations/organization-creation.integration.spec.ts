import { createTestApp, type TestApp } from '@kadens/api/core/testing';

import { DEMO_PASSWORD, DemoSeeder } from '../demo/demo-seeder';
import { OrganizationsModule } from '../organizations.module';

const solsikken = { name: 'Solsikken barnehage', slug: 'solsikken', timeZone: 'Europe/Oslo', country: 'NO', defaultLocale: 'nb' };

describe('who may create organisations (ORGANIZATION_CREATORS)', () => {
  describe('by default, only the operators', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp([OrganizationsModule], { OPERATOR_EMAILS: 'Approver@Kadens.demo' });
      await t.app.get(DemoSeeder).seed();
    });
    afterAll(() => t?.close());

    it('refuses an admin of an organisation who is not an operator, with a clear code, and creates nothing', async () => {
      const admin = await t.loginAs('admin@kadens.demo', DEMO_PASSWORD);
      const response = await admin.post('/api/organizations').send(solsikken);
      expect(response.status).toBe(403);
      expect(response.body).toMatchObject({ code: 'organization_creation_restricted', message: expect.stringContaining('operators') });
      expect(await t.db.query(`SELECT 1 FROM organizations WHERE slug = 'solsikken'`)).toHaveLength(0);
      expect((await admin.get('/api/me')).body.installation).toEqual({ operator: false, mayCreateOrganizations: false });
    });

    it('lets an operator (listed in any casing) create one and tells /api/me so', async () => {
      const operator = await t.loginAs('approver@kadens.demo', DEMO_PASSWORD);
      expect((await operator.get('/api/me')).body.installation).toEqual({ operator: true, mayCreateOrganizations: true });
      const response = await operator.post('/api/organizations').send(solsikken);
      expect(response.status).toBe(201);
    });

    it('names the new organisation’s content types in its language (reports, exports and e-mails show them)', async () => {
      const operator = await t.loginAs('approver@kadens.demo', DEMO_PASSWORD);
      const created = await operator.post('/api/organizations').send({ ...solsikken, slug: 'solsikken-sv', defaultLocale: 'sv' });
      expect(created.status).toBe(201);
      const types: Array<{ key: string; name: string }> = await t.db.query(
        `SELECT key, name FROM content_types WHERE organization_id = $1 ORDER BY name`,
        [created.body.id],
      );
      expect(types).toEqual([
        { key: 'event', name: 'Evenemang' },
        { key: 'question_poll', name: 'Fråga/omröstning' },
        { key: 'campaign', name: 'Kampanj' },
        { key: 'news', name: 'Nyhet' },
        { key: 'press_release', name: 'Pressmeddelande' },
        { key: 'how_to', name: 'Så gör du' },
      ]);
    });
  });

  describe('with ORGANIZATION_CREATORS=everyone', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp([OrganizationsModule], { ORGANIZATION_CREATORS: 'everyone' });
      await t.app.get(DemoSeeder).seed();
    });
    afterAll(() => t?.close());

    it('lets any logged-in person create one, without making them an operator', async () => {
      const viewer = await t.loginAs('viewer@kadens.demo', DEMO_PASSWORD);
      expect((await viewer.get('/api/me')).body.installation).toEqual({ operator: false, mayCreateOrganizations: true });
      expect((await viewer.post('/api/organizations').send(solsikken)).status).toBe(201);
    });
  });
});
