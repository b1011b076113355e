import { caughtError } from '../../testing/caught-error';
import { eventually } from '../../testing/eventually';
import { FakeFacebook } from '../../testing/fake-facebook';
import { graphError, graphRateLimited } from '../../testing/fake-graph-errors';
import { requestMatching } from '../../testing/fake-http-server';
import { localOutbound } from '../../testing/local-outbound';
import type { ChannelConnection, PublishRequest } from '../platform-adapter';
import {
  PlatformAmbiguousError,
  PlatformAuthError,
  PlatformInvalidContentError,
  PlatformRateLimitedError,
  PlatformTransientError,
} from '../platform-errors';
import { FacebookAdapter } from './facebook-adapter';

describe('FacebookAdapter against a fake Graph API', () => {
  const fake = new FakeFacebook();
  const adapter = new FacebookAdapter({ outbound: localOutbound() });
  let connection: ChannelConnection;

  beforeAll(async () => {
    const baseUrl = await fake.start();
    connection = { baseUrl, credentials: { accessToken: fake.accessToken }, settings: { pageId: fake.pageId } };
  });
  afterAll(() => fake.stop());
  beforeEach(() => {
    fake.posts.length = 0;
    fake.server.received.length = 0;
  });

  const request = (text: string, extra: Partial<PublishRequest['content']> = {}): PublishRequest => ({
    idempotencyKey: 'target-1:1',
    content: { text, link: null, mediaUrls: [], ...extra },
    connection,
    timeoutMs: 2000,
  });
  const feed = requestMatching('POST', /\/feed$/);

  it('posts message and link to the page feed, once, with the token in the form', async () => {
    const result = await adapter.publish(request('Vannet er stengt i dag.', { link: 'https://kommune.no/vann' }));

    expect(fake.posts).toEqual([
      { id: result.externalId, message: 'Vannet er stengt i dag.', link: 'https://kommune.no/vann', photos: [] },
    ]);
    expect(result.url).toBe(`https://www.facebook.com/${result.externalId}`);
    const [received] = fake.server.received;
    expect(received.path).toBe(`/v24.0/${fake.pageId}/feed`);
    expect(received.query.has('access_token')).toBe(false);
    expect(received.form.get('access_token')).toBe(fake.accessToken);
  });

  it('publishes one image through the photos endpoint, the link in the caption', async () => {
    const result = await adapter.publish(
      request('Nytt bibliotek', { link: 'https://kommune.no/bib', mediaUrls: ['https://cdn.kommune.no/bib.jpg'] }),
    );

    expect(fake.posts).toEqual([
      {
        id: result.externalId,
        message: 'Nytt bibliotek\n\nhttps://kommune.no/bib',
        link: null,
        photos: ['https://cdn.kommune.no/bib.jpg'],
      },
    ]);
  });

  it('attaches several unpublished photos to one feed post', async () => {
    const mediaUrls = ['https://cdn.kommune.no/1.jpg', 'https://cdn.kommune.no/2.jpg'];
    await adapter.publish(request('To bilder', { mediaUrls }));

    expect(fake.posts).toHaveLength(1);
    expect(fake.posts[0]).toMatchObject({ message: 'To bilder', photos: mediaUrls });
  });

  it('uses the Graph version the connection pins', async () => {
    await adapter.publish({
      ...request('Versjon'),
      connection: { ...connection, settings: { ...connection.settings, graphVersion: 'v23.0' } },
    });
    expect(fake.server.received[0].path).toBe(`/v23.0/${fake.pageId}/feed`);
  });

  it('maps an expired token (code 190 on HTTP 400) to an auth error', async () => {
    const expired = new FakeFacebook();
    const baseUrl = await expired.start();
    expired.expireToken();
    try {
      const error = await caughtError(adapter.publish({ ...request('Hei'), connection: { ...connection, baseUrl } }), PlatformAuthError);
      expect(error.code).toBe('190/463');
      expect(error.message).toContain('Session has expired');
    } finally {
      await expired.stop();
    }
  });

  it('maps rate-limit code 32 to rate-limited, waiting as long as the usage header says', async () => {
    fake.server.replyNext(feed, graphRateLimited(32, 7));
    const error = await caughtError(adapter.publish(request('Hei')), PlatformRateLimitedError);
    expect(error.retryAfterMs).toBe(7 * 60_000);
    expect(error.status).toBe(400);
  });

  it('maps a 5xx to transient', async () => {
    fake.server.replyNext(feed, graphError(503, 2, 'Service temporarily unavailable', { isTransient: true }));
    await caughtError(adapter.publish(request('Hei')), PlatformTransientError);
    expect(fake.posts).toHaveLength(0);
  });

  it('calls a slow answer after the post was received ambiguous, and the post exists', async () => {
    fake.server.delayNext(feed, 500);
    const error = await caughtError(adapter.publish({ ...request('Sakte'), timeoutMs: 100 }), PlatformAmbiguousError);
    expect(error.message).toContain('100 ms');
    await eventually(() => expect(fake.posts).toHaveLength(1));
  });

  it('fails a duplicate (code 506) as invalid content with the platform message', async () => {
    await adapter.publish(request('Samme tekst'));
    const error = await caughtError(adapter.publish(request('Samme tekst')), PlatformInvalidContentError);
    expect(error.message).toContain('Duplicate status message');
    expect(error.code).toBe('506');
    expect(fake.posts).toHaveLength(1);
  });

  it('does not crash on a body that is not JSON, and names the raw status', async () => {
    fake.server.replyNext(feed, {
      status: 502,
      headers: { 'content-type': 'text/html' },
      raw: '<html>Bad gateway</html>',
    });
    const gateway = await caughtError(adapter.publish(request('Hei')), PlatformTransientError);
    expect(gateway.message).toContain('HTTP 502');

    fake.server.replyNext(feed, { status: 200, headers: { 'content-type': 'text/html' }, raw: '<html>OK</html>' });
    const unreadable = await caughtError(adapter.publish(request('Hei')), PlatformAmbiguousError);
    expect(unreadable.message).toContain('HTTP 200');
  });

  it('refuses content its rules block before sending anything', async () => {
    const error = await caughtError(adapter.publish(request('x'.repeat(63_207))), PlatformInvalidContentError);
    expect(error.code).toBe('text.too_long');
    expect(fake.server.received).toHaveLength(0);
  });

  it('asks for a reconnect when the connection lacks its page id', async () => {
    const error = await caughtError(adapter.publish({ ...request('Hei'), connection: { ...connection, settings: {} } }), PlatformAuthError);
    expect(error.code).toBe('connection.incomplete');
  });

  it('verifies credentials by reading the page name', async () => {
    await expect(adapter.verifyCredentials(connection)).resolves.toEqual({ accountName: fake.pageName });
    await caughtError(adapter.verifyCredentials({ ...connection, credentials: { accessToken: 'wrong' } }), PlatformAuthError);
  });
});
