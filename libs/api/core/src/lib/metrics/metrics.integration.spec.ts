import { createTestApp, freePort, metricSample, type TestApp } from '../../testing';
import { MetricsServer } from './metrics-server';
import { PublishingMetrics } from './publishing-metrics';

describe('Prometheus metrics', () => {
  let t: TestApp;
  let port: number;
  const scrape = async () => {
    const response = await fetch(`http://127.0.0.1:${port}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    return response.text();
  };

  beforeAll(async () => {
    port = await freePort();
    t = await createTestApp([], { METRICS_PORT: String(port), METRICS_HOST: '127.0.0.1' });
  });
  afterAll(() => t?.close());

  it('are off unless METRICS_PORT is set', async () => {
    const off = await createTestApp();
    try {
      expect(off.app.get(MetricsServer).port).toBeNull();
    } finally {
      await off.close();
    }
  });

  it('are served on their own port only, never on the public one', async () => {
    expect(t.app.get(MetricsServer).port).toBe(port);
    for (const path of ['/metrics', '/api/metrics']) expect((await t.anonymous().get(path)).status).toBe(404);
    expect((await fetch(`http://127.0.0.1:${port}/other`)).status).toBe(404);
    const text = await scrape();
    expect(text).toContain('process_cpu_user_seconds_total');
    expect(text).toContain('nodejs_eventloop_lag_seconds');
  });

  it('time HTTP requests by method, route template and status', async () => {
    await t.anonymous().get('/api/health/live').expect(200);
    await t.anonymous().post('/api/auth/login').send({}).expect(400);
    await t.anonymous().get('/api/no-such-thing/00000000-0000-4000-8000-000000000001').expect(404);
    const text = await scrape();
    const count = (method: string, route: string, status: string) =>
      metricSample(text, 'kadens_http_request_duration_seconds_count', { method, route, status });
    expect(count('GET', '/api/health/live', '200')).toBeGreaterThanOrEqual(1);
    expect(count('POST', '/api/auth/login', '400')).toBe(1);
    // A path nothing answers is counted under a template (the API's catch-all, or `unmatched`), never its raw path.
    expect(count('GET', '/api/{*path}', '404') ?? count('GET', 'unmatched', '404')).toBeGreaterThanOrEqual(1);
    expect(text).not.toContain('00000000-0000-4000-8000-000000000001');
    expect(
      metricSample(text, 'kadens_http_request_duration_seconds_bucket', { route: '/api/health/live', le: '+Inf' }),
    ).toBeGreaterThanOrEqual(1);
  });

  it('count targets by state from PostgreSQL', async () => {
    const text = await scrape();
    for (const state of ['scheduled', 'queued', 'publishing', 'failed', 'unconfirmed', 'held', 'expired']) {
      expect(metricSample(text, 'kadens_publish_targets', { state })).toBe(0);
    }
  });

  it('still answer while the database is down, without stale target counts', async () => {
    const ownPort = await freePort();
    const down = await createTestApp([], { METRICS_PORT: String(ownPort), METRICS_HOST: '127.0.0.1' });
    try {
      await down.db.destroy();
      const response = await fetch(`http://127.0.0.1:${ownPort}/metrics`);
      expect(response.status).toBe(200);
      const text = await response.text();
      expect(text).toContain('process_cpu_user_seconds_total');
      expect(text).not.toContain('kadens_publish_targets{');
    } finally {
      await down.close();
    }
  });

  it('record publish outcomes by platform and the lateness of published posts', async () => {
    const metrics = t.app.get(PublishingMetrics);
    const planned = new Date('2026-12-01T09:00:00Z');
    metrics.settled('mastodon', 'published', planned, planned.getTime() + 3_000);
    metrics.settled('mastodon', 'transient', planned, planned.getTime() + 4_000);
    const text = await scrape();
    expect(metricSample(text, 'kadens_publish_outcomes_total', { platform: 'mastodon', outcome: 'published' })).toBe(1);
    expect(metricSample(text, 'kadens_publish_outcomes_total', { platform: 'mastodon', outcome: 'transient' })).toBe(1);
    expect(metricSample(text, 'kadens_publish_lateness_seconds_count', { platform: 'mastodon' })).toBe(1);
    expect(metricSample(text, 'kadens_publish_lateness_seconds_sum', { platform: 'mastodon' })).toBe(3);
    expect(metricSample(text, 'kadens_publish_lateness_seconds_bucket', { platform: 'mastodon', le: '2' })).toBe(0);
    expect(metricSample(text, 'kadens_publish_lateness_seconds_bucket', { platform: 'mastodon', le: '5' })).toBe(1);
    // No queue is watched without Redis: the series is absent rather than zero.
    expect(text).not.toContain('kadens_publish_queue_jobs{');
  });
});
