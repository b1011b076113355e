import { caughtError } from '../../testing/caught-error';
import { graphError, graphRateLimited } from '../../testing/fake-graph-errors';
import { requestMatching } from '../../testing/fake-http-server';
import { FakeInstagram } from '../../testing/fake-instagram';
import { localOutbound } from '../../testing/local-outbound';
import type { ChannelConnection, PublishRequest } from '../platform-adapter';
import {
  PlatformAmbiguousError,
  PlatformAuthError,
  PlatformInvalidContentError,
  PlatformRateLimitedError,
  PlatformTransientError,
} from '../platform-errors';
import { InstagramAdapter } from './instagram-adapter';

describe('InstagramAdapter against a fake Graph API', () => {
  const fake = new FakeInstagram();
  const adapter = new InstagramAdapter({ outbound: localOutbound(), polling: { intervalMs: 10, timeoutMs: 1000 } });
  let connection: ChannelConnection;

  beforeAll(async () => {
    const baseUrl = await fake.start();
    connection = { baseUrl, credentials: { accessToken: fake.accessToken }, settings: { igUserId: fake.igUserId } };
  });
  afterAll(() => fake.stop());
  beforeEach(() => {
    fake.media.length = 0;
    fake.containers.clear();
    fake.server.received.length = 0;
    fake.pollsBeforeDone = 0;
    fake.finalStatus = 'FINISHED';
  });

  const request = (mediaUrls: string[], text = 'Sommer i parken', link: string | null = null): PublishRequest => ({
    idempotencyKey: 'target-1:1',
    content: { text, link, mediaUrls },
    connection,
    timeoutMs: 2000,
  });
  const mediaPublish = requestMatching('POST', /\/media_publish$/);
  const createContainer = requestMatching('POST', /\/media$/);
  const statusReads = () => fake.server.requestsTo('GET', /^\/v24\.0\/9\d+$/).filter((r) => r.query.has('fields'));

  it('creates a container, waits until it is FINISHED, then publishes once', async () => {
    fake.pollsBeforeDone = 2;
    const result = await adapter.publish(request(['https://cdn.kommune.no/park.jpg'], 'Sommer i parken', 'https://kommune.no'));

    expect(fake.media).toEqual([
      {
        id: result.externalId,
        caption: 'Sommer i parken',
        mediaUrls: ['https://cdn.kommune.no/park.jpg'],
        mediaType: 'IMAGE',
      },
    ]);
    const polls = statusReads().filter((r) => r.query.get('fields') === 'status_code,status');
    expect(polls).toHaveLength(3);
    expect(fake.server.requestsTo('POST', /\/media_publish$/)).toHaveLength(1);
    expect(result.url).toBe(`https://www.instagram.com/p/${result.externalId}/`);
  });

  it('publishes several media as one carousel', async () => {
    const urls = ['https://cdn.kommune.no/1.jpg', 'https://cdn.kommune.no/2.mp4'];
    await adapter.publish(request(urls));

    expect(fake.media).toHaveLength(1);
    expect(fake.media[0]).toMatchObject({ mediaType: 'CAROUSEL', mediaUrls: urls, caption: 'Sommer i parken' });
    const children = [...fake.containers.values()].filter((c) => c.params['is_carousel_item'] === 'true');
    expect(children.map((c) => c.params['media_type'])).toEqual([undefined, 'VIDEO']);
  });

  it('publishes a single video as a reel', async () => {
    await adapter.publish(request(['https://cdn.kommune.no/film.mp4']));
    expect(fake.media[0].mediaType).toBe('REELS');
  });

  it('fails media Instagram cannot process (status ERROR) as invalid content, publishing nothing', async () => {
    fake.finalStatus = 'ERROR';
    const error = await caughtError(adapter.publish(request(['https://cdn.kommune.no/x.jpg'])), PlatformInvalidContentError);
    expect(error.message).toContain('2207026');
    expect(fake.media).toHaveLength(0);
  });

  it('gives up waiting as transient: nothing was published, so a retry is safe', async () => {
    fake.pollsBeforeDone = 1000;
    const slow = new InstagramAdapter({ outbound: localOutbound(), polling: { intervalMs: 10, timeoutMs: 50 } });
    const error = await caughtError(slow.publish(request(['https://cdn.kommune.no/x.jpg'])), PlatformTransientError);
    expect(error.code).toBe('container.timeout');
    expect(fake.server.requestsTo('POST', /\/media_publish$/)).toHaveLength(0);
  });

  it('fails a media URL Instagram cannot fetch with the platform message', async () => {
    const error = await caughtError(adapter.publish(request(['https://unreachable.kommune.no/x.jpg'])), PlatformInvalidContentError);
    expect(error.message).toContain('Media download has failed');
    expect(error.code).toBe('9004/2207052');
  });

  it('refuses a post without media before sending anything', async () => {
    const error = await caughtError(adapter.publish(request([])), PlatformInvalidContentError);
    expect(error.code).toBe('media.required');
    expect(fake.server.received).toHaveLength(0);
  });

  it('maps an expired token to an auth error', async () => {
    const expired = new FakeInstagram();
    const baseUrl = await expired.start();
    expired.expireToken();
    try {
      const error = await caughtError(
        adapter.publish({ ...request(['https://cdn.kommune.no/x.jpg']), connection: { ...connection, baseUrl } }),
        PlatformAuthError,
      );
      expect(error.code).toBe('190/463');
    } finally {
      await expired.stop();
    }
  });

  it('maps rate-limit code 4 with the usage header, and the publishing limit (code 9) to rate-limited', async () => {
    fake.server.replyNext(createContainer, graphRateLimited(4, 12));
    const appLimit = await caughtError(adapter.publish(request(['https://cdn.kommune.no/x.jpg'])), PlatformRateLimitedError);
    expect(appLimit.retryAfterMs).toBe(12 * 60_000);

    fake.server.replyNext(mediaPublish, graphError(400, 9, 'Application request limit reached', { subcode: 2207042 }));
    const publishingLimit = await caughtError(adapter.publish(request(['https://cdn.kommune.no/x.jpg'])), PlatformRateLimitedError);
    expect(publishingLimit.retryAfterMs).toBe(60 * 60_000);
    expect(fake.media).toHaveLength(0);
  });

  it('maps a 5xx while preparing to transient', async () => {
    fake.server.replyNext(createContainer, graphError(500, 2, 'Service temporarily unavailable', { isTransient: true }));
    await caughtError(adapter.publish(request(['https://cdn.kommune.no/x.jpg'])), PlatformTransientError);
  });

  it('never calls a failed media_publish transient: a 5xx there is ambiguous', async () => {
    fake.server.replyNext(mediaPublish, {
      status: 500,
      json: { error: { message: 'An unknown error occurred', code: 1 } },
    });
    const error = await caughtError(adapter.publish(request(['https://cdn.kommune.no/x.jpg'])), PlatformAmbiguousError);
    expect(error.status).toBe(500);
  });

  it('calls a slow media_publish ambiguous, and the media exists', async () => {
    fake.server.delayNext(mediaPublish, 500);
    await caughtError(adapter.publish({ ...request(['https://cdn.kommune.no/x.jpg']), timeoutMs: 100 }), PlatformAmbiguousError);
    expect(fake.media).toHaveLength(1);
  });

  it('does not crash on a body that is not JSON, and names the raw status', async () => {
    fake.server.replyNext(createContainer, {
      status: 400,
      headers: { 'content-type': 'text/plain' },
      raw: 'Bad request',
    });
    const refused = await caughtError(adapter.publish(request(['https://cdn.kommune.no/x.jpg'])), PlatformInvalidContentError);
    expect(refused.message).toContain('HTTP 400');

    fake.server.replyNext(mediaPublish, {
      status: 200,
      headers: { 'content-type': 'text/html' },
      raw: '<html></html>',
    });
    const unreadable = await caughtError(adapter.publish(request(['https://cdn.kommune.no/x.jpg'])), PlatformAmbiguousError);
    expect(unreadable.message).toContain('HTTP 200');
  });

  it('verifies credentials by reading the username', async () => {
    await expect(adapter.verifyCredentials(connection)).resolves.toEqual({ accountName: fake.username });
  });
});
