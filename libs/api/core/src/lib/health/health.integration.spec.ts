import { testRedisUrl } from '../config/test-database';
import { createTestApp, type TestApp } from '../../testing';

describe('GET /api/health', () => {
  const apps: TestApp[] = [];
  afterAll(() => Promise.all(apps.map((app) => app.close())));

  async function boot(env: Record<string, string> = {}): Promise<TestApp> {
    const app = await createTestApp([], env);
    apps.push(app);
    return app;
  }

  it('answers 200 without login when the database answers and Redis is not configured', async () => {
    const t = await boot();
    const response = await t.anonymous().get('/api/health');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok', database: 'up', redis: 'not_configured' });
  });

  it('answers 503 when the configured Redis does not answer', async () => {
    const t = await boot({ REDIS_URL: 'redis://127.0.0.1:1' });
    const response = await t.anonymous().get('/api/health');
    expect(response.status).toBe(503);
    expect(response.body).toEqual({ status: 'unavailable', database: 'up', redis: 'down' });
  });

  it('answers 503 when the database goes away', async () => {
    const t = await boot();
    await t.db.destroy();
    const response = await t.anonymous().get('/api/health');
    expect(response.status).toBe(503);
    expect(response.body.database).toBe('down');
  });

  const redisUrl = testRedisUrl();
  (redisUrl ? it : it.skip)('answers 200 when the configured Redis answers (needs TEST_REDIS_URL)', async () => {
    const t = await boot({ REDIS_URL: redisUrl ?? '' });
    const response = await t.anonymous().get('/api/health');
    expect(response.status).toBe(200);
    expect(response.body.redis).toBe('up');
  });
});
