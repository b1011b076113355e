import { caughtError } from '../../testing/caught-error';
import { requestMatching } from '../../testing/fake-http-server';
import { FakeX, xProblem, xRateLimitHeaders } from '../../testing/fake-x';
import { localOutbound } from '../../testing/local-outbound';
import type { ChannelConnection, MetricsRequest } from '../platform-adapter';
import { PlatformAuthError, PlatformInvalidContentError, PlatformRateLimitedError, PlatformTransientError } from '../platform-errors';
import { XAdapter } from './x-adapter';

const NOW = Date.UTC(2026, 10, 22, 12, 0, 0);
const NOW_S = NOW / 1000;

describe('XAdapter.fetchMetrics against a fake API v2', () => {
  const fake = new FakeX();
  const adapter = new XAdapter({ outbound: localOutbound(), now: () => NOW });
  let connection: ChannelConnection;

  beforeAll(async () => {
    const baseUrl = await fake.start();
    connection = { baseUrl, credentials: { accessToken: fake.accessToken }, settings: {} };
  });
  afterAll(() => fake.stop());
  beforeEach(() => {
    fake.tweets.length = 0;
    fake.server.received.length = 0;
  });

  const request = (externalId: string): MetricsRequest => ({
    externalId,
    externalUrl: null,
    publishedAt: new Date(NOW - 3_600_000),
    connection,
    timeoutMs: 2000,
  });
  const readTweet = requestMatching('GET', /^\/2\/tweets\/\d+$/);
  const metrics = { retweet_count: 4, reply_count: 2, like_count: 30, quote_count: 1, bookmark_count: 5, impression_count: 1200 };

  it('maps public metrics to views, reactions, comments, shares (reposts + quotes) and saves; reach and clicks absent', async () => {
    const tweet = fake.addTweet('Skolen er stengt', metrics);

    const reading = await adapter.fetchMetrics(request(tweet.id));

    expect(reading.numbers).toEqual({ views: 1200, reactions: 30, comments: 2, shares: 5, saves: 5 });
    expect(reading.raw).toEqual({ id: tweet.id, public_metrics: metrics });
    expect(fake.server.received[0]?.query.get('tweet.fields')).toBe('public_metrics');
    expect(adapter.capabilities.metrics).toBe(true);
  });

  it('leaves a metric X did not send absent, never 0', async () => {
    const tweet = fake.addTweet('Uten visninger', metrics);
    fake.server.replyNext(readTweet, {
      status: 200,
      json: { data: { id: tweet.id, text: tweet.text, public_metrics: { like_count: 3, reply_count: 0 } } },
    });

    const reading = await adapter.fetchMetrics(request(tweet.id));

    expect(reading.numbers).toEqual({ reactions: 3, comments: 0 });
  });

  it('waits until x-rate-limit-reset on a 429', async () => {
    const tweet = fake.addTweet('Hei', metrics);
    fake.server.replyNext(
      readTweet,
      xProblem(429, 'Too Many Requests', 'Too Many Requests', 'about:blank', xRateLimitHeaders(0, NOW_S + 600)),
    );

    const error = await caughtError(adapter.fetchMetrics(request(tweet.id)), PlatformRateLimitedError);
    expect(error.retryAfterMs).toBe(600_000);
  });

  it('maps a 401 (expired token) to an auth error', async () => {
    const tweet = fake.addTweet('Hei', metrics);
    const stale = { ...connection, credentials: { accessToken: 'expired' } };

    await caughtError(adapter.fetchMetrics({ ...request(tweet.id), connection: stale }), PlatformAuthError);
  });

  it("says a deleted post is gone, in X's words", async () => {
    const error = await caughtError(adapter.fetchMetrics(request('1861000000000000999')), PlatformInvalidContentError);
    expect(error.message).toContain('Could not find tweet with id: [1861000000000000999]');
    expect(error.code).toBe('https://api.twitter.com/2/problems/resource-not-found');
  });

  it('maps a 5xx to transient', async () => {
    const tweet = fake.addTweet('Hei', metrics);
    fake.server.replyNext(readTweet, xProblem(503, 'Service Unavailable', 'Service Unavailable', 'about:blank'));

    await caughtError(adapter.fetchMetrics(request(tweet.id)), PlatformTransientError);
  });
});
