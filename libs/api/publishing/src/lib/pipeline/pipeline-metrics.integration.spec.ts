import { createTestApp, freePort, isolatedAppEnv, metricSample, queueVariants, type TestApp } from '@kadens/api/core/testing';
import { FakeWebhookReceiver } from '@kadens/api/platforms/testing';
import { PostsModule } from '@kadens/api/posts';

import { PublishingFixture } from '../../testing/publishing-fixture';
import { PublishingModule } from '../publishing.module';

const SECRET = 'whsec-0123456789abcdef';

/** The pipeline's one metrics hook: every settled attempt is counted, a publish also timed against its plan. */
describe.each(queueVariants())('publishing metrics through %s', (name, queueEnv: Record<string, string>) => {
  let t: TestApp;
  let f: PublishingFixture;
  let port: number;
  const receiver = new FakeWebhookReceiver();
  const scrape = () => fetch(`http://127.0.0.1:${port}/metrics`).then((r) => r.text());

  beforeAll(async () => {
    await receiver.start();
    port = await freePort();
    t = await createTestApp([PostsModule, PublishingModule], {
      ...queueEnv,
      METRICS_PORT: String(port),
      METRICS_HOST: '127.0.0.1',
      // The webhook receiver listens on loopback.
      OUTBOUND_ALLOW_HOSTS: '127.0.0.1',
      ...isolatedAppEnv(),
      PUBLISH_DISPATCH_INTERVAL_MS: '100',
      PUBLISH_RECONCILE_INTERVAL_MS: '3600000',
      PUBLISH_LOOKAHEAD_MS: '5000',
    });
    f = await new PublishingFixture(t).seed();
  });

  afterAll(async () => {
    await t?.close();
    await receiver.stop();
  });

  it('counts outcomes by platform, the lateness of publishes, targets by state and the queue', async () => {
    const channel = await f.webhookChannel('Intranett', receiver.url, SECRET);
    const plannedAt = new Date(Date.now() + 300);
    const posts = await f.approvedPosts(2, plannedAt, [channel]);
    for (const deadline = Date.now() + 15_000; JSON.stringify(await f.targetStates(posts)) !== JSON.stringify({ published: 2 });) {
      if (Date.now() > deadline) throw new Error(`not published: ${JSON.stringify(await f.targetStates(posts))}`);
      await new Promise((done) => setTimeout(done, 100));
    }
    const text = await scrape();
    expect(metricSample(text, 'kadens_publish_outcomes_total', { platform: 'webhook', outcome: 'published' })).toBe(2);
    expect(metricSample(text, 'kadens_publish_lateness_seconds_count', { platform: 'webhook' })).toBe(2);
    const lateness = metricSample(text, 'kadens_publish_lateness_seconds_sum', { platform: 'webhook' }) ?? -1;
    expect(lateness).toBeGreaterThanOrEqual(0);
    expect(lateness).toBeLessThan(2 * 30);
    expect(metricSample(text, 'kadens_publish_targets', { state: 'queued' })).toBe(0);
    if (name.startsWith('BullMQ')) {
      for (const state of ['waiting', 'delayed', 'active'])
        expect(metricSample(text, 'kadens_publish_queue_jobs', { state })).toEqual(expect.any(Number));
    } else {
      expect(text).not.toContain('kadens_publish_queue_jobs{');
    }
  });

  it('labels HTTP latency with the route template, not the ids in the path', async () => {
    await f.admin.get(f.url('publishing/status')).expect(200);
    const text = await scrape();
    expect(
      metricSample(text, 'kadens_http_request_duration_seconds_count', {
        method: 'GET',
        route: '/api/organizations/:organizationId/publishing/status',
        status: '200',
      }),
    ).toBeGreaterThanOrEqual(1);
    expect(text).not.toContain(f.organizationId);
  });
});
