import { caughtError } from '../../testing/caught-error';
import { blueskyRateLimitHeaders, FakeBluesky, xrpcError } from '../../testing/fake-bluesky';
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
import { BlueskyAdapter } from './bluesky-adapter';
import { blueskyRecordKey } from './bluesky-record-key';

const NOW = Date.UTC(2026, 10, 22, 12, 0, 0);

describe('BlueskyAdapter against a fake PDS', () => {
  const fake = new FakeBluesky();
  let adapter: BlueskyAdapter;
  let connection: ChannelConnection;
  /** A link on this machine (the fake answers it with a 404), so the link card never reaches out to the internet. */
  let link = '';

  beforeAll(async () => {
    const pdsUrl = await fake.start();
    link = `${pdsUrl}/nyheter/æøå`;
    connection = {
      credentials: { identifier: fake.handle, appPassword: fake.appPassword },
      settings: { pdsUrl, language: 'nb' },
    };
  });
  afterAll(() => fake.stop());
  beforeEach(() => {
    adapter = new BlueskyAdapter({ outbound: localOutbound(), now: () => NOW });
    fake.records.clear();
    fake.server.received.length = 0;
    fake.sessionsCreated = 0;
    fake.sessionsRefreshed = 0;
  });

  const request = (text: string, idempotencyKey = 'target-1:1', link: string | null = null): PublishRequest => ({
    idempotencyKey,
    content: { text, link, mediaUrls: [] },
    connection,
    timeoutMs: 2000,
  });
  const createRecord = requestMatching('POST', /createRecord$/);
  const bytes = (text: string, part: string) => {
    const start = Buffer.byteLength(text.slice(0, text.indexOf(part)));
    return { byteStart: start, byteEnd: start + Buffer.byteLength(part) };
  };

  it('creates one post at the record key derived from the idempotency key, with facets at UTF-8 byte offsets', async () => {
    const result = await adapter.publish(request('Hei @kari.bsky.social, les om #skolemat', 'target-1:1', link));

    const text = `Hei @kari.bsky.social, les om #skolemat\n\n${link}`;
    const rkey = blueskyRecordKey('target-1:1');
    expect([...fake.records.keys()]).toEqual([rkey]);
    expect(result).toMatchObject({
      externalId: `at://${fake.did}/app.bsky.feed.post/${rkey}`,
      url: `https://bsky.app/profile/${fake.did}/post/${rkey}`,
    });
    const value = fake.records.get(rkey)?.value;
    expect(value).toMatchObject({ text, createdAt: new Date(NOW).toISOString(), langs: ['nb'] });
    expect(value?.['facets']).toEqual(
      [
        {
          $type: 'app.bsky.richtext.facet',
          index: bytes(text, '@kari.bsky.social'),
          features: [{ $type: 'app.bsky.richtext.facet#mention', did: 'did:plc:karinordmann2a3b4c5d6e' }],
        },
        {
          $type: 'app.bsky.richtext.facet',
          index: bytes(text, '#skolemat'),
          features: [{ $type: 'app.bsky.richtext.facet#tag', tag: 'skolemat' }],
        },
        {
          $type: 'app.bsky.richtext.facet',
          index: bytes(text, link),
          features: [{ $type: 'app.bsky.richtext.facet#link', uri: link }],
        },
      ].map((facet) => expect.objectContaining({ index: facet.index, features: facet.features })),
    );
  });

  it('leaves a mention that cannot be resolved as plain text, so the record stays valid', async () => {
    await adapter.publish(request('Hilsen @ukjent.example.com'));
    expect([...fake.records.values()][0].value['facets']).toBeUndefined();
  });

  it('publishes once when the same idempotency key is sent twice', async () => {
    const first = await adapter.publish(request('To ganger'));
    const second = await adapter.publish(request('To ganger'));

    expect(second.externalId).toBe(first.externalId);
    expect(fake.records.size).toBe(1);
    expect(fake.server.requestsTo('POST', /createRecord$/)).toHaveLength(2);
  });

  it('logs in once and reuses the session', async () => {
    await adapter.publish(request('En', 'target-1:1'));
    await adapter.publish(request('To', 'target-2:1'));
    expect(fake.sessionsCreated).toBe(1);
  });

  it('refreshes an expired access token (HTTP 400 ExpiredToken) once and publishes once', async () => {
    await adapter.publish(request('Før', 'target-1:1'));
    fake.expireAccessTokens();
    await adapter.publish(request('Etter', 'target-2:1'));

    expect(fake.sessionsRefreshed).toBe(1);
    expect(fake.sessionsCreated).toBe(1);
    expect(fake.recordsWithText('Etter')).toHaveLength(1);
  });

  it('logs in again when the refresh token has expired too', async () => {
    await adapter.publish(request('Før', 'target-1:1'));
    fake.expireAllTokens();
    await adapter.publish(request('Etter', 'target-2:1'));
    expect(fake.sessionsCreated).toBe(2);
  });

  it('maps a wrong app password to an auth error', async () => {
    const wrong = { ...connection, credentials: { identifier: fake.handle, appPassword: 'revoked-pass-word' } };
    const error = await caughtError(adapter.publish({ ...request('Hei'), connection: wrong }), PlatformAuthError);
    expect(error).toMatchObject({ status: 401, code: 'AuthenticationRequired' });
  });

  it('waits until ratelimit-reset (epoch seconds) on a 429', async () => {
    fake.server.replyNext(
      createRecord,
      xrpcError(429, 'RateLimitExceeded', 'Rate Limit Exceeded', blueskyRateLimitHeaders(0, NOW / 1000 + 1800)),
    );
    const error = await caughtError(adapter.publish(request('Hei')), PlatformRateLimitedError);
    expect(error.retryAfterMs).toBe(1_800_000);
  });

  it('maps a 5xx that wrote nothing to transient', async () => {
    fake.server.replyNext(createRecord, xrpcError(502, 'UpstreamFailure', 'Upstream Failure'));
    await caughtError(adapter.publish(request('Hei')), PlatformTransientError);
    expect(fake.records.size).toBe(0);
  });

  it('confirms a slow answer by reading the record back: published once, not ambiguous', async () => {
    fake.server.delayNext(createRecord, 500);
    const result = await adapter.publish({ ...request('Sakte svar'), timeoutMs: 100 });
    expect(result.externalId).toBe(`at://${fake.did}/app.bsky.feed.post/${blueskyRecordKey('target-1:1')}`);
    expect(fake.records.size).toBe(1);
  });

  it('calls it ambiguous while the PDS is still busy, and a later repeat finds the one post', async () => {
    fake.server.delayNext(createRecord, 300, 'before_handling');
    await caughtError(adapter.publish({ ...request('Treg PDS'), timeoutMs: 100 }), PlatformAmbiguousError);
    await new Promise((resolve) => setTimeout(resolve, 400));

    await adapter.publish(request('Treg PDS'));
    expect(fake.recordsWithText('Treg PDS')).toHaveLength(1);
  });

  it('fails a record the PDS refuses with its message', async () => {
    const badLanguage = { ...connection, settings: { ...connection.settings, language: 'not a language!' } };
    const error = await caughtError(adapter.publish({ ...request('Hei'), connection: badLanguage }), PlatformInvalidContentError);
    expect(error.message).toContain('Invalid app.bsky.feed.post record');
    expect(error.code).toBe('InvalidRequest');
  });

  it('does not crash on a body that is not JSON, and names the raw status', async () => {
    fake.server.replyNext(createRecord, {
      status: 504,
      headers: { 'content-type': 'text/html' },
      raw: '<html>Gateway Timeout</html>',
    });
    const error = await caughtError(adapter.publish(request('Hei')), PlatformTransientError);
    expect(error.message).toContain('HTTP 504');
  });

  it('verifies credentials with a live session', async () => {
    await expect(adapter.verifyCredentials(connection)).resolves.toEqual({ accountName: `@${fake.handle}` });
  });
});
