import { caughtError } from '../../testing/caught-error';
import { requestMatching } from '../../testing/fake-http-server';
import { FakeLinkedIn, linkedinError } from '../../testing/fake-linkedin';
import { localOutbound } from '../../testing/local-outbound';
import type { ChannelConnection, MetricsRequest } from '../platform-adapter';
import { PlatformAuthError, PlatformRateLimitedError, PlatformTransientError } from '../platform-errors';
import { LinkedInAdapter } from './linkedin-adapter';

const NOW = Date.UTC(2026, 10, 22, 12, 0, 0);

describe('LinkedInAdapter.fetchMetrics against a fake Community Management API', () => {
  const fake = new FakeLinkedIn();
  const adapter = new LinkedInAdapter({ outbound: localOutbound(), now: () => NOW });
  let connection: ChannelConnection;

  beforeAll(async () => {
    const baseUrl = await fake.start();
    connection = {
      baseUrl,
      credentials: { accessToken: fake.accessToken },
      settings: { authorUrn: `urn:li:organization:${fake.organizationId}` },
    };
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
  const statistics = {
    impressionCount: 2300,
    uniqueImpressionsCount: 1700,
    clickCount: 88,
    likeCount: 41,
    commentCount: 7,
    shareCount: 5,
    engagement: 0.0613,
  };
  const shareStatistics = requestMatching('GET', /organizationalEntityShareStatistics$/);

  it("maps an organisation post's totalShareStatistics; saves and video views absent", async () => {
    const post = fake.addOrganizationPost('Ny barnehage', statistics);

    const reading = await adapter.fetchMetrics(request(post.urn));

    expect(reading.numbers).toEqual({ views: 2300, reach: 1700, clicks: 88, reactions: 41, comments: 7, shares: 5 });
    expect(reading.missing).toBeUndefined();
    const [received] = fake.server.received;
    expect(received?.target).toContain(`shares=List(${encodeURIComponent(post.urn)})`);
    expect(received?.headers['x-restli-protocol-version']).toBe('2.0.0');
    expect(adapter.capabilities.metrics).toBe(true);
  });

  it('asks for a ugcPost with ugcPosts=List(…)', async () => {
    const post = fake.addOrganizationPost('Eldre innlegg', statistics, 'ugcPost');

    const reading = await adapter.fetchMetrics(request(post.urn));

    expect(reading.numbers.views).toBe(2300);
    expect(fake.server.received[0]?.target).toContain('ugcPosts=List(');
  });

  it('reads nothing (not zeros) for a post without statistics yet', async () => {
    const reading = await adapter.fetchMetrics(request('urn:li:share:1'));

    expect(reading.numbers).toEqual({});
    expect(reading.missing?.[0]?.reason).toContain('no statistics');
  });

  it("says a member's own post has no share statistics, without asking", async () => {
    const member = { ...connection, settings: { authorUrn: fake.personUrn } };

    const reading = await adapter.fetchMetrics(request('urn:li:share:2', member));

    expect(reading.numbers).toEqual({});
    expect(reading.missing?.[0]?.reason).toContain('organisation pages only');
    expect(fake.server.received).toHaveLength(0);
  });

  it('waits as long as Retry-After says on a 429', async () => {
    const post = fake.addOrganizationPost('Hei', statistics);
    fake.server.replyNext(shareStatistics, {
      ...linkedinError(429, 'Resource level throttle limit reached', 'TOO_MANY_REQUESTS'),
      headers: { 'retry-after': '90' },
    });

    const error = await caughtError(adapter.fetchMetrics(request(post.urn)), PlatformRateLimitedError);
    expect(error.retryAfterMs).toBe(90_000);
  });

  it('maps a 401 (revoked token) to an auth error and a 5xx to transient', async () => {
    const post = fake.addOrganizationPost('Hei', statistics);
    const stale = { ...connection, credentials: { accessToken: 'old' } };
    await caughtError(adapter.fetchMetrics(request(post.urn, stale)), PlatformAuthError);

    fake.server.replyNext(shareStatistics, linkedinError(504, 'Gateway timeout', 'GATEWAY_TIMEOUT'));
    await caughtError(adapter.fetchMetrics(request(post.urn)), PlatformTransientError);
  });
});
