import { caughtError } from '../../testing/caught-error';
import { FakeFacebook, type FakeFacebookResults } from '../../testing/fake-facebook';
import { expiredGraphToken, graphRateLimited } from '../../testing/fake-graph-errors';
import { requestMatching } from '../../testing/fake-http-server';
import { localOutbound } from '../../testing/local-outbound';
import type { ChannelConnection, MetricsRequest } from '../platform-adapter';
import { PlatformAuthError, PlatformInvalidContentError, PlatformRateLimitedError } from '../platform-errors';
import { FacebookAdapter } from './facebook-adapter';

const NOW = Date.UTC(2026, 10, 22, 12, 0, 0);

describe('FacebookAdapter.fetchMetrics against a fake Graph API', () => {
  const fake = new FakeFacebook();
  let adapter: FacebookAdapter;
  let connection: ChannelConnection;

  beforeAll(async () => {
    const baseUrl = await fake.start();
    connection = { baseUrl, credentials: { accessToken: fake.accessToken }, settings: { pageId: fake.pageId } };
  });
  afterAll(() => fake.stop());
  beforeEach(() => {
    adapter = new FacebookAdapter({ outbound: localOutbound(), now: () => NOW });
    fake.posts.length = 0;
    fake.server.received.length = 0;
    fake.retiredMetrics.delete('post_clicks');
  });

  const request = (externalId: string): MetricsRequest => ({
    externalId,
    externalUrl: null,
    publishedAt: new Date(NOW - 86_400_000),
    connection,
    timeoutMs: 2000,
  });
  const results: FakeFacebookResults = {
    insights: {
      post_media_view: 840,
      post_total_media_view_unique: 610,
      post_reactions_by_type_total: { like: 21, love: 4, wow: 1 },
      post_clicks: 37,
      post_video_views: 0,
    },
    comments: 6,
    shares: 3,
  };
  const insights = () => fake.server.requestsTo('GET', /\/insights$/);

  it('maps views, reach, reactions (all kinds), clicks, comments and shares; saves absent', async () => {
    const post = fake.addPost('Vannet er stengt', results);

    const reading = await adapter.fetchMetrics(request(post.id));

    expect(reading.numbers).toEqual({ views: 840, reach: 610, reactions: 26, clicks: 37, comments: 6, shares: 3 });
    expect(reading.missing).toBeUndefined();
    expect(insights()).toHaveLength(1);
    expect(insights()[0]?.query.get('metric')).toBe(
      'post_media_view,post_total_media_view_unique,post_reactions_by_type_total,post_clicks',
    );
    expect(insights()[0]?.query.get('period')).toBe('lifetime');
    expect(JSON.stringify(reading.raw)).not.toContain(fake.accessToken);
    expect(adapter.capabilities.metrics).toBe(true);
  });

  it('reads 0 shares when Graph leaves `shares` out of a post nobody shared', async () => {
    const post = fake.addPost('Ingen delinger', { ...results, shares: 0 });

    const reading = await adapter.fetchMetrics(request(post.id));

    expect(reading.numbers.shares).toBe(0);
  });

  it('keeps the other metrics when Graph refuses a retired one (code 100), and lists it as missing', async () => {
    fake.retiredMetrics.add('post_clicks');
    const post = fake.addPost('Pensjonert metrikk', results);

    const reading = await adapter.fetchMetrics(request(post.id));

    expect(reading.numbers).toEqual({ views: 840, reach: 610, reactions: 26, comments: 6, shares: 3 });
    expect(reading.numbers).not.toHaveProperty('clicks');
    expect(reading.missing).toEqual([{ metric: 'post_clicks', reason: expect.stringContaining('valid insights metric') }]);

    // The next reading of this process does not ask for the refused name again.
    fake.server.received.length = 0;
    const again = await adapter.fetchMetrics(request(post.id));
    expect(again.numbers).toEqual(reading.numbers);
    expect(again.missing).toEqual(reading.missing);
    expect(insights()).toHaveLength(1);
    expect(insights()[0]?.query.get('metric')).not.toContain('post_clicks');
  });

  it('reads a video published by itself through its feed post, with video views', async () => {
    const { video } = fake.addVideoPost('Film fra brannøvelsen', { ...results, insights: { ...results.insights, post_video_views: 412 } });

    const reading = await adapter.fetchMetrics(request(video.id));

    expect(reading.numbers).toMatchObject({ views: 840, videoViews: 412, comments: 6 });
  });

  it("waits as long as Meta's business-use-case header says on a rate limit", async () => {
    const post = fake.addPost('Hei', results);
    fake.server.replyNext(requestMatching('GET', /\/insights$/), graphRateLimited(32, 12));

    const error = await caughtError(adapter.fetchMetrics(request(post.id)), PlatformRateLimitedError);
    expect(error.retryAfterMs).toBe(12 * 60_000);
  });

  it('maps an HTTP 429 to rate limited too', async () => {
    const post = fake.addPost('Hei', results);
    fake.server.replyNext(requestMatching('GET', /\/insights$/), { status: 429, headers: { 'retry-after': '30' }, json: {} });

    await caughtError(adapter.fetchMetrics(request(post.id)), PlatformRateLimitedError);
  });

  it('maps an expired token (code 190) and a 401 to auth errors', async () => {
    const post = fake.addPost('Hei', results);
    fake.server.replyNext(requestMatching('GET', /\/insights$/), expiredGraphToken());
    await caughtError(adapter.fetchMetrics(request(post.id)), PlatformAuthError);

    fake.server.replyNext(requestMatching('GET', /./), { status: 401, json: { error: { message: 'Unauthorized', code: 190 } } });
    await caughtError(adapter.fetchMetrics(request(post.id)), PlatformAuthError);
  });

  it("says a deleted post is gone, in Graph's words", async () => {
    const error = await caughtError(adapter.fetchMetrics(request(`${fake.pageId}_999999`)), PlatformInvalidContentError);
    expect(error.message).toContain('does not exist');
    expect(error.code).toBe('100/33');
  });
});
