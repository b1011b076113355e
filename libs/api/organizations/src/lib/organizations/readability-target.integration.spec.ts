import { createTestApp, type TestApp } from '@kadens/api/core/testing';
import type TestAgent from 'supertest/lib/agent';

import { DEMO_PASSWORD, DemoSeeder } from '../demo/demo-seeder';
import { OrganizationsModule } from '../organizations.module';

describe('the organisation’s readability target against PostgreSQL', () => {
  let t: TestApp;
  let admin: TestAgent;
  let fjordvik: string;

  beforeAll(async () => {
    t = await createTestApp([OrganizationsModule]);
    await t.app.get(DemoSeeder).seed();
    admin = await t.loginAs('admin@kadens.demo', DEMO_PASSWORD);
    const me = (await admin.get('/api/me')).body;
    fjordvik = me.memberships.find((m: { organizationSlug: string }) => m.organizationSlug === 'fjordvik').organizationId;
  });
  afterAll(() => t?.close());

  it('is null (the default, 40) until set, then kept, and null again when cleared', async () => {
    expect((await admin.get(`/api/organizations/${fjordvik}`)).body.readabilityTarget).toBeNull();
    const set = await admin.patch(`/api/organizations/${fjordvik}`).send({ readabilityTarget: 35 });
    expect(set.status).toBe(200);
    expect(set.body.readabilityTarget).toBe(35);
    expect((await admin.get(`/api/organizations/${fjordvik}`)).body.readabilityTarget).toBe(35);
    const cleared = await admin.patch(`/api/organizations/${fjordvik}`).send({ readabilityTarget: null });
    expect(cleared.body.readabilityTarget).toBeNull();
  });

  it.each([9, 81, 40.5, '40'])('refuses %j with a 400 naming readabilityTarget', async (readabilityTarget) => {
    const response = await admin.patch(`/api/organizations/${fjordvik}`).send({ readabilityTarget });
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body)).toContain('readabilityTarget');
  });
});
