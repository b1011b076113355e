import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, utimesSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { testRedisUrl } from '../config/test-database';
import { createTestApp, type TestApp } from '../../testing';

/** The image's health check script, run as Docker runs it. */
const HEALTHCHECK = resolve(__dirname, '../../../../../../api/src/healthcheck.mjs');
function healthcheck(env: Record<string, string>): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [HEALTHCHECK], {
      env: { PATH: process.env['PATH'] ?? '', ...env },
      stdio: 'ignore',
      timeout: 10_000,
    });
    child.once('exit', (code) => resolve(code));
  });
}

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

  describe('liveness and readiness', () => {
    it('answers live without touching a dependency, and ready only while the database answers', async () => {
      const t = await boot();
      expect((await t.anonymous().get('/api/health/ready')).body).toEqual({ status: 'ok', database: 'up', redis: 'not_configured' });
      await t.db.destroy();
      const live = await t.anonymous().get('/api/health/live');
      expect(live.status).toBe(200);
      expect(live.body).toEqual({ status: 'ok' });
      expect(live.headers['cache-control']).toBe('no-store');
      const ready = await t.anonymous().get('/api/health/ready');
      expect(ready.status).toBe(503);
      expect(ready.body.database).toBe('down');
    });

    it('keeps an api-only process ready when Redis is down, but not a worker or a scheduler', async () => {
      const api = await boot({ REDIS_URL: 'redis://127.0.0.1:1', APP_ROLES: 'api' });
      const apiReady = await api.anonymous().get('/api/health/ready');
      expect(apiReady.status).toBe(200);
      expect(apiReady.body).toEqual({ status: 'ok', database: 'up', redis: 'down' });
      for (const roles of ['api,worker', 'api,scheduler']) {
        const t = await boot({ REDIS_URL: 'redis://127.0.0.1:1', APP_ROLES: roles });
        expect((await t.anonymous().get('/api/health/ready')).status).toBe(503);
      }
    });

    it('passes the image health check over HTTP only while ready', async () => {
      const t = await boot();
      await t.app.listen(0, '127.0.0.1');
      const port = String((t.app.getHttpServer().address() as AddressInfo).port);
      expect(await healthcheck({ PORT: port })).toBe(0);
      await t.db.destroy();
      expect(await healthcheck({ PORT: port })).toBe(1);
    });
  });

  describe('the heartbeat file (HEALTH_FILE)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kadens-heartbeat-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('is written while the process is ready, read by the health check, and removed at shutdown', async () => {
      const file = join(dir, 'worker');
      const t = await createTestApp([], { HEALTH_FILE: file });
      try {
        await waitFor(() => existsSync(file));
        expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ status: 'ok', database: 'up', pid: process.pid });
        expect(await healthcheck({ HEALTH_FILE: file })).toBe(0);
        const old = new Date(Date.now() - 31_000);
        utimesSync(file, old, old);
        expect(await healthcheck({ HEALTH_FILE: file })).toBe(1);
      } finally {
        await t.close();
      }
      expect(existsSync(file)).toBe(false);
      expect(await healthcheck({ HEALTH_FILE: file })).toBe(1);
    });

    it('is not written while a dependency the process needs is down', async () => {
      const file = join(dir, 'worker-without-redis');
      const t = await boot({ HEALTH_FILE: file, APP_ROLES: 'worker', REDIS_URL: 'redis://127.0.0.1:1' });
      await new Promise((done) => setTimeout(done, 1_500));
      expect(existsSync(file)).toBe(false);
      expect(await healthcheck({ HEALTH_FILE: file })).toBe(1);
      await t.close();
      apps.splice(apps.indexOf(t), 1);
    });
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((done) => setTimeout(done, 50));
  }
}
