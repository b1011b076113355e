import { caughtError } from '../../testing/caught-error';
import { eventually } from '../../testing/eventually';
import { requestMatching } from '../../testing/fake-http-server';
import { FakeX, xProblem, xRateLimitHeaders } from '../../testing/fake-x';
import { localOutbound } from '../../testing/local-outbound';
import type { ChannelConnection, PublishRequest } from '../platform-adapter';
import {
  PlatformAmbiguousError,
  PlatformAuthError,
  PlatformInvalidContentError,
  PlatformRateLimitedError,
  PlatformTransientError,
} from '../platform-errors';
import { XAdapter } from './x-adapter';

const NOW = Date.UTC(2026, 10, 22, 12, 0, 0);
const NOW_S = NOW / 1000;

describe('XAdapter against a fake API v2', () => {
  const fake = new FakeX();
  const adapter = new XAdapter({ outbound: localOutbound(), now: () => NOW });
  let connection: ChannelConnection;

  beforeAll(async () => {
    const baseUrl = await fake.start();
    connection = { baseUrl, credentials: { accessToken: fake.accessToken }, settings: { username: fake.username } };
  });
  afterAll(() => fake.stop());
  beforeEach(() => {
    fake.tweets.length = 0;
    fake.server.received.length = 0;
  });

  const request = (text: string, link: string | null = null): PublishRequest => ({
    idempotencyKey: 'target-1:1',
    content: { text, link, mediaUrls: [] },
    connection,
    timeoutMs: 2000,
  });
  const tweets = requestMatching('POST', /^\/2\/tweets$/);

  it('posts the text with the link in it, once, with a Bearer token', async () => {
    const result = await adapter.publish(request('Skolen er stengt i dag.', 'https://kommune.no/skole'));

    expect(fake.tweets).toEqual([{ id: result.externalId, text: 'Skolen er stengt i dag.\n\nhttps://kommune.no/skole', mediaIds: [] }]);
    expect(result.url).toBe(`https://x.com/${fake.username}/status/${result.externalId}`);
    expect(fake.server.received[0].headers['authorization']).toBe(`Bearer ${fake.accessToken}`);
  });

  it('maps 401 to an auth error', async () => {
    const error = await caughtError(
      adapter.publish({ ...request('Hei'), connection: { ...connection, credentials: { accessToken: 'expired' } } }),
      PlatformAuthError,
    );
    expect(error.status).toBe(401);
  });

  it('waits for x-rate-limit-reset on a 429, or for the 24-hour reset when that allowance is spent', async () => {
    const tooMany = () => xProblem(429, 'Too Many Requests', 'Too Many Requests', 'about:blank', xRateLimitHeaders(0, NOW_S + 240));
    fake.server.replyNext(tweets, tooMany());
    const window = await caughtError(adapter.publish(request('Hei')), PlatformRateLimitedError);
    expect(window.retryAfterMs).toBe(240_000);

    const daily = tooMany();
    daily.headers = {
      ...daily.headers,
      'x-user-limit-24hour-limit': '17',
      'x-user-limit-24hour-remaining': '0',
      'x-user-limit-24hour-reset': String(NOW_S + 3 * 3600),
    };
    fake.server.replyNext(tweets, daily);
    const spent = await caughtError(adapter.publish(request('Hei')), PlatformRateLimitedError);
    expect(spent.retryAfterMs).toBe(3 * 3600_000);
  });

  it('reads the older error shape (code 88) too', async () => {
    fake.server.replyNext(tweets, { status: 429, json: { errors: [{ code: 88, message: 'Rate limit exceeded' }] } });
    const error = await caughtError(adapter.publish(request('Hei')), PlatformRateLimitedError);
    expect(error).toMatchObject({ code: '88', retryAfterMs: 15 * 60_000 });
  });

  it('maps a 5xx to transient', async () => {
    fake.server.replyNext(tweets, xProblem(503, 'Service Unavailable', 'Service Unavailable', 'about:blank'));
    await caughtError(adapter.publish(request('Hei')), PlatformTransientError);
    expect(fake.tweets).toHaveLength(0);
  });

  it('calls a slow answer ambiguous, and the tweet exists', async () => {
    fake.server.delayNext(tweets, 500);
    await caughtError(adapter.publish({ ...request('Sakte'), timeoutMs: 100 }), PlatformAmbiguousError);
    await eventually(() => expect(fake.tweets).toHaveLength(1));
  });

  it('fails duplicate content (403) as invalid content with the platform message', async () => {
    await adapter.publish(request('Samme tekst'));
    const error = await caughtError(adapter.publish(request('Samme tekst')), PlatformInvalidContentError);
    expect(error).toMatchObject({ status: 403, code: 'duplicate' });
    expect(error.message).toContain('You are not allowed to create a Tweet with duplicate content.');
  });

  it('refuses a text over 280 weighted characters before sending, unless the account has a longer tier', async () => {
    const long = 'æ'.repeat(281);
    const error = await caughtError(adapter.publish(request(long)), PlatformInvalidContentError);
    expect(error.code).toBe('text.too_long');
    expect(fake.server.received).toHaveLength(0);

    const premium = { ...connection, settings: { ...connection.settings, maxCharacters: 25_000 } };
    await adapter.publish({ ...request(long), connection: premium });
    expect(fake.tweets).toHaveLength(1);
  });

  it('does not crash on a body that is not JSON, and names the raw status', async () => {
    fake.server.replyNext(tweets, {
      status: 503,
      headers: { 'content-type': 'text/html' },
      raw: '<html>Over capacity</html>',
    });
    const failed = await caughtError(adapter.publish(request('Hei')), PlatformTransientError);
    expect(failed.message).toContain('HTTP 503');

    fake.server.replyNext(tweets, { status: 201, headers: { 'content-type': 'text/plain' }, raw: 'created' });
    const unreadable = await caughtError(adapter.publish(request('Hei')), PlatformAmbiguousError);
    expect(unreadable.message).toContain('HTTP 201');
  });

  it('refuses media it cannot upload yet', () => {
    const issues = adapter.validate({ text: 'Bilde', mediaUrls: ['https://cdn.kommune.no/a.jpg'] }, connection);
    expect(issues).toEqual([{ code: 'media.too_many', severity: 'block', params: { limit: 0, count: 1 } }]);
  });

  it('verifies credentials as @username', async () => {
    await expect(adapter.verifyCredentials(connection)).resolves.toEqual({ accountName: `@${fake.username}` });
  });
});
