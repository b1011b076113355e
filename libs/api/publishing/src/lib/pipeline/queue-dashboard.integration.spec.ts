import { createTestApp, type TestApp, testRedisUrl } from '@kadens/api/core/testing';
import { DEMO_PASSWORD, DemoSeeder } from '@kadens/api/organizations';
import { randomBytes } from 'node:crypto';

import { PublishingModule } from '../publishing.module';
import { mountQueueDashboard } from './queue-dashboard';

const redisUrl = testRedisUrl();

describe('the queue dashboard at /admin/queues', () => {
  (redisUrl ? describe : describe.skip)('with Redis (needs TEST_REDIS_URL)', () => {
    let t: TestApp;

    beforeAll(async () => {
      t = await createTestApp([PublishingModule], { APP_ROLES: 'api', REDIS_URL: redisUrl ?? '', REDIS_PREFIX: `kadens-test-${randomBytes(4).toString('hex')}` }, mountQueueDashboard);
      await t.app.get(DemoSeeder).seed();
    });
    afterAll(() => t?.close());

    it('asks for a login first', async () => {
      const response = await t.anonymous().get('/admin/queues');
      expect(response.status).toBe(401);
      expect(response.body.code).toBe('not_authenticated');
    });

    it('refuses members who are not admins anywhere', async () => {
      const editor = await t.loginAs('editor@kadens.demo', DEMO_PASSWORD);
      const response = await editor.get('/admin/queues');
      expect(response.status).toBe(403);
      expect(response.body.code).toBe('permission_denied');
    });

    it('shows bull-board with the publishing queue to an admin', async () => {
      const admin = await t.loginAs('admin@kadens.demo', DEMO_PASSWORD);
      const page = await admin.get('/admin/queues');
      expect(page.status).toBe(200);
      expect(page.text).toContain('Kadens queues');
      const queues = await admin.get('/admin/queues/api/queues');
      expect(queues.status).toBe(200);
      expect(JSON.stringify(queues.body)).toContain('publishing');
    });
  });

  describe('without Redis', () => {
    let t: TestApp;

    beforeAll(async () => {
      t = await createTestApp([PublishingModule], { APP_ROLES: 'api' }, mountQueueDashboard);
      await t.app.get(DemoSeeder).seed();
    });
    afterAll(() => t?.close());

    it('tells an admin that there is no queue to show, and why', async () => {
      const admin = await t.loginAs('admin@kadens.demo', DEMO_PASSWORD);
      const response = await admin.get('/admin/queues');
      expect(response.status).toBe(404);
      expect(response.body).toMatchObject({ code: 'queue_dashboard_unavailable', message: expect.stringContaining('REDIS_URL') });
    });
  });
});
