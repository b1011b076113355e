import { createTestApp, linkIn, startTestMailbox, type TestApp, type TestMailbox } from '../../testing';
import { UsersService } from './users.service';

const OLD = 'correct horse battery';
const NEW = 'fjord lantern quietly pickles';
const PUBLIC_URL = 'http://kadens.test';

describe('passwords against PostgreSQL and a local SMTP server', () => {
  let t: TestApp;
  let mailbox: TestMailbox;

  beforeAll(async () => {
    mailbox = await startTestMailbox();
    t = await createTestApp([], { SMTP_URL: mailbox.url, PUBLIC_URL, TRUST_PROXY: 'loopback' });
    const users = t.app.get(UsersService);
    // Created before the policy existed, or by an admin: such passwords keep working at login.
    await users.create({ email: 'kari@example.no', name: 'Kari Nordmann', password: OLD });
    await users.create({ email: 'sven@example.se', name: 'Sven Svensson', password: OLD, locale: 'sv' });
    await users.create({ email: 'weak@example.no', name: 'Weak', password: 'kadens-demo' });
  });
  afterAll(async () => {
    await t?.close();
    await mailbox?.close();
  });

  const sessionCount = async (email: string) =>
    Number((await t.db.query(`SELECT count(*) FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.email = $1`, [email]))[0].count);

  it('still lets an account with an old, weaker password log in', async () => {
    expect((await t.anonymous().post('/api/auth/login').send({ email: 'weak@example.no', password: 'kadens-demo' })).status).toBe(200);
  });

  describe("changing one's password", () => {
    it.each([
      ['aaaaaaaaaaaa', /too easy to guess/],
      ['password1234', /too easy to guess/],
      ['kari@example.no', /e-mail address or name/],
      ['Kari Nordmann 1', /e-mail address or name/],
      ['short', /at least 12 characters/],
    ])('refuses %j with a 400 naming newPassword and saying why', async (newPassword, why) => {
      const agent = await t.loginAs('kari@example.no', OLD);
      const response = await agent.put('/api/me/password').send({ currentPassword: OLD, newPassword });
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([{ field: 'newPassword', messages: [expect.stringMatching(why)] }]);
    });

    it('refuses a wrong current password, naming the field', async () => {
      const agent = await t.loginAs('kari@example.no', OLD);
      const response = await agent.put('/api/me/password').send({ currentPassword: 'not it at all', newPassword: NEW });
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ code: 'wrong_password', errors: [{ field: 'currentPassword' }] });
    });

    it('accepts a good passphrase and ends every other session, not this one', async () => {
      const other = await t.loginAs('kari@example.no', OLD);
      const self = await t.loginAs('kari@example.no', OLD);
      expect((await self.put('/api/me/password').send({ currentPassword: OLD, newPassword: NEW })).status).toBe(204);
      expect((await self.get('/api/me/sessions')).status).toBe(200);
      expect((await other.get('/api/me/sessions')).status).toBe(401);
      expect(await sessionCount('kari@example.no')).toBe(1);
      expect((await t.anonymous().post('/api/auth/login').send({ email: 'kari@example.no', password: OLD })).status).toBe(401);
      expect((await t.anonymous().post('/api/auth/login').send({ email: 'kari@example.no', password: NEW })).status).toBe(200);
      const [event] = await t.db.query(
        `SELECT kind FROM account_events e JOIN users u ON u.id = e.user_id WHERE u.email = 'kari@example.no'`,
      );
      expect(event.kind).toBe('password_changed');
    });
  });

  describe('resetting it by e-mail', () => {
    const requestReset = (email: string, address = '192.0.2.10') =>
      t.anonymous().post('/api/auth/password-reset').set('X-Forwarded-For', address).send({ email });
    const tokenMailedTo = async (email: string, since: number) => {
      await waitUntil(() => mailbox.mails.length > since && mailbox.mails.slice(since).some((m) => m.to.includes(email)));
      const mail = mailbox.mails.slice(since).find((m) => m.to.includes(email));
      if (!mail) throw new Error('no mail');
      const link = linkIn(mail, `${PUBLIC_URL}/reset-password?token=`);
      return { mail, token: decodeURIComponent(new URL(link).searchParams.get('token') ?? '') };
    };
    const confirm = (token: string, password: string) => t.anonymous().post('/api/auth/password-reset/confirm').send({ token, password });

    it('answers 202 the same way for an unknown e-mail and writes no mail for it', async () => {
      const known = await requestReset('sven@example.se', '192.0.2.1');
      const unknown = await requestReset('nobody@example.se', '192.0.2.2');
      expect(known.status).toBe(202);
      expect(unknown.status).toBe(202);
      expect(unknown.body).toEqual(known.body);
      await waitUntil(
        async () => Number((await t.db.query(`SELECT count(*) FROM account_mails WHERE to_email = 'sven@example.se'`))[0].count) === 1,
      );
      expect(await t.db.query(`SELECT 1 FROM account_mails WHERE to_email = 'nobody@example.se'`)).toHaveLength(0);
    });

    it("mails a link in the person's language, stores only the token's hash, and the link works once", async () => {
      const since = mailbox.mails.length;
      expect((await requestReset('sven@example.se', '192.0.2.3')).status).toBe(202);
      const { mail, token } = await tokenMailedTo('sven@example.se', since);
      expect(mail.raw).toContain('Välj ett nytt lösenord');
      expect(token.length).toBeGreaterThanOrEqual(43);
      const stored: Array<{ token_hash: string }> = await t.db.query(`SELECT token_hash FROM password_reset_tokens`);
      expect(stored.map((row) => row.token_hash)).not.toContain(token);
      expect(JSON.stringify(stored)).not.toContain(token);

      const weak = await confirm(token, 'sven@example.se');
      expect(weak.status).toBe(400);
      expect(weak.body.errors).toEqual([{ field: 'password', messages: [expect.stringMatching(/e-mail address or name/)] }]);

      const phone = await t.loginAs('sven@example.se', OLD);
      const laptop = await t.loginAs('sven@example.se', OLD);
      expect((await confirm(token, NEW)).status).toBe(204);
      expect((await phone.get('/api/me/sessions')).status).toBe(401);
      expect((await laptop.get('/api/me/sessions')).status).toBe(401);
      expect(await sessionCount('sven@example.se')).toBe(0);

      const again = await confirm(token, 'another fine passphrase here');
      expect(again.status).toBe(400);
      expect(again.body).toMatchObject({ code: 'invalid_reset_token', errors: [{ field: 'token' }] });
      expect((await t.anonymous().post('/api/auth/login').send({ email: 'sven@example.se', password: NEW })).status).toBe(200);
    });

    it('stops a link after an hour', async () => {
      const since = mailbox.mails.length;
      await requestReset('weak@example.no', '192.0.2.4');
      const { mail, token } = await tokenMailedTo('weak@example.no', since);
      expect(mail.subject).toBe('Nytt passord til Kadens');
      await t.db.query(
        `UPDATE password_reset_tokens SET expires_at = now() - interval '1 second', created_at = now() - interval '61 minutes' WHERE used_at IS NULL`,
      );
      const response = await confirm(token, NEW);
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('invalid_reset_token');
      expect((await t.anonymous().post('/api/auth/login').send({ email: 'weak@example.no', password: 'kadens-demo' })).status).toBe(200);
    });

    it('limits requests per e-mail and per address, whether or not the account exists', async () => {
      const forEmail = [];
      for (let i = 0; i < 4; i++) forEmail.push((await requestReset('ghost@example.no', `198.51.100.${i}`)).status);
      expect(forEmail).toEqual([202, 202, 202, 429]);
      const forAddress = [];
      for (let i = 0; i < 11; i++) forAddress.push((await requestReset(`someone-${i}@example.no`, '203.0.113.50')).status);
      expect(forAddress.slice(0, 10).every((status) => status === 202)).toBe(true);
      const last = await requestReset('someone-else@example.no', '203.0.113.50');
      expect(last.status).toBe(429);
      expect(Number(last.headers['retry-after'])).toBeGreaterThan(0);
    });

    it('names malformed fields', async () => {
      expect((await t.anonymous().post('/api/auth/password-reset').send({ email: 'not-an-email' })).body.errors[0].field).toBe('email');
      expect((await confirm('short', NEW)).body.errors[0].field).toBe('token');
    });
  });
});

async function waitUntil(check: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
