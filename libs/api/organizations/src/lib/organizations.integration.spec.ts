import { createTestApp, type TestApp } from '@kadens/api/core/testing';
import type TestAgent from 'supertest/lib/agent';

import { DEMO_PASSWORD, DemoSeeder } from './demo/demo-seeder';
import { OrganizationsModule } from './organizations.module';

describe('organisations, members and tenancy against PostgreSQL', () => {
  let t: TestApp;
  let admin: TestAgent;
  let editor: TestAgent;
  let viewer: TestAgent;
  let fjordvik: string;
  let bolgeby: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    // Editors start organisations below; who may is an installation setting (organization-creation spec).
    t = await createTestApp([OrganizationsModule], { ORGANIZATION_CREATORS: 'everyone' });
    await t.app.get(DemoSeeder).seed();
    admin = await t.loginAs('admin@kadens.demo', DEMO_PASSWORD);
    editor = await t.loginAs('editor@kadens.demo', DEMO_PASSWORD);
    viewer = await t.loginAs('viewer@kadens.demo', DEMO_PASSWORD);
    const me = (await admin.get('/api/me')).body;
    fjordvik = me.memberships.find((m: { organizationSlug: string }) => m.organizationSlug === 'fjordvik').organizationId;
    bolgeby = me.memberships.find((m: { organizationSlug: string }) => m.organizationSlug === 'bolgeby').organizationId;
    for (const member of (await admin.get(`/api/organizations/${fjordvik}/members`)).body) ids[member.email] = member.userId;
  });
  afterAll(() => t?.close());

  it('seeds once, even when asked twice', async () => {
    await t.app.get(DemoSeeder).seed();
    const [{ count }] = await t.db.query(`SELECT count(*)::int AS count FROM organizations`);
    expect(count).toBe(2);
  });

  it('tells a user who they are and where they belong', async () => {
    const response = await editor.get('/api/me');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      user: { id: expect.any(String), email: 'editor@kadens.demo', name: 'Erik Redaktør', locale: null },
      memberships: [
        {
          organizationId: fjordvik,
          organizationName: 'Fjordvik kommune',
          organizationSlug: 'fjordvik',
          organizationLocale: 'nb',
          role: 'editor',
        },
      ],
      installation: { operator: false, mayCreateOrganizations: true },
      mediaLimits: { maxImageBytes: 50 * 1024 * 1024, maxVideoBytes: 1024 * 1024 * 1024 },
    });
  });

  it('lists Fjordvik first for the Norwegian demo people who belong to both, so they land there', async () => {
    for (const agent of [admin, await t.loginAs('approver@kadens.demo', DEMO_PASSWORD)]) {
      const slugs = (await agent.get('/api/me')).body.memberships.map((m: { organizationSlug: string }) => m.organizationSlug);
      expect(slugs).toEqual(['fjordvik', 'bolgeby']);
    }
  });

  it('answers 401 to anyone without a session', async () => {
    expect((await t.anonymous().get('/api/me')).status).toBe(401);
    expect((await t.anonymous().get(`/api/organizations/${fjordvik}`)).status).toBe(401);
  });

  it('answers the web app’s session check without a 401: 200 {authenticated: false} without a session, the session with one', async () => {
    const anonymous = await t.anonymous().get('/api/me').set('kadens-session-check', 'optional');
    expect(anonymous.status).toBe(200);
    expect(anonymous.body).toEqual({ authenticated: false });
    const stale = await t.anonymous().get('/api/me').set('Cookie', 'kadens_session=not-a-session').set('kadens-session-check', 'optional');
    expect(stale.body).toEqual({ authenticated: false });
    // Anything else about the header still answers 401, as before.
    expect((await t.anonymous().get('/api/me').set('kadens-session-check', 'yes')).status).toBe(401);
    const loggedIn = await editor.get('/api/me').set('kadens-session-check', 'optional');
    expect(loggedIn.status).toBe(200);
    expect(loggedIn.body).toEqual((await editor.get('/api/me')).body);
  });

  it('keeps a user language choice and lets them clear it', async () => {
    const set = await editor.patch('/api/me').send({ locale: 'en' });
    expect(set.status).toBe(200);
    expect(set.body.user.locale).toBe('en');
    const cleared = await editor.patch('/api/me').send({ locale: null });
    expect(cleared.body.user.locale).toBeNull();
    const bad = await editor.patch('/api/me').send({ locale: 'de' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('locale');
  });

  describe('tenancy', () => {
    it('hides another organisation behind a 404, the same as one that does not exist', async () => {
      const other = await editor.get(`/api/organizations/${bolgeby}`);
      const missing = await editor.get('/api/organizations/00000000-0000-4000-8000-000000000000');
      expect(other.status).toBe(404);
      expect(missing.status).toBe(404);
      expect(other.body).toEqual(missing.body);
      expect((await editor.get(`/api/organizations/${bolgeby}/members`)).status).toBe(404);
      expect(
        (await editor.patch(`/api/organizations/${bolgeby}/members/${ids['editor@kadens.demo']}`).send({ role: 'admin' })).status,
      ).toBe(404);
    });

    it('names a malformed organisation id as a 400', async () => {
      const response = await editor.get('/api/organizations/not-a-uuid');
      expect(response.status).toBe(400);
      expect(response.body.errors[0].field).toBe('organizationId');
    });

    it('lists only the organisation own members', async () => {
      const response = await admin.get(`/api/organizations/${bolgeby}/members`);
      expect(response.body.map((m: { email: string }) => m.email).sort()).toEqual([
        'admin@kadens.demo',
        'approver@kadens.demo',
        'redaktor@kadens.demo',
      ]);
    });
  });

  describe('roles', () => {
    it('lets every member read the settings, but only admins change them (403 otherwise)', async () => {
      expect((await viewer.get(`/api/organizations/${fjordvik}`)).body.timeZone).toBe('Europe/Oslo');
      const refused = await editor.patch(`/api/organizations/${fjordvik}`).send({ name: 'Hijacked' });
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('permission_denied');
      const changed = await admin.patch(`/api/organizations/${fjordvik}`).send({ name: 'Fjordvik kommune (test)' });
      expect(changed.status).toBe(200);
      expect(changed.body.name).toBe('Fjordvik kommune (test)');
    });

    it('refuses member management to non-admins with 403', async () => {
      const response = await editor.post(`/api/organizations/${fjordvik}/invitations`).send({ email: 'x@example.no', role: 'viewer' });
      expect(response.status).toBe(403);
      expect((await viewer.delete(`/api/organizations/${fjordvik}/members/${ids['editor@kadens.demo']}`)).status).toBe(403);
    });
  });

  describe('settings validation', () => {
    it.each([
      [{ timeZone: 'Europe/Atlantis' }, 'timeZone'],
      [{ timeZone: 'CET+1' }, 'timeZone'],
      [{ country: 'DE' }, 'country'],
      [{ defaultLocale: 'fi' }, 'defaultLocale'],
      [{ slug: 'Has Spaces' }, 'slug'],
      [{ slug: '-edge-' }, 'slug'],
      [{ name: '' }, 'name'],
      [{ name: 'x'.repeat(121) }, 'name'],
      [{ id: '00000000-0000-4000-8000-000000000000' }, 'id'],
      [{ name: null }, 'name'],
      [{ timeZone: null }, 'timeZone'],
      [{ capacityHoursPerWeek: -1 }, 'capacityHoursPerWeek'],
    ])('answers %j with a 400 naming %s', async (body, field) => {
      const response = await admin.patch(`/api/organizations/${fjordvik}`).send(body);
      expect(response.status).toBe(400);
      expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    });

    it('refuses a slug another organisation has with 409', async () => {
      const response = await admin.patch(`/api/organizations/${fjordvik}`).send({ slug: 'bolgeby' });
      expect(response.status).toBe(409);
      expect(response.body.code).toBe('slug_taken');
    });
  });

  describe('creating an organisation', () => {
    it('makes the creator its admin', async () => {
      const created = await editor
        .post('/api/organizations')
        .send({ name: 'Solsikken barnehage', slug: 'solsikken', timeZone: 'Europe/Stockholm', country: 'SE', defaultLocale: 'sv' });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ name: 'Solsikken barnehage', slug: 'solsikken', timeZone: 'Europe/Stockholm', country: 'SE' });
      const members = await editor.get(`/api/organizations/${created.body.id}/members`);
      expect(members.body).toEqual([expect.objectContaining({ email: 'editor@kadens.demo', role: 'admin' })]);
    });

    it('names every missing field', async () => {
      const response = await editor.post('/api/organizations').send({});
      expect(response.status).toBe(400);
      expect(response.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
        'country',
        'defaultLocale',
        'name',
        'slug',
        'timeZone',
      ]);
    });
  });

  describe('members', () => {
    it('changes roles, and the new role takes effect at once', async () => {
      const promoted = await admin.patch(`/api/organizations/${fjordvik}/members/${ids['viewer@kadens.demo']}`).send({ role: 'editor' });
      expect(promoted.status).toBe(200);
      expect(promoted.body.role).toBe('editor');
      expect((await viewer.patch(`/api/organizations/${fjordvik}`).send({ name: 'x' })).status).toBe(403);
      const demoted = await admin.patch(`/api/organizations/${fjordvik}/members/${ids['viewer@kadens.demo']}`).send({ role: 'viewer' });
      expect(demoted.body.role).toBe('viewer');
    });

    it('never leaves an organisation without an admin', async () => {
      const demote = await admin.patch(`/api/organizations/${fjordvik}/members/${ids['admin@kadens.demo']}`).send({ role: 'editor' });
      expect(demote.status).toBe(409);
      expect(demote.body.code).toBe('last_admin');
      const remove = await admin.delete(`/api/organizations/${fjordvik}/members/${ids['admin@kadens.demo']}`);
      expect(remove.status).toBe(409);
    });

    it('lets two admins demote each other concurrently without ending up with none', async () => {
      await admin.patch(`/api/organizations/${fjordvik}/members/${ids['approver@kadens.demo']}`).send({ role: 'admin' });
      const approver = await t.loginAs('approver@kadens.demo', DEMO_PASSWORD);
      const results = await Promise.all([
        admin.patch(`/api/organizations/${fjordvik}/members/${ids['approver@kadens.demo']}`).send({ role: 'editor' }),
        approver.patch(`/api/organizations/${fjordvik}/members/${ids['admin@kadens.demo']}`).send({ role: 'editor' }),
      ]);
      // Either may win; the loser is refused (409 last admin, or 403 when its own role was taken first).
      expect(results.map((r) => r.status)).toContain(200);
      const losers = results.filter((r) => r.status !== 200);
      expect(losers).toHaveLength(1);
      expect([403, 409]).toContain(losers[0]?.status);
      const admins: Array<{ user_id: string }> = await t.db.query(
        `SELECT user_id FROM memberships WHERE organization_id = $1 AND role = 'admin'`,
        [fjordvik],
      );
      expect(admins).toHaveLength(1);
      // Put the demo roles back for the tests that follow, whoever won.
      if (admins[0]?.user_id !== ids['admin@kadens.demo']) {
        expect(
          (await approver.patch(`/api/organizations/${fjordvik}/members/${ids['admin@kadens.demo']}`).send({ role: 'admin' })).status,
        ).toBe(200);
        expect(
          (await admin.patch(`/api/organizations/${fjordvik}/members/${ids['approver@kadens.demo']}`).send({ role: 'approver' })).status,
        ).toBe(200);
      }
    });

    it('re-checks the actor role under the lock: a demoted admin can no longer manage members', async () => {
      await admin.patch(`/api/organizations/${fjordvik}/members/${ids['approver@kadens.demo']}`).send({ role: 'admin' });
      const approver = await t.loginAs('approver@kadens.demo', DEMO_PASSWORD);
      await admin.patch(`/api/organizations/${fjordvik}/members/${ids['approver@kadens.demo']}`).send({ role: 'approver' });
      const refused = await approver.patch(`/api/organizations/${fjordvik}/members/${ids['editor@kadens.demo']}`).send({ role: 'viewer' });
      expect(refused.status).toBe(403);
    });

    it('audits every membership and settings change with before and after', async () => {
      const events: Array<{ action: string; before: unknown; after: unknown }> = await t.db.query(
        `SELECT action, before, after FROM audit_events WHERE organization_id = $1 ORDER BY id`,
        [fjordvik],
      );
      const actions = events.map((e) => e.action);
      expect(actions).toEqual(expect.arrayContaining(['organization.settings_changed', 'member.role_changed']));
      expect(events.find((e) => e.action === 'member.role_changed')).toMatchObject({
        before: { role: 'viewer' },
        after: { role: 'editor' },
      });
    });

    it('removes a member, who then no longer sees the organisation', async () => {
      expect((await admin.delete(`/api/organizations/${fjordvik}/members/${ids['viewer@kadens.demo']}`)).status).toBe(204);
      expect((await viewer.get(`/api/organizations/${fjordvik}`)).status).toBe(404);
    });

    it('names a malformed user id as a 400', async () => {
      const response = await admin.delete(`/api/organizations/${fjordvik}/members/42`);
      expect(response.status).toBe(400);
      expect(response.body.errors[0].field).toBe('userId');
    });
  });
});
