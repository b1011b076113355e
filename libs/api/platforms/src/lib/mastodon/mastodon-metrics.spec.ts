import { caughtError } from '../../testing/caught-error';
import { requestMatching } from '../../testing/fake-http-server';
import { FakeMastodon, mastodonRateLimitHeaders } from '../../testing/fake-mastodon';
import { localOutbound } from '../../testing/local-outbound';
import type { ChannelConnection, MetricsRequest } from '../platform-adapter';
import { PlatformAuthError, PlatformInvalidContentError, PlatformRateLimitedError, PlatformTransientError } from '../platform-errors';
import { MastodonAdapter } from './mastodon-adapter';

const NOW = Date.UTC(2026, 10, 22, 12, 0, 0);

describe('MastodonAdapter.fetchMetrics against a fake instance', () => {
  const fake = new FakeMastodon();
  const adapter = new MastodonAdapter({ outbound: localOutbound(), now: () => NOW });
  let connection: ChannelConnection;

  beforeAll(async () => {
    const instanceUrl = await fake.start();
    connection = { credentials: { accessToken: fake.accessToken }, settings: { instanceUrl } };
  });
  afterAll(() => fake.stop());
  beforeEach(() => {
    fake.statuses.length = 0;
    fake.server.received.length = 0;
    fake.reportsQuotes = true;
  });

  const request = (externalId: string): MetricsRequest => ({
    externalId,
    externalUrl: null,
    publishedAt: new Date(NOW - 3_600_000),
    connection,
    timeoutMs: 2000,
  });
  const statusRead = requestMatching('GET', /^\/api\/v1\/statuses\/\d+$/);

  it('maps replies to comments, favourites to reactions, boosts and quotes to shares, and leaves the rest absent', async () => {
    const status = fake.addStatus({ replies: 3, reblogs: 5, favourites: 12, quotes: 2 });

    const reading = await adapter.fetchMetrics(request(status.id));

    expect(reading.numbers).toEqual({ comments: 3, reactions: 12, shares: 7 });
    expect(reading.raw).toMatchObject({ id: status.id, replies_count: 3, reblogs_count: 5, favourites_count: 12, quotes_count: 2 });
    expect(reading.missing).toBeUndefined();
    expect(fake.server.received[0]?.headers['authorization']).toBe(`Bearer ${fake.accessToken}`);
    expect(adapter.capabilities.metrics).toBe(true);
  });

  it('counts boosts alone as shares on an instance older than quotes (4.5)', async () => {
    fake.reportsQuotes = false;
    const status = fake.addStatus({ replies: 0, reblogs: 4, favourites: 1 });

    const reading = await adapter.fetchMetrics(request(status.id));

    expect(reading.numbers).toEqual({ comments: 0, reactions: 1, shares: 4 });
    expect(reading.raw).not.toHaveProperty('quotes_count');
  });

  it('waits as long as Retry-After says on a 429', async () => {
    const status = fake.addStatus({ replies: 0, reblogs: 0, favourites: 0 });
    fake.server.replyNext(statusRead, { status: 429, headers: { 'retry-after': '120' }, json: { error: 'Too many requests' } });

    const error = await caughtError(adapter.fetchMetrics(request(status.id)), PlatformRateLimitedError);
    expect(error.retryAfterMs).toBe(120_000);
  });

  it("prefers Mastodon's own X-RateLimit-Reset on a 429", async () => {
    const status = fake.addStatus({ replies: 0, reblogs: 0, favourites: 0 });
    fake.server.replyNext(statusRead, {
      status: 429,
      headers: mastodonRateLimitHeaders(0, new Date(NOW + 90_000)),
      json: { error: 'Too many requests' },
    });

    const error = await caughtError(adapter.fetchMetrics(request(status.id)), PlatformRateLimitedError);
    expect(error.retryAfterMs).toBe(90_000);
  });

  it('maps a 401 to an auth error (reconnect needed)', async () => {
    const status = fake.addStatus({ replies: 0, reblogs: 0, favourites: 0 });
    const stale = { ...connection, credentials: { accessToken: 'an-old-token' } };

    const error = await caughtError(adapter.fetchMetrics({ ...request(status.id), connection: stale }), PlatformAuthError);
    expect(error.message).toContain('The access token is invalid');
  });

  it("says a deleted status is gone, in the instance's words", async () => {
    const status = fake.addStatus({ replies: 1, reblogs: 1, favourites: 1 });
    fake.deleteStatus(status.id);

    const error = await caughtError(adapter.fetchMetrics(request(status.id)), PlatformInvalidContentError);
    expect(error.message).toContain('Record not found');
    expect(error.status).toBe(404);
  });

  it('maps a 5xx and a slow instance to transient', async () => {
    const status = fake.addStatus({ replies: 0, reblogs: 0, favourites: 0 });
    fake.server.replyNext(statusRead, { status: 503, json: { error: 'Service unavailable' } });
    await caughtError(adapter.fetchMetrics(request(status.id)), PlatformTransientError);

    fake.statusReadDelayMs = 300;
    try {
      await caughtError(adapter.fetchMetrics({ ...request(status.id), timeoutMs: 100 }), PlatformTransientError);
    } finally {
      fake.statusReadDelayMs = 0;
    }
  });

  it('answers status reads after statusReadDelayMs (for the collection benchmark)', async () => {
    const status = fake.addStatus({ replies: 2, reblogs: 0, favourites: 0 });
    fake.statusReadDelayMs = 100;
    try {
      const started = performance.now();
      await expect(adapter.fetchMetrics(request(status.id))).resolves.toMatchObject({ numbers: { comments: 2 } });
      expect(performance.now() - started).toBeGreaterThanOrEqual(95);
    } finally {
      fake.statusReadDelayMs = 0;
    }
  });
});
