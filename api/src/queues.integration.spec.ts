import { UsersService } from '@kadens/api/core';
import { createTestApp, type TestApp, testRedisUrl } from '@kadens/api/core/testing';
import { DEMO_PASSWORD } from '@kadens/api/organizations';
import { PublishingModule } from '@kadens/api/publishing';
import { ResultsModule } from '@kadens/api/results';
import { randomBytes } from 'node:crypto';

import { mountQueues } from './queues';

const redisUrl = testRedisUrl();

(redisUrl ? describe : describe.skip)('the queue dashboard of the whole installation (needs TEST_REDIS_URL)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp(
      [PublishingModule, ResultsModule],
      {
        APP_ROLES: 'api',
        REDIS_URL: redisUrl ?? '',
        REDIS_PREFIX: `kadens-test-${randomBytes(4).toString('hex')}`,
        OPERATOR_EMAILS: 'ops@kadens.demo',
      },
      mountQueues,
    );
    await t.app.get(UsersService).create({ email: 'ops@kadens.demo', name: 'Olga Operatør', password: DEMO_PASSWORD });
  });
  afterAll(() => t?.close());

  it('shows the results queue beside the publishing queue', async () => {
    const operator = await t.loginAs('ops@kadens.demo', DEMO_PASSWORD);
    const response = await operator.get('/admin/queues/api/queues');
    expect(response.status).toBe(200);
    const names = (response.body.queues as Array<{ name: string }>).map((queue) => queue.name).sort();
    expect(names).toEqual(['publishing', 'results']);
  });
});
