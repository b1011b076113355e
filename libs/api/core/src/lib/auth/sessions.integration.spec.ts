import { createTestApp, type TestApp } from '../../testing';
import { UsersService } from './users.service';

const PASSWORD = 'correct horse battery';
const FIREFOX = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0';

describe("one's own sessions against PostgreSQL", () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp([], { TRUST_PROXY: 'loopback' });
    await t.app.get(UsersService).create({ email: 'kari@example.no', name: 'Kari', password: PASSWORD });
    await t.app.get(UsersService).create({ email: 'ola@example.no', name: 'Ola', password: PASSWORD });
  });
  afterAll(() => t?.close());

  const loginFrom = async (address: string, agent = FIREFOX) => {
    const client = t.anonymous();
    const response = await client
      .post('/api/auth/login')
      .set('X-Forwarded-For', address)
      .set('User-Agent', agent)
      .send({ email: 'kari@example.no', password: PASSWORD });
    expect(response.status).toBe(200);
    return client;
  };

  it('lists them with browser and shortened address, marks this one, and stores no full address', async () => {
    const here = await loginFrom('192.0.2.17');
    await loginFrom('2001:db8:1:2::5', 'curl/8.5.0');
    const response = await here.get('/api/me/sessions');
    expect(response.status).toBe(200);
    expect(response.body).toEqual(
      expect.arrayContaining([
        {
          id: expect.any(String),
          createdAt: expect.any(String),
          lastUsedAt: expect.any(String),
          device: 'Firefox on Windows',
          address: '192.0.2.x',
          current: true,
        },
        expect.objectContaining({ device: 'curl', address: '2001:db8:1::/48', current: false }),
      ]),
    );
    expect(JSON.stringify(await t.db.query(`SELECT * FROM sessions`))).not.toContain('192.0.2.17');
  });

  it("ends one of them, and refuses to end another person's", async () => {
    const here = await loginFrom('192.0.2.20');
    const there = await loginFrom('192.0.2.21');
    const others = await t.loginAs('ola@example.no', PASSWORD);
    const listed: Array<{ id: string; current: boolean }> = (await here.get('/api/me/sessions')).body;
    const thereId = (await there.get('/api/me/sessions')).body.find((s: { current: boolean }) => s.current).id;
    expect(listed.map((s) => s.id)).toContain(thereId);

    expect((await others.delete(`/api/me/sessions/${thereId}`)).status).toBe(404);
    expect((await here.delete(`/api/me/sessions/${thereId}`)).status).toBe(204);
    expect((await there.get('/api/me/sessions')).status).toBe(401);
    expect((await here.get('/api/me/sessions')).status).toBe(200);
    expect((await here.delete('/api/me/sessions/not-a-uuid')).body.errors[0].field).toBe('sessionId');
  });

  it('logs out everywhere, this device included, and leaves other people logged in', async () => {
    const a = await loginFrom('192.0.2.30');
    const b = await loginFrom('192.0.2.31');
    const ola = await t.loginAs('ola@example.no', PASSWORD);
    const response = await a.post('/api/auth/logout-everywhere');
    expect(response.status).toBe(204);
    expect(String(response.headers['set-cookie'])).toMatch(/kadens_session=;/);
    expect((await a.get('/api/me/sessions')).status).toBe(401);
    expect((await b.get('/api/me/sessions')).status).toBe(401);
    expect((await ola.get('/api/me/sessions')).status).toBe(200);
    const [{ count }] = await t.db.query(
      `SELECT count(*)::int AS count FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.email = 'kari@example.no'`,
    );
    expect(count).toBe(0);
    expect((await t.anonymous().post('/api/auth/logout-everywhere')).status).toBe(401);
  });
});
