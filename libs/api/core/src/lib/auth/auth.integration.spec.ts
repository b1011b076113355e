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
    const response = await t.anonymous().post('/api/auth/login').send({ email: 'a@b.no', password: 'x'.repeat(300 * 1024) });
    expect(response.status).toBe(413);
    expect(response.body).toMatchObject({ code: 'body_too_large', errors: [{ field: 'body' }] });
  });
});

describe('login throttling', () => {
  let throttled: TestApp;
  beforeAll(async () => {
    throttled = await createTestApp([], { LOGIN_ATTEMPTS_PER_MINUTE: '3' });
  });
  afterAll(() => throttled?.close());

  it('throttles repeated attempts for one address and e-mail with 429 and Retry-After', async () => {
    const attempt = () => throttled.anonymous().post('/api/auth/login').send({ email: 'throttle@example.no', password: 'guess' });
    await throttled.app.get(UsersService).create({ email: 'kari@example.no', name: 'Kari', password: 'correct horse battery' });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await attempt()).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
    const blocked = await attempt();
    expect(blocked.body.code).toBe('too_many_attempts');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    // Another e-mail from the same address is still let through.
    const other = await throttled.anonymous().post('/api/auth/login').send({ email: 'kari@example.no', password: 'correct horse battery' });
    expect(other.status).toBe(200);
  });
});
