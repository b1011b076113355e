import { caughtError } from '../../testing/caught-error';
import { requestMatching } from '../../testing/fake-http-server';
import { FakeWordPress, wordpressError } from '../../testing/fake-wordpress';
import { localOutbound } from '../../testing/local-outbound';
import type { ChannelConnection, MetricsRequest } from '../platform-adapter';
import { PlatformAuthError, PlatformInvalidContentError, PlatformRateLimitedError, PlatformTransientError } from '../platform-errors';
import { WordPressAdapter } from './wordpress-adapter';

const NOW = Date.UTC(2026, 10, 22, 12, 0, 0);

describe('WordPressAdapter.fetchMetrics against a fake site', () => {
  const fake = new FakeWordPress();
  const adapter = new WordPressAdapter({ outbound: localOutbound(), now: () => NOW });
  let connection: ChannelConnection;

  beforeAll(async () => {
    const siteUrl = await fake.start();
    connection = { credentials: { username: fake.username, applicationPassword: fake.applicationPassword }, settings: { siteUrl } };
  });
  afterAll(() => fake.stop());
  beforeEach(() => {
    fake.posts.length = 0;
    fake.server.received.length = 0;
  });

  const request = (externalId: string, on = connection): MetricsRequest => ({
    externalId,
    externalUrl: null,
    publishedAt: new Date(NOW - 86_400_000),
    connection: on,
    timeoutMs: 2000,
  });
  const comments = requestMatching('GET', /\/wp\/v2\/comments$/);

  it('counts approved comments from X-WP-Total, fetching one at most; everything else absent', async () => {
    const post = fake.addPost('Kommunestyremøte', { approved: 12, pending: 3 });

    const reading = await adapter.fetchMetrics(request(String(post.id)));

    expect(reading.numbers).toEqual({ comments: 12 });
    expect(fake.server.requestsTo('GET', /comments$/)[0]?.query.get('per_page')).toBe('1');
    expect(adapter.capabilities.metrics).toBe(true);
  });

  it('reads 0 comments as 0: WordPress counted them', async () => {
    const post = fake.addPost('Stille', { approved: 0, pending: 0 });

    await expect(adapter.fetchMetrics(request(String(post.id)))).resolves.toMatchObject({ numbers: { comments: 0 } });
  });

  it("says a deleted post is gone in WordPress's words, and a trashed one too", async () => {
    const gone = await caughtError(adapter.fetchMetrics(request('9999')), PlatformInvalidContentError);
    expect(gone.message).toContain('Invalid post ID.');

    const trashed = fake.addPost('Kastet', { approved: 1, pending: 0 }, 'trash');
    await caughtError(adapter.fetchMetrics(request(String(trashed.id))), PlatformInvalidContentError);
  });

  it('waits as long as Retry-After says on a 429 (from a plugin or proxy)', async () => {
    const post = fake.addPost('Hei', { approved: 1, pending: 0 });
    fake.server.replyNext(comments, {
      status: 429,
      headers: { 'retry-after': '45' },
      json: { code: 'too_many_requests', message: 'Slow down' },
    });

    const error = await caughtError(adapter.fetchMetrics(request(String(post.id))), PlatformRateLimitedError);
    expect(error.retryAfterMs).toBe(45_000);
  });

  it('maps a 401 (revoked application password) to auth and a 5xx to transient', async () => {
    const post = fake.addPost('Hei', { approved: 1, pending: 0 });
    const revoked = { ...connection, credentials: { ...connection.credentials, applicationPassword: 'revoked' } };
    await caughtError(adapter.fetchMetrics(request(String(post.id), revoked)), PlatformAuthError);

    fake.server.replyNext(comments, wordpressError(503, 'maintenance', 'Briefly unavailable for scheduled maintenance.'));
    await caughtError(adapter.fetchMetrics(request(String(post.id))), PlatformTransientError);
  });
});
