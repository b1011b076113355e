import { UsersService } from '@kadens/api/core';
import { createTestApp, type TestApp, testRedisUrl } from '@kadens/api/core/testing';
import { DEMO_PASSWORD, DemoSeeder } from '@kadens/api/organizations';
import { randomBytes } from 'node:crypto';

import { PublishingModule } from '../../publishing.module';
import { mountQueueDashboard } from './queue-dashboard';

const redisUrl = testRedisUrl();

describe('the queue dashboard at /admin/queues', () => {
  (redisUrl ? describe : describe.skip)('with Redis (needs TEST_REDIS_URL)', () => {
    let t: TestApp;

    beforeAll(async () => {
      t = await createTestApp(
        [PublishingModule],
        {
          APP_ROLES: 'api',
          REDIS_URL: redisUrl ?? '',
          REDIS_PREFIX: `kadens-test-${randomBytes(4).toString('hex')}`,
          OPERATOR_EMAILS: 'ops@kadens.demo',
        },
        mountQueueDashboard,
      );
      await t.app.get(DemoSeeder).seed();
      await t.app.get(UsersService).create({ email: 'ops@kadens.demo', name: 'Olga Operatør', password: DEMO_PASSWORD });
    });
    afterAll(() => t?.close());

    it('asks for a login first', async () => {
      const response = await t.anonymous().get('/admin/queues');
      expect(response.status).toBe(401);
      expect(response.body.code).toBe('not_authenticated');
    });

    it.each(['editor', 'admin'])('refuses an organisation %s who is not an operator, pages and API alike', async (role) => {
      const member = await t.loginAs(`${role}@kadens.demo`, DEMO_PASSWORD);
      for (const path of ['/admin/queues', '/admin/queues/api/queues']) {
        const response = await member.get(path);
        expect(response.status).toBe(403);
        expect(response.body).toMatchObject({ code: 'permission_denied', message: expect.stringContaining('operators') });
      }
    });

    it('shows bull-board with the publishing queue to an operator, who need belong to no organisation', async () => {
      const operator = await t.loginAs('OPS@kadens.demo', DEMO_PASSWORD);
      const page = await operator.get('/admin/queues');
      expect(page.status).toBe(200);
      expect(page.text).toContain('Kadens queues');
      const queues = await operator.get('/admin/queues/api/queues');
      expect(queues.status).toBe(200);
      expect(JSON.stringify(queues.body)).toContain('publishing');
    });
  });

  describe('without Redis', () => {
    let t: TestApp;

    beforeAll(async () => {
      t = await createTestApp([PublishingModule], { APP_ROLES: 'api', OPERATOR_EMAILS: 'admin@kadens.demo' }, mountQueueDashboard);
      await t.app.get(DemoSeeder).seed();
    });
    afterAll(() => t?.close());

    it('tells an operator that there is no queue to show, and why', async () => {
      const admin = await t.loginAs('admin@kadens.demo', DEMO_PASSWORD);
      const response = await admin.get('/admin/queues');
      expect(response.status).toBe(404);
      expect(response.body).toMatchObject({ code: 'queue_dashboard_unavailable', message: expect.stringContaining('REDIS_URL') });
    });
  });
});
