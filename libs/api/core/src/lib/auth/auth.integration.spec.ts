import { createTestApp, type TestApp } from '../../testing';
import { PasswordHasher } from './password-hasher';
import { SESSION_COOKIE } from './session.service';
import { UsersService } from './users.service';

describe('auth against PostgreSQL', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    await t.app.get(UsersService).create({ email: 'Kari@Example.no', name: 'Kari Nordmann', password: 'correct horse battery' });
  });
  afterAll(() => t?.close());

  it('stores an argon2id hash, never the password', async () => {
    const [row] = await t.db.query(`SELECT password_hash FROM users WHERE email = 'kari@example.no'`);
    expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
    expect(await t.app.get(PasswordHasher).verify(row.password_hash, 'correct horse battery')).toBe(true);
  });

  it('logs in with any casing of the e-mail and sets an httpOnly SameSite cookie', async () => {
    const response = await t.anonymous().post('/api/auth/login').send({ email: ' KARI@example.NO ', password: 'correct horse battery' });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ id: expect.any(String), email: 'kari@example.no', name: 'Kari Nordmann', locale: null });
    const cookie = String(response.headers['set-cookie']);
    expect(cookie).toContain(`${SESSION_COOKIE}=`);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const [stored] = await t.db.query(`SELECT token_hash FROM sessions`);
    expect(cookie).not.toContain(stored.token_hash);
  });

  it.each([
    ['a wrong password', 'kari@example.no', 'wrong horse'],
    ['an unknown e-mail', 'nobody@example.no', 'correct horse battery'],
  ])('answers %s with the same 401, without saying which part was wrong', async (_case, email, password) => {
    const response = await t.anonymous().post('/api/auth/login').send({ email, password });
    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({ statusCode: 401, code: 'invalid_credentials', message: 'Wrong e-mail or password' });
  });

  it('ends the session on logout', async () => {
    const agent = await t.loginAs('kari@example.no', 'correct horse battery');
    const before = Number((await t.db.query(`SELECT count(*) FROM sessions`))[0].count);
    expect((await agent.post('/api/auth/logout')).status).toBe(204);
    const after = Number((await t.db.query(`SELECT count(*) FROM sessions`))[0].count);
    expect(after).toBe(before - 1);
  });

  it.each([
    [{ email: 'not-an-email', password: 'x' }, 'email'],
    [{ email: 'kari@example.no' }, 'password'],
    [{ email: 'kari@example.no', password: 'x', admin: true }, 'admin'],
    [{ email: 42, password: 'x' }, 'email'],
    [{ email: 'kari@example.no', password: 'x'.repeat(201) }, 'password'],
  ])('rejects %j with a 400 naming %s', async (body, field) => {
    const response = await t.anonymous().post('/api/auth/login').send(body);
    expect(response.status).toBe(400);
    expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('answers a body that is not JSON with a 400 naming the body', async () => {
    const response = await t.anonymous().post('/api/auth/login').set('Content-Type', 'application/json').send('{"email": ');
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 'malformed_body', errors: [{ field: 'body' }] });
  });

  it('answers an oversized body with 413 naming the body, not a 500', async () => {
    const response = await t
      .anonymous()
      .post('/api/auth/login')
      .send({ email: 'a@b.no', password: 'x'.repeat(300 * 1024) });
    expect(response.status).toBe(413);
    expect(response.body).toMatchObject({ code: 'body_too_large', errors: [{ field: 'body' }] });
  });
});

describe('login limits', () => {
  let t: TestApp;
  // TRUST_PROXY=loopback lets the test client claim any address with X-Forwarded-For, as a proxy would.
  beforeAll(async () => {
    t = await createTestApp([], { TRUST_PROXY: 'loopback', LOGIN_FAILURES_PER_ACCOUNT: '3', LOGIN_ATTEMPTS_PER_ADDRESS: '6' });
    await t.app.get(UsersService).create({ email: 'kari@example.no', name: 'Kari', password: 'correct horse battery' });
    await t.app.get(UsersService).create({ email: 'ola@example.no', name: 'Ola', password: 'correct horse battery' });
  });
  afterAll(() => t?.close());

  let next = 1;
  const from = (address: string) => (body: object) => t.anonymous().post('/api/auth/login').set('X-Forwarded-For', address).send(body);
  const fresh = () => from(`198.51.100.${next++}`);

  it('locks an account after its failed logins, whatever address they come from, without saying whether it exists', async () => {
    const known = [];
    const unknown = [];
    for (let i = 0; i < 3; i++) known.push((await fresh()({ email: 'kari@example.no', password: `guess ${i}` })).status);
    for (let i = 0; i < 3; i++) unknown.push((await fresh()({ email: 'nobody@example.no', password: `guess ${i}` })).status);
    expect(known).toEqual([401, 401, 401]);
    expect(unknown).toEqual([401, 401, 401]);
    // Even the right password waits now: guessing goes no further.
    const blocked = await fresh()({ email: 'KARI@example.no', password: 'correct horse battery' });
    const blockedUnknown = await fresh()({ email: 'nobody@example.no', password: 'correct horse battery' });
    expect(blocked.status).toBe(429);
    expect(blocked.body).toEqual(blockedUnknown.body);
    expect(blocked.body.code).toBe('too_many_attempts');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(14 * 60);
    expect(Number(blockedUnknown.headers['retry-after'])).toBeGreaterThan(14 * 60);
    // Another account is not affected.
    expect((await fresh()({ email: 'ola@example.no', password: 'correct horse battery' })).status).toBe(200);
  });

  it('forgets the failures of an account once its owner logs in', async () => {
    for (let i = 0; i < 2; i++) expect((await fresh()({ email: 'ola@example.no', password: 'wrong' })).status).toBe(401);
    expect((await fresh()({ email: 'ola@example.no', password: 'correct horse battery' })).status).toBe(200);
    for (let i = 0; i < 2; i++) expect((await fresh()({ email: 'ola@example.no', password: 'wrong' })).status).toBe(401);
    expect((await fresh()({ email: 'ola@example.no', password: 'correct horse battery' })).status).toBe(200);
  });

  it('counts every attempt from one address, across e-mails, and only that address', async () => {
    const one = from('203.0.113.7');
    const statuses = [];
    for (let i = 0; i < 7; i++) statuses.push((await one({ email: `rotating-${i}@example.no`, password: 'guess' })).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 401, 429]);
    expect((await from('203.0.113.8')({ email: 'rotating-x@example.no', password: 'guess' })).status).toBe(401);
  });

  it('ignores X-Forwarded-For unless TRUST_PROXY trusts the proxy', async () => {
    const untrusting = await createTestApp([], { LOGIN_ATTEMPTS_PER_ADDRESS: '2' });
    try {
      const statuses = [];
      for (let i = 0; i < 3; i++) {
        statuses.push(
          (
            await untrusting
              .anonymous()
              .post('/api/auth/login')
              .set('X-Forwarded-For', `192.0.2.${i}`)
              .send({ email: `r${i}@example.no`, password: 'guess' })
          ).status,
        );
      }
      expect(statuses).toEqual([401, 401, 429]);
    } finally {
      await untrusting.close();
    }
  });
});
