import { caughtError } from '../../testing/caught-error';
import { expiredGraphToken, graphError, graphRateLimited } from '../../testing/fake-graph-errors';
import { requestMatching } from '../../testing/fake-http-server';
import { FakeInstagram } from '../../testing/fake-instagram';
import { localOutbound } from '../../testing/local-outbound';
import type { ChannelConnection, MetricsRequest } from '../platform-adapter';
import { PlatformAuthError, PlatformInvalidContentError, PlatformRateLimitedError, PlatformTransientError } from '../platform-errors';
import { InstagramAdapter } from './instagram-adapter';

const NOW = Date.UTC(2026, 10, 22, 12, 0, 0);

describe('InstagramAdapter.fetchMetrics against a fake Graph API', () => {
  const fake = new FakeInstagram();
  let adapter: InstagramAdapter;
  let connection: ChannelConnection;

  beforeAll(async () => {
    const baseUrl = await fake.start();
    connection = { baseUrl, credentials: { accessToken: fake.accessToken }, settings: { igUserId: fake.igUserId } };
  });
  afterAll(() => fake.stop());
  beforeEach(() => {
    adapter = new InstagramAdapter({ outbound: localOutbound(), now: () => NOW });
    fake.media.length = 0;
    fake.server.received.length = 0;
    fake.retiredMetrics.delete('shares');
  });

  const request = (externalId: string): MetricsRequest => ({
    externalId,
    externalUrl: null,
    publishedAt: new Date(NOW - 86_400_000),
    connection,
    timeoutMs: 2000,
  });
  const insights = requestMatching('GET', /\/insights$/);
  const full = { views: 1500, reach: 900, likes: 120, comments: 14, shares: 9, saved: 31, total_interactions: 174 };

  it('maps views, reach, likes, comments, shares and saves; clicks and video views absent', async () => {
    const media = fake.addMedia('Sommerstengt', full);

    const reading = await adapter.fetchMetrics(request(media.id));

    expect(reading.numbers).toEqual({ views: 1500, reach: 900, reactions: 120, comments: 14, shares: 9, saves: 31 });
    expect(reading.missing).toBeUndefined();
    const asked = fake.server.requestsTo('GET', /\/insights$/);
    expect(asked).toHaveLength(1);
    expect(asked[0]?.query.get('metric')).toBe('views,reach,likes,comments,shares,saved,total_interactions');
    expect(adapter.capabilities.metrics).toBe(true);
  });

  it('leaves a metric Instagram has no data for absent, never 0', async () => {
    const media = fake.addMedia('Ny', { likes: 2, comments: 0 });

    const reading = await adapter.fetchMetrics(request(media.id));

    expect(reading.numbers).toEqual({ reactions: 2, comments: 0 });
  });

  it('keeps the other metrics when Instagram refuses a retired one (code 100, named), and lists it as missing', async () => {
    fake.retiredMetrics.add('shares');
    const media = fake.addMedia('Pensjonert', full);

    const reading = await adapter.fetchMetrics(request(media.id));

    expect(reading.numbers).toEqual({ views: 1500, reach: 900, reactions: 120, comments: 14, saves: 31 });
    expect(reading.missing).toEqual([{ metric: 'shares', reason: expect.stringContaining('the shares metric is no longer supported') }]);
    // Named in the message: checked alone, then the rest asked together — three requests, not eight.
    expect(fake.server.requestsTo('GET', /\/insights$/).map((asked) => asked.query.get('metric'))).toEqual([
      'views,reach,likes,comments,shares,saved,total_interactions',
      'shares',
      'views,reach,likes,comments,saved,total_interactions',
    ]);
  });

  it('reads a story under the privacy threshold (code 10, "not enough viewers") as no numbers, not as a lost connection', async () => {
    const media = fake.addMedia('Historie', full);
    fake.server.replyNext(insights, graphError(400, 10, '(#10) Not enough viewers for the media to show insights'));

    const reading = await adapter.fetchMetrics(request(media.id));

    expect(reading.numbers).toEqual({});
    expect(reading.missing?.map((entry) => entry.metric)).toEqual([
      'views',
      'reach',
      'likes',
      'comments',
      'shares',
      'saved',
      'total_interactions',
    ]);
    expect(reading.missing?.[0]?.reason).toContain('Not enough viewers');
  });

  it('rate limits on code 4 with the business-use-case wait', async () => {
    const media = fake.addMedia('Hei', full);
    fake.server.replyNext(insights, graphRateLimited(4, 5));

    const error = await caughtError(adapter.fetchMetrics(request(media.id)), PlatformRateLimitedError);
    expect(error.retryAfterMs).toBe(5 * 60_000);
  });

  it('maps an HTTP 429 to rate limited', async () => {
    const media = fake.addMedia('Hei', full);
    fake.server.replyNext(insights, { status: 429, headers: { 'retry-after': '30' }, json: {} });

    await caughtError(adapter.fetchMetrics(request(media.id)), PlatformRateLimitedError);
  });

  it('maps an expired token and a 401 to auth errors', async () => {
    const media = fake.addMedia('Hei', full);
    fake.server.replyNext(insights, expiredGraphToken());
    await caughtError(adapter.fetchMetrics(request(media.id)), PlatformAuthError);

    fake.server.replyNext(insights, { status: 401, json: { error: { message: 'Unauthorized', code: 190 } } });
    await caughtError(adapter.fetchMetrics(request(media.id)), PlatformAuthError);
  });

  it("says a deleted media is gone, in Graph's words, and a 5xx is transient", async () => {
    const error = await caughtError(adapter.fetchMetrics(request('17999999999')), PlatformInvalidContentError);
    expect(error.message).toContain('does not exist');

    const media = fake.addMedia('Hei', full);
    fake.server.replyNext(insights, { status: 500, json: { error: { message: 'An unknown error occurred', code: 1 } } });
    await caughtError(adapter.fetchMetrics(request(media.id)), PlatformTransientError);
  });
});
