import { AccountMailer, UsersService } from '@kadens/api/core';
import { createTestApp, linkIn, startTestMailbox, type TestApp, type TestMailbox } from '@kadens/api/core/testing';
import { INVITATION_VALID_DAYS } from '@kadens/shared/contracts';
import type TestAgent from 'supertest/lib/agent';

import { DEMO_PASSWORD, DemoSeeder } from '../demo/demo-seeder';
import { OrganizationsModule } from '../organizations.module';

const PUBLIC_URL = 'http://kadens.test';
const STRONG_PASSWORD = 'blåbær trampoline nordlys 1987';

describe('invitations against PostgreSQL and a local SMTP server', () => {
  let t: TestApp;
  let mailbox: TestMailbox;
  let admin: TestAgent;
  let editor: TestAgent;
  let viewer: TestAgent;
  let fjordvik: string;
  let bolgeby: string;
  const invitations = (organizationId: string, path = '') => `/api/organizations/${organizationId}/invitations${path}`;

  /** Sends what the outbox holds and returns the token from the newest invitation mail to `email`. */
  async function tokenMailedTo(email: string): Promise<{ token: string; raw: string }> {
    await t.app.get(AccountMailer).sendPending();
    await mailbox.waitFor(email);
    const mail = mailbox.mails.filter((m) => m.to.includes(email)).at(-1);
    if (!mail) throw new Error(`no mail to ${email}`);
    const token = new URL(linkIn(mail, `${PUBLIC_URL}/invitation?token=`)).searchParams.get('token');
    if (!token) throw new Error('no token in the link');
    return { token, raw: mail.raw };
  }

  const lookup = (token: string) => t.anonymous().post('/api/invitations/lookup').send({ token });
  const pendingEmails = async (organizationId: string) =>
    ((await admin.get(invitations(organizationId))).body as Array<{ email: string }>).map((i) => i.email);

  beforeAll(async () => {
    mailbox = await startTestMailbox();
    t = await createTestApp([OrganizationsModule], { SMTP_URL: mailbox.url, APP_ROLES: 'api', PUBLIC_URL });
    await t.app.get(DemoSeeder).seed();
    [admin, editor, viewer] = (await Promise.all(
      ['admin', 'editor', 'viewer'].map((who) => t.loginAs(`${who}@kadens.demo`, DEMO_PASSWORD)),
    )) as [TestAgent, TestAgent, TestAgent];
    const organizations: Array<{ id: string; slug: string }> = await t.db.query(`SELECT id, slug FROM organizations`);
    fjordvik = organizations.find((o) => o.slug === 'fjordvik')?.id ?? '';
    bolgeby = organizations.find((o) => o.slug === 'bolgeby')?.id ?? '';
  });
  afterAll(async () => {
    await t?.close();
    await mailbox?.close();
  });

  it('answers alike for an e-mail with an account and one without: same status, same shape, never the account name', async () => {
    const existing = await admin.post(invitations(bolgeby)).send({ email: 'Viewer@Kadens.demo', role: 'editor', name: 'Someone' });
    const fresh = await admin.post(invitations(bolgeby)).send({ email: 'ny@example.dk', role: 'viewer', name: 'Ny Person' });
    for (const [response, email, role, name] of [
      [existing, 'viewer@kadens.demo', 'editor', 'Someone'],
      [fresh, 'ny@example.dk', 'viewer', 'Ny Person'],
    ] as const) {
      expect(response.status).toBe(201);
      expect(response.body).toEqual({
        id: expect.any(String),
        email,
        role,
        name,
        invitedByName: 'Ada Admin',
        createdAt: expect.any(String),
        expiresAt: expect.any(String),
      });
      const validFor = Date.parse(response.body.expiresAt) - Date.now();
      expect(Math.abs(validFor - INVITATION_VALID_DAYS * 86_400_000)).toBeLessThan(60_000);
    }
    expect(Object.keys(existing.body).sort()).toEqual(Object.keys(fresh.body).sort());
    expect(JSON.stringify(existing.body)).not.toContain('Vera');
    expect(await pendingEmails(bolgeby)).toEqual(expect.arrayContaining(['viewer@kadens.demo', 'ny@example.dk']));
  });

  it('mails the link in the organisation language', async () => {
    const danish = await tokenMailedTo('ny@example.dk');
    expect(danish.raw).toContain('Ada Admin har inviteret dig til Bølgeby Kommune i Kadens som læser.');
    expect(danish.raw).toContain(`${PUBLIC_URL}/invitation?token=${danish.token}`);
    expect((await admin.post(invitations(fjordvik)).send({ email: 'kari@example.no', role: 'editor' })).status).toBe(201);
    const norwegian = await tokenMailedTo('kari@example.no');
    expect(norwegian.raw).toContain('Ada Admin har invitert deg til Fjordvik kommune i Kadens, som redaktør.');
  });

  it('says when the person is a member already or invited already, and lets only admins of the organisation invite', async () => {
    const member = await admin.post(invitations(fjordvik)).send({ email: 'editor@kadens.demo', role: 'viewer' });
    expect(member.status).toBe(409);
    expect(member.body.code).toBe('already_member');
    const twice = await admin.post(invitations(bolgeby)).send({ email: 'ny@example.dk', role: 'admin' });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('already_invited');

    expect((await editor.post(invitations(fjordvik)).send({ email: 'x@example.no', role: 'viewer' })).status).toBe(403);
    expect((await editor.get(invitations(fjordvik))).status).toBe(403);
    expect((await editor.post(invitations(bolgeby)).send({ email: 'x@example.no', role: 'viewer' })).status).toBe(404);
    expect((await editor.get(invitations(bolgeby))).status).toBe(404);
    expect(
      (await admin.post(`/api/organizations/${fjordvik}/members`).send({ email: 'x@example.no', name: 'X', role: 'viewer' })).status,
    ).toBe(404);

    const invalid = await admin.post(invitations(fjordvik)).send({ email: 'not an e-mail', role: 'owner', initialPassword: 'x' });
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['email', 'initialPassword', 'role']);
  });

  it('lets an existing account accept in the app, and then it is a member with the invited role', async () => {
    const mine = await viewer.get('/api/me/invitations');
    expect(mine.status).toBe(200);
    expect(mine.body).toEqual([
      {
        id: expect.any(String),
        organizationName: 'Bølgeby Kommune',
        role: 'editor',
        invitedByName: 'Ada Admin',
        expiresAt: expect.any(String),
      },
    ]);
    const { token } = await tokenMailedTo('viewer@kadens.demo');
    expect((await lookup(token)).body).toMatchObject({ email: 'viewer@kadens.demo', accountExists: true });

    // Nobody else can see or take it.
    expect((await editor.get('/api/me/invitations')).body).toEqual([]);
    expect((await editor.post(`/api/me/invitations/${mine.body[0].id}/accept`)).status).toBe(404);

    const accepted = await viewer.post(`/api/me/invitations/${mine.body[0].id}/accept`);
    expect(accepted.status).toBe(200);
    expect(accepted.body).toEqual({ organizationId: bolgeby, organizationName: 'Bølgeby Kommune', role: 'editor' });
    const memberships = (await viewer.get('/api/me')).body.memberships;
    expect(memberships).toEqual(expect.arrayContaining([expect.objectContaining({ organizationId: bolgeby, role: 'editor' })]));
    expect((await viewer.get('/api/me/invitations')).body).toEqual([]);
    expect(await pendingEmails(bolgeby)).not.toContain('viewer@kadens.demo');
    expect((await viewer.post(`/api/me/invitations/${mine.body[0].id}/accept`)).status).toBe(404);
    expect((await lookup(token)).status).toBe(410);
  });

  it('lets an existing account decline, and it does not become a member', async () => {
    expect((await admin.post(invitations(bolgeby)).send({ email: 'editor@kadens.demo', role: 'approver' })).status).toBe(201);
    const [invitation] = (await editor.get('/api/me/invitations')).body;
    expect((await editor.post(`/api/me/invitations/${invitation.id}/decline`)).status).toBe(204);
    expect((await editor.get(`/api/organizations/${bolgeby}`)).status).toBe(404);
    expect((await editor.get('/api/me/invitations')).body).toEqual([]);
    expect((await editor.post(`/api/me/invitations/${invitation.id}/accept`)).status).toBe(404);
    expect(await pendingEmails(bolgeby)).not.toContain('editor@kadens.demo');
  });

  it('lets a new address set name and password through the link: account, membership, logged in; the link works once', async () => {
    const { token } = await tokenMailedTo('ny@example.dk');
    const preview = await lookup(token);
    expect(preview.status).toBe(200);
    expect(preview.body).toEqual({
      email: 'ny@example.dk',
      organizationName: 'Bølgeby Kommune',
      role: 'viewer',
      name: 'Ny Person',
      accountExists: false,
      expiresAt: expect.any(String),
    });

    const weak = await t.anonymous().post('/api/invitations/accept').send({ token, name: 'Ny Person', password: 'password1234' });
    expect(weak.status).toBe(400);
    expect(weak.body.errors.map((e: { field: string }) => e.field)).toEqual(['password']);
    const personal = await t.anonymous().post('/api/invitations/accept').send({ token, name: 'Ny Person', password: 'ny@example.dk2026' });
    expect(personal.status).toBe(400);
    expect(personal.body.errors[0].field).toBe('password');

    const browser = t.anonymous();
    const accepted = await browser.post('/api/invitations/accept').send({ token, name: 'Nanna Ny', password: STRONG_PASSWORD });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toEqual({ organizationId: bolgeby, organizationName: 'Bølgeby Kommune', role: 'viewer' });
    expect(String(accepted.headers['set-cookie'])).toMatch(/kadens_session=.+HttpOnly/);
    const me = (await browser.get('/api/me')).body;
    expect(me.user).toMatchObject({ email: 'ny@example.dk', name: 'Nanna Ny' });
    expect(me.memberships).toEqual([expect.objectContaining({ organizationId: bolgeby, role: 'viewer' })]);
    await t.loginAs('ny@example.dk', STRONG_PASSWORD);

    const again = await t.anonymous().post('/api/invitations/accept').send({ token, name: 'Someone Else', password: STRONG_PASSWORD });
    expect(again.status).toBe(410);
    const unknown = await lookup('no-such-token');
    expect(unknown.status).toBe(410);
    expect(again.body).toEqual(unknown.body);
    expect(unknown.body.code).toBe('invitation_invalid');
  });

  it('stops a link after seven days; inviting again sends a new one', async () => {
    expect((await admin.post(invitations(fjordvik)).send({ email: 'sent@example.no', role: 'viewer' })).status).toBe(201);
    const old = await tokenMailedTo('sent@example.no');
    await t.db.query(
      `UPDATE invitations SET created_at = now() - interval '8 days', expires_at = now() - interval '1 day' WHERE email = 'sent@example.no'`,
    );
    expect((await lookup(old.token)).status).toBe(410);
    expect(
      (await t.anonymous().post('/api/invitations/accept').send({ token: old.token, name: 'Late', password: STRONG_PASSWORD })).status,
    ).toBe(410);
    expect(await pendingEmails(fjordvik)).toContain('sent@example.no');

    expect((await admin.post(invitations(fjordvik)).send({ email: 'sent@example.no', role: 'editor' })).status).toBe(201);
    const renewed = await tokenMailedTo('sent@example.no');
    expect(renewed.token).not.toBe(old.token);
    expect((await lookup(renewed.token)).body.role).toBe('editor');
    expect((await lookup(old.token)).status).toBe(410);
  });

  it('kills the old link when the invitation is sent again, and every link when it is revoked', async () => {
    const invited = await admin.post(invitations(fjordvik)).send({ email: 'resend@example.no', role: 'approver' });
    const first = await tokenMailedTo('resend@example.no');
    const resent = await admin.post(invitations(fjordvik, `/${invited.body.id}/resend`));
    expect(resent.status).toBe(200);
    expect(Date.parse(resent.body.expiresAt)).toBeGreaterThanOrEqual(Date.parse(invited.body.expiresAt));
    const second = await tokenMailedTo('resend@example.no');
    expect(second.token).not.toBe(first.token);
    expect((await lookup(first.token)).status).toBe(410);
    expect((await lookup(second.token)).status).toBe(200);

    expect((await editor.delete(invitations(fjordvik, `/${invited.body.id}`))).status).toBe(403);
    expect((await admin.delete(invitations(bolgeby, `/${invited.body.id}`))).status).toBe(404);
    expect((await admin.delete(invitations(fjordvik, `/${invited.body.id}`))).status).toBe(204);
    expect((await lookup(second.token)).status).toBe(410);
    expect(await pendingEmails(fjordvik)).not.toContain('resend@example.no');
    expect((await admin.post(invitations(fjordvik, `/${invited.body.id}/resend`))).status).toBe(404);
    expect((await admin.delete(invitations(fjordvik, `/${invited.body.id}`))).status).toBe(404);
  });

  it('refuses the link when the e-mail got an account meanwhile, and sends the person to log in', async () => {
    expect((await admin.post(invitations(fjordvik)).send({ email: 'race@example.no', role: 'viewer' })).status).toBe(201);
    const { token } = await tokenMailedTo('race@example.no');
    await t.app.get(UsersService).create({ email: 'race@example.no', name: 'Race', password: STRONG_PASSWORD });
    expect((await lookup(token)).body.accountExists).toBe(true);
    const refused = await t.anonymous().post('/api/invitations/accept').send({ token, name: 'Race', password: STRONG_PASSWORD });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('account_exists');
  });

  it('audits inviting, accepting, declining and revoking', async () => {
    const rows: Array<{ action: string }> = await t.db.query(
      `SELECT DISTINCT action FROM audit_events WHERE action LIKE 'invitation.%' OR action = 'member.invited'`,
    );
    expect(rows.map((r) => r.action).sort()).toEqual([
      'invitation.accepted',
      'invitation.declined',
      'invitation.resent',
      'invitation.revoked',
      'member.invited',
    ]);
  });

  it('counts link attempts per address like the login does, and answers 429 with Retry-After past the limit', async () => {
    let response = await lookup('guess');
    for (let attempt = 0; attempt < 200 && response.status !== 429; attempt++) response = await lookup(`guess-${attempt}`);
    expect(response.status).toBe(429);
    expect(response.body.code).toBe('too_many_attempts');
    expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
  });
});
