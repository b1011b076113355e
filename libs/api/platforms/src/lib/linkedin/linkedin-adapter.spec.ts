import { caughtError } from '../../testing/caught-error';
import { eventually } from '../../testing/eventually';
import { requestMatching } from '../../testing/fake-http-server';
import { FakeLinkedIn, linkedinError } from '../../testing/fake-linkedin';
import { localOutbound } from '../../testing/local-outbound';
import type { ChannelConnection, PublishRequest } from '../platform-adapter';
import {
  PlatformAmbiguousError,
  PlatformAuthError,
  PlatformInvalidContentError,
  PlatformRateLimitedError,
  PlatformTransientError,
} from '../platform-errors';
import { LINKEDIN_DEFAULT_VERSION, LinkedInAdapter } from './linkedin-adapter';
import { untilNextUtcMidnight } from './linkedin-errors';

const NOW = Date.UTC(2026, 10, 22, 21, 30, 0);

describe('LinkedInAdapter against a fake Posts API', () => {
  const fake = new FakeLinkedIn();
  const adapter = new LinkedInAdapter({ outbound: localOutbound(), now: () => NOW });
  let connection: ChannelConnection;

  beforeAll(async () => {
    const baseUrl = await fake.start();
    connection = { baseUrl, credentials: { accessToken: fake.accessToken }, settings: { authorUrn: fake.personUrn } };
  });
  afterAll(() => fake.stop());
  beforeEach(() => {
    fake.posts.length = 0;
    fake.server.received.length = 0;
  });

  const request = (text: string, link: string | null = null): PublishRequest => ({
    idempotencyKey: 'target-1:1',
    content: { text, link, mediaUrls: [] },
    connection,
    timeoutMs: 2000,
  });
  const posts = requestMatching('POST', /^\/rest\/posts$/);

  it('publishes once with the versioned headers and takes the URN from x-restli-id', async () => {
    const result = await adapter.publish(request('Ny barnehage åpner', 'https://kommune.no/bhg'));

    expect(fake.posts).toHaveLength(1);
    expect(result.externalId).toBe(fake.posts[0].urn);
    expect(result.url).toBe(`https://www.linkedin.com/feed/update/${fake.posts[0].urn}/`);
    const [received] = fake.server.received;
    expect(received.headers).toMatchObject({
      authorization: `Bearer ${fake.accessToken}`,
      'linkedin-version': LINKEDIN_DEFAULT_VERSION,
      'x-restli-protocol-version': '2.0.0',
    });
    expect(received.json).toMatchObject({
      author: fake.personUrn,
      lifecycleState: 'PUBLISHED',
      visibility: 'PUBLIC',
      distribution: { feedDistribution: 'MAIN_FEED' },
    });
  });

  it('escapes every reserved character exactly once, so LinkedIn shows the text whole', async () => {
    const text = 'Møte (kl. 10) i [rådhuset] #kommune @Kari {ny} <b> a_b *c* ~d | e\\f';
    await adapter.publish(request(text, 'https://kommune.no/a_b'));

    const shown = `${text}\n\nhttps://kommune.no/a_b`;
    expect(fake.posts[0].shownText).toBe(shown);
    expect(fake.posts[0].rawCommentary).toBe(shown.replace(/[\\|{}@[\]()<>#*_~]/g, '\\$&'));
  });

  it('maps a revoked token to an auth error', async () => {
    const revoked = new FakeLinkedIn();
    const baseUrl = await revoked.start();
    revoked.revokeToken();
    try {
      const error = await caughtError(adapter.publish({ ...request('Hei'), connection: { ...connection, baseUrl } }), PlatformAuthError);
      expect(error).toMatchObject({ status: 401, code: 'REVOKED_ACCESS_TOKEN' });
    } finally {
      await revoked.stop();
    }
  });

  it('comes back after a header-less 429 at the next midnight UTC, or when Retry-After says', async () => {
    const throttled = linkedinError(
      429,
      'Resource level throttle APPLICATION DAY limit for calls to this resource is reached.',
      'TOO_MANY_REQUESTS',
    );
    fake.server.replyNext(posts, throttled);
    const daily = await caughtError(adapter.publish(request('Hei')), PlatformRateLimitedError);
    expect(daily.retryAfterMs).toBe(2.5 * 60 * 60_000);
    expect(untilNextUtcMidnight(NOW)).toBe(2.5 * 60 * 60_000);

    fake.server.replyNext(posts, { ...throttled, headers: { 'retry-after': '30' } });
    const told = await caughtError(adapter.publish(request('Hei')), PlatformRateLimitedError);
    expect(told.retryAfterMs).toBe(30_000);
  });

  it('maps a 5xx to transient', async () => {
    fake.server.replyNext(posts, linkedinError(503, 'Service Unavailable', 'SERVICE_UNAVAILABLE'));
    await caughtError(adapter.publish(request('Hei')), PlatformTransientError);
  });

  it('calls a slow answer ambiguous, and the post exists', async () => {
    fake.server.delayNext(posts, 500);
    await caughtError(adapter.publish({ ...request('Sakte'), timeoutMs: 100 }), PlatformAmbiguousError);
    await eventually(() => expect(fake.posts).toHaveLength(1));
  });

  it('fails a duplicate (422 DUPLICATE_POST) as invalid content with the platform message', async () => {
    await adapter.publish(request('Samme tekst'));
    const error = await caughtError(adapter.publish(request('Samme tekst')), PlatformInvalidContentError);
    expect(error).toMatchObject({ status: 422, code: 'DUPLICATE_POST' });
    expect(error.message).toContain(`Content is a duplicate of ${fake.posts[0].urn}`);
  });

  it('does not crash on a body that is not JSON, and calls a 201 without an id ambiguous', async () => {
    fake.server.replyNext(posts, { status: 500, headers: { 'content-type': 'text/html' }, raw: '<h1>Oops</h1>' });
    const failed = await caughtError(adapter.publish(request('Hei')), PlatformTransientError);
    expect(failed.message).toContain('HTTP 500');

    fake.server.replyNext(posts, { status: 201 });
    const unnamed = await caughtError(adapter.publish(request('Hei')), PlatformAmbiguousError);
    expect(unnamed.message).toContain('HTTP 201');
  });

  it('verifies a member connection and refuses a token of another member', async () => {
    await expect(adapter.verifyCredentials(connection)).resolves.toEqual({ accountName: fake.memberName });
    const other = { ...connection, settings: { authorUrn: 'urn:li:person:someoneElse' } };
    const error = await caughtError(adapter.verifyCredentials(other), PlatformAuthError);
    expect(error.code).toBe('connection.wrong_account');
  });

  it('verifies an organisation connection by its name', async () => {
    const organization = { ...connection, settings: { authorUrn: `urn:li:organization:${fake.organizationId}` } };
    await expect(adapter.verifyCredentials(organization)).resolves.toEqual({ accountName: fake.organizationName });
  });
});
