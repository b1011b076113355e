import { caughtError } from '../../testing/caught-error';
import { eventually } from '../../testing/eventually';
import { requestMatching } from '../../testing/fake-http-server';
import { FakeMastodon, mastodonRateLimitHeaders } from '../../testing/fake-mastodon';
import { localOutbound } from '../../testing/local-outbound';
import type { ChannelConnection, PublishRequest } from '../platform-adapter';
import {
  PlatformAmbiguousError,
  PlatformAuthError,
  PlatformInvalidContentError,
  PlatformRateLimitedError,
  PlatformTransientError,
} from '../platform-errors';
import { MastodonAdapter } from './mastodon-adapter';

const NOW = Date.UTC(2026, 10, 22, 12, 0, 0);

describe('MastodonAdapter against a fake instance', () => {
  const fake = new FakeMastodon();
  const adapter = new MastodonAdapter({ outbound: localOutbound(), now: () => NOW });
  let connection: ChannelConnection;

  beforeAll(async () => {
    const instanceUrl = await fake.start();
    // The instance URL is a setting, as for a real account: no baseUrl override needed.
    connection = { credentials: { accessToken: fake.accessToken }, settings: { instanceUrl, language: 'nb' } };
  });
  afterAll(() => fake.stop());
  beforeEach(() => {
    fake.statuses.length = 0;
    fake.server.received.length = 0;
  });

  const request = (text: string, idempotencyKey = 'target-1:1'): PublishRequest => ({
    idempotencyKey,
    content: { text, link: 'https://kommune.no/a', mediaUrls: [] },
    connection,
    timeoutMs: 2000,
  });
  const statuses = requestMatching('POST', /^\/api\/v1\/statuses$/);

  it('posts a status with the Idempotency-Key header and returns its id and URL', async () => {
    const result = await adapter.publish(request('Brannøvelse i dag'));

    expect(fake.statuses).toEqual([
      {
        id: result.externalId,
        content: 'Brannøvelse i dag\n\nhttps://kommune.no/a',
        visibility: 'public',
        language: 'nb',
        idempotencyKey: 'target-1:1',
        mediaIds: [],
      },
    ]);
    expect(fake.server.received[0].headers['idempotency-key']).toBe('target-1:1');
    expect(result.url).toBe(`${fake.server.baseUrl}/@${fake.username}/${result.externalId}`);
  });

  it('publishes once when the same key is sent twice: the instance returns the same status', async () => {
    const first = await adapter.publish(request('To ganger'));
    const second = await adapter.publish(request('To ganger'));

    expect(second.externalId).toBe(first.externalId);
    expect(fake.statuses).toHaveLength(1);
    expect(fake.server.received).toHaveLength(2);
  });

  it('turns an ambiguous attempt into one status when it is repeated with the same key', async () => {
    fake.server.delayNext(statuses, 500);
    await caughtError(adapter.publish({ ...request('Sakte'), timeoutMs: 100 }), PlatformAmbiguousError);
    await eventually(() => expect(fake.statuses).toHaveLength(1));

    const retried = await adapter.publish(request('Sakte'));
    expect(retried.externalId).toBe(fake.statuses[0].id);
    expect(fake.statuses).toHaveLength(1);
    expect(adapter.capabilities).toMatchObject({ idempotentPublish: true, idempotencyWindowMs: 3_600_000 });
  });

  it('maps a revoked token to an auth error', async () => {
    const revoked = new FakeMastodon();
    const instanceUrl = await revoked.start();
    revoked.revokeToken();
    try {
      const error = await caughtError(
        adapter.publish({ ...request('Hei'), connection: { ...connection, settings: { instanceUrl } } }),
        PlatformAuthError,
      );
      expect(error.message).toContain('The access token was revoked');
    } finally {
      await revoked.stop();
    }
  });

  it('waits until X-RateLimit-Reset (an ISO time) on a 429', async () => {
    fake.server.replyNext(statuses, {
      status: 429,
      headers: mastodonRateLimitHeaders(0, new Date(NOW + 123_000)),
      json: { error: 'Too many requests' },
    });
    const error = await caughtError(adapter.publish(request('Hei')), PlatformRateLimitedError);
    expect(error.retryAfterMs).toBe(123_000);
  });

  it('maps a 5xx to transient', async () => {
    fake.server.replyNext(statuses, { status: 503, json: { error: 'Service unavailable' } });
    await caughtError(adapter.publish(request('Hei')), PlatformTransientError);
  });

  it("fails text over the instance's own limit with the instance's message", async () => {
    fake.maxCharacters = 20;
    try {
      const error = await caughtError(adapter.publish(request('Denne teksten er for lang for instansen')), PlatformInvalidContentError);
      expect(error.message).toContain('Validation failed: Text character limit of 20 exceeded');
      expect(error.status).toBe(422);
    } finally {
      fake.maxCharacters = 500;
    }
  });

  it("refuses text over the connection's configured limit before sending", async () => {
    const small = { ...connection, settings: { ...connection.settings, maxCharacters: 30 } };
    const error = await caughtError(adapter.publish({ ...request('x'.repeat(40)), connection: small }), PlatformInvalidContentError);
    expect(error.code).toBe('text.too_long');
    expect(fake.server.received).toHaveLength(0);
  });

  it('does not crash on a body that is not JSON, and names the raw status', async () => {
    fake.server.replyNext(statuses, {
      status: 502,
      headers: { 'content-type': 'text/html' },
      raw: '<html>nginx</html>',
    });
    const failed = await caughtError(adapter.publish(request('Hei')), PlatformTransientError);
    expect(failed.message).toContain('HTTP 502');
  });

  it('verifies credentials as @user@instance', async () => {
    const host = new URL(fake.server.baseUrl).host;
    await expect(adapter.verifyCredentials(connection)).resolves.toEqual({ accountName: `@${fake.username}@${host}` });
  });
});
