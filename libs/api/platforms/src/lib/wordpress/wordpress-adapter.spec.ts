import { caughtError } from '../../testing/caught-error';
import { eventually } from '../../testing/eventually';
import { requestMatching } from '../../testing/fake-http-server';
import { FakeWordPress, wordpressError } from '../../testing/fake-wordpress';
import { localOutbound } from '../../testing/local-outbound';
import type { ChannelConnection, PublishRequest } from '../platform-adapter';
import {
  PlatformAmbiguousError,
  PlatformAuthError,
  PlatformInvalidContentError,
  PlatformRateLimitedError,
  PlatformTransientError,
} from '../platform-errors';
import { WordPressAdapter, wordpressSlug } from './wordpress-adapter';

const NOW = Date.UTC(2026, 10, 22, 12, 0, 0);

describe('WordPressAdapter against a fake REST API', () => {
  const fake = new FakeWordPress();
  const adapter = new WordPressAdapter({ outbound: localOutbound(), now: () => NOW });
  let connection: ChannelConnection;

  beforeAll(async () => {
    const siteUrl = await fake.start();
    connection = {
      credentials: { username: fake.username, applicationPassword: fake.applicationPassword },
      settings: { siteUrl },
    };
  });
  afterAll(() => fake.stop());
  beforeEach(() => {
    fake.posts.length = 0;
    fake.server.received.length = 0;
    fake.canPublish = true;
  });

  const request = (text: string, idempotencyKey = 'target-1:1'): PublishRequest => ({
    idempotencyKey,
    content: { text, link: 'https://kommune.no/mer', mediaUrls: [] },
    connection,
    timeoutMs: 2000,
  });
  const createPost = requestMatching('POST', /\/wp\/v2\/posts$/);

  it('publishes one post with Basic auth, status publish and a slug from the idempotency key', async () => {
    const result = await adapter.publish(request('Vegarbeid på E6\nOmkjøring via sentrum.'));

    const slug = wordpressSlug('target-1:1');
    expect(fake.posts).toEqual([
      {
        id: Number(result.externalId),
        slug,
        title: 'Vegarbeid på E6',
        content: '<p>Omkjøring via sentrum.</p>\n\n<p><a href="https://kommune.no/mer">https://kommune.no/mer</a></p>',
        status: 'publish',
        featuredMedia: 0,
      },
    ]);
    expect(result.url).toBe(`${fake.server.baseUrl}/${slug}/`);
    const basic = Buffer.from(`${fake.username}:${fake.applicationPassword}`).toString('base64');
    expect(fake.server.requestsTo('POST', /posts$/)[0].headers['authorization']).toBe(`Basic ${basic}`);
  });

  it('looks the slug up first, so a repeat returns the post instead of making another', async () => {
    const first = await adapter.publish(request('Samme innlegg'));
    const second = await adapter.publish(request('Samme innlegg'));

    expect(second.externalId).toBe(first.externalId);
    expect(fake.posts).toHaveLength(1);
  });

  it('calls a slow answer ambiguous, and the repeat finds the post it made', async () => {
    fake.server.delayNext(createPost, 500);
    await caughtError(adapter.publish({ ...request('Sakte'), timeoutMs: 100 }), PlatformAmbiguousError);
    await eventually(() => expect(fake.posts).toHaveLength(1));

    const retried = await adapter.publish(request('Sakte'));
    expect(retried.externalId).toBe(String(fake.posts[0].id));
    expect(fake.posts).toHaveLength(1);
  });

  it('maps a wrong application password (401 incorrect_password) to an auth error', async () => {
    const wrong = { ...connection, credentials: { username: fake.username, applicationPassword: 'nope' } };
    const error = await caughtError(adapter.publish({ ...request('Hei'), connection: wrong }), PlatformAuthError);
    expect(error).toMatchObject({ status: 401, code: 'incorrect_password' });
  });

  it('maps a user who may not publish (403) to an auth error', async () => {
    fake.canPublish = false;
    const error = await caughtError(adapter.publish(request('Hei')), PlatformAuthError);
    expect(error).toMatchObject({ status: 403, code: 'rest_cannot_publish' });
  });

  it('waits as long as Retry-After says on a 429 from a plugin or proxy', async () => {
    fake.server.replyNext(createPost, {
      ...wordpressError(429, 'too_many_requests', 'Slow down'),
      headers: { 'retry-after': '90' },
    });
    const error = await caughtError(adapter.publish(request('Hei')), PlatformRateLimitedError);
    expect(error.retryAfterMs).toBe(90_000);
  });

  it('maps a 5xx, including the PHP critical-error page, to transient', async () => {
    fake.server.replyNext(createPost, {
      status: 500,
      headers: { 'content-type': 'text/html; charset=UTF-8' },
      raw: '<p>There has been a critical error on this website.</p>',
    });
    const error = await caughtError(adapter.publish(request('Hei')), PlatformTransientError);
    expect(error.message).toContain('HTTP 500');
    expect(fake.posts).toHaveLength(0);
  });

  it('fails content WordPress refuses with its message', async () => {
    fake.server.replyNext(createPost, wordpressError(400, 'rest_invalid_param', 'Invalid parameter(s): content'));
    const error = await caughtError(adapter.publish(request('Hei')), PlatformInvalidContentError);
    expect(error).toMatchObject({ status: 400, code: 'rest_invalid_param' });
    expect(error.message).toContain('Invalid parameter(s): content');
  });

  it('does not crash when /wp-json answers with a web page instead of JSON', async () => {
    const homepage = { status: 200, headers: { 'content-type': 'text/html' }, raw: '<html>Velkommen</html>' };
    fake.server.replyNext(requestMatching('GET', /\/wp\/v2\/posts$/), homepage);
    const lookup = await caughtError(adapter.publish(request('Hei')), PlatformTransientError);
    expect(lookup.message).toContain('HTTP 200');

    fake.server.replyNext(createPost, homepage);
    const created = await caughtError(adapter.publish(request('Hei')), PlatformAmbiguousError);
    expect(created.message).toContain('HTTP 200');
  });

  it('verifies credentials and that the user may publish', async () => {
    await expect(adapter.verifyCredentials(connection)).resolves.toEqual({ accountName: fake.displayName });
    fake.canPublish = false;
    await caughtError(adapter.verifyCredentials(connection), PlatformAuthError);
  });
});
