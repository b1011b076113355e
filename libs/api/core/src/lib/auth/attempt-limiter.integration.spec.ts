import { randomBytes } from 'node:crypto';

import { createTestApp, type TestApp, testRedisUrl } from '../../testing';
import { UsersService } from './users.service';

const redisUrl = testRedisUrl();

describe('attempt limits shared between API processes', () => {
  (redisUrl ? describe : describe.skip)('through Redis (needs TEST_REDIS_URL)', () => {
    let first: TestApp;
    let second: TestApp;

    beforeAll(async () => {
      // Two apps (two "processes") on one Redis prefix; each has a database of its own, which does not matter to the counts.
      const env = {
        REDIS_URL: redisUrl ?? '',
        REDIS_PREFIX: `kadens-test-${randomBytes(4).toString('hex')}`,
        APP_ROLES: 'api',
        LOGIN_FAILURES_PER_ACCOUNT: '4',
      };
      [first, second] = await Promise.all([createTestApp([], env), createTestApp([], env)]);
      for (const app of [first, second])
        await app.app.get(UsersService).create({ email: 'kari@example.no', name: 'Kari', password: 'correct horse battery' });
    });
    afterAll(async () => {
      await first?.close();
      await second?.close();
    });

    it('adds up the failures both processes saw', async () => {
      const attempt = (app: TestApp, password: string) =>
        app.anonymous().post('/api/auth/login').send({ email: 'kari@example.no', password });
      const statuses = [];
      for (const app of [first, second, first, second]) statuses.push((await attempt(app, 'wrong guess')).status);
      expect(statuses).toEqual([401, 401, 401, 401]);
      expect((await attempt(first, 'correct horse battery')).status).toBe(429);
      expect((await attempt(second, 'correct horse battery')).status).toBe(429);
    });
  });

  describe('in memory, without Redis', () => {
    it('counts in each process on its own', async () => {
      const env = { APP_ROLES: 'api', LOGIN_FAILURES_PER_ACCOUNT: '2' };
      const [a, b] = await Promise.all([createTestApp([], env), createTestApp([], env)]);
      try {
        const attempt = (app: TestApp) =>
          app.anonymous().post('/api/auth/login').send({ email: 'kari@example.no', password: 'wrong guess' });
        expect([(await attempt(a)).status, (await attempt(a)).status, (await attempt(a)).status]).toEqual([401, 401, 429]);
        expect((await attempt(b)).status).toBe(401);
      } finally {
        await a.close();
        await b.close();
      }
    });
  });
});
