import { caughtError } from '../../testing/caught-error';
import { FakeBluesky, xrpcError } from '../../testing/fake-bluesky';
import { requestMatching } from '../../testing/fake-http-server';
import { localOutbound } from '../../testing/local-outbound';
import type { ChannelConnection, MetricsRequest } from '../platform-adapter';
import { PlatformAuthError, PlatformInvalidContentError, PlatformRateLimitedError, PlatformTransientError } from '../platform-errors';
import { BlueskyAdapter } from './bluesky-adapter';

const NOW = Date.UTC(2026, 10, 22, 12, 0, 0);

describe('BlueskyAdapter.fetchMetrics against a fake PDS', () => {
  const fake = new FakeBluesky();
  let adapter: BlueskyAdapter;
  let connection: ChannelConnection;

  beforeAll(async () => {
    const pdsUrl = await fake.start();
    connection = { credentials: { identifier: fake.handle, appPassword: fake.appPassword }, settings: { pdsUrl } };
  });
  afterAll(() => fake.stop());
  beforeEach(() => {
    adapter = new BlueskyAdapter({ outbound: localOutbound(), now: () => NOW });
    fake.records.clear();
    fake.counts.clear();
    fake.server.received.length = 0;
  });

  const request = (externalId: string): MetricsRequest => ({
    externalId,
    externalUrl: null,
    publishedAt: new Date(NOW - 3_600_000),
    connection,
    timeoutMs: 2000,
  });
  const getPosts = requestMatching('GET', /app\.bsky\.feed\.getPosts$/);

  it('maps replies to comments, likes to reactions, reposts and quotes to shares, bookmarks to saves; no views', async () => {
    const post = fake.addPost('Brannøvelse', { replies: 2, reposts: 4, likes: 17, quotes: 1, bookmarks: 3 });

    const reading = await adapter.fetchMetrics(request(post.uri));

    expect(reading.numbers).toEqual({ comments: 2, reactions: 17, shares: 5, saves: 3 });
    expect(reading.raw).toMatchObject({ uri: post.uri, replyCount: 2, repostCount: 4, likeCount: 17, quoteCount: 1 });
    expect(fake.server.requestsTo('GET', /getPosts$/)[0]?.query.get('uris')).toBe(post.uri);
    expect(adapter.capabilities.metrics).toBe(true);
  });

  it('leaves a count the AppView does not send absent, never 0', async () => {
    const post = fake.addPost('Uten bokmerker', { replies: 0, reposts: 0, likes: 1, quotes: 0 });

    const reading = await adapter.fetchMetrics(request(post.uri));

    expect(reading.numbers).toEqual({ comments: 0, reactions: 1, shares: 0 });
    expect(reading.numbers).not.toHaveProperty('saves');
  });

  it('waits as long as the 429 says', async () => {
    const post = fake.addPost('Hei', { replies: 0, reposts: 0, likes: 0, quotes: 0 });
    fake.server.replyNext(getPosts, xrpcError(429, 'RateLimitExceeded', 'Rate Limit Exceeded', { 'retry-after': '60' }));

    const error = await caughtError(adapter.fetchMetrics(request(post.uri)), PlatformRateLimitedError);
    expect(error.retryAfterMs).toBe(60_000);
  });

  it('maps a 401 to an auth error', async () => {
    const post = fake.addPost('Hei', { replies: 0, reposts: 0, likes: 0, quotes: 0 });
    fake.server.replyNext(getPosts, xrpcError(401, 'AuthenticationRequired', 'Authentication Required'));

    const error = await caughtError(adapter.fetchMetrics(request(post.uri)), PlatformAuthError);
    expect(error.code).toBe('AuthenticationRequired');
  });

  it('renews an expired session once and reads the counts', async () => {
    const post = fake.addPost('Hei', { replies: 1, reposts: 0, likes: 0, quotes: 0 });
    await adapter.fetchMetrics(request(post.uri));
    fake.expireAccessTokens();

    await expect(adapter.fetchMetrics(request(post.uri))).resolves.toMatchObject({ numbers: { comments: 1 } });
  });

  it('says a post the AppView does not know is gone', async () => {
    const uri = `at://${fake.did}/app.bsky.feed.post/3lzzzzzzzzzzz`;

    const error = await caughtError(adapter.fetchMetrics(request(uri)), PlatformInvalidContentError);
    expect(error.message).toContain('was not found');
  });

  it('maps a 5xx to transient', async () => {
    const post = fake.addPost('Hei', { replies: 0, reposts: 0, likes: 0, quotes: 0 });
    fake.server.replyNext(getPosts, xrpcError(502, 'UpstreamFailure', 'Upstream Failure'));

    await caughtError(adapter.fetchMetrics(request(post.uri)), PlatformTransientError);
  });
});
