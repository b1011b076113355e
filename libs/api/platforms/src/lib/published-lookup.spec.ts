import { caughtError } from '../testing/caught-error';
import { requestMatching } from '../testing/fake-http-server';
import { FakeBluesky } from '../testing/fake-bluesky';
import { FakeMastodon } from '../testing/fake-mastodon';
import { localOutbound } from '../testing/local-outbound';
import { BlueskyAdapter } from './bluesky/bluesky-adapter';
import { blueskyRecordKey } from './bluesky/bluesky-record-key';
import { MASTODON_IDEMPOTENCY_WINDOW_MS, MastodonAdapter } from './mastodon/mastodon-adapter';
import type { ChannelConnection, LookupRequest } from './platform-adapter';
import { PlatformAmbiguousError, PlatformInvalidContentError, PlatformTransientError } from './platform-errors';
import { WebhookAdapter } from './webhook/webhook-adapter';

const NOW = Date.UTC(2026, 11, 7, 12, 0, 0);
const lookup = (connection: ChannelConnection, extra: Partial<LookupRequest> = {}): LookupRequest => ({
  idempotencyKey: 'target-7.1',
  connection,
  timeoutMs: 2000,
  firstAttemptAt: NOW - 10 * 60_000,
  ...extra,
});

/** `lookUpPublished` (issue 15): whether an ambiguous attempt made its post, asked of the fakes. */
describe('looking up an ambiguous attempt', () => {
  describe('on Bluesky (getRecord at the record key derived from the idempotency key)', () => {
    const fake = new FakeBluesky();
    const adapter = new BlueskyAdapter({ outbound: localOutbound(), now: () => NOW });
    let connection: ChannelConnection;
    beforeAll(async () => {
      connection = { baseUrl: await fake.start(), credentials: { identifier: fake.handle, appPassword: fake.appPassword }, settings: {} };
    });
    afterAll(() => fake.stop());

    it('finds the record an earlier attempt made, by its key, and names it as publish would', async () => {
      await adapter.publish({
        idempotencyKey: 'target-7.1',
        content: { text: 'Brøyting i dag', link: null, mediaUrls: [] },
        connection,
        timeoutMs: 2000,
      });
      const rkey = blueskyRecordKey('target-7.1');
      expect(await adapter.lookUpPublished(lookup(connection, { content: { text: 'Brøyting i dag', link: null, mediaUrls: [] } }))).toEqual(
        {
          found: true,
          externalId: `at://${fake.did}/app.bsky.feed.post/${rkey}`,
          url: `https://bsky.app/profile/${fake.did}/post/${rkey}`,
        },
      );
    });

    it('answers not on the platform for a key with no record (RecordNotFound)', async () => {
      expect(await adapter.lookUpPublished(lookup(connection, { idempotencyKey: 'target-8.1' }))).toEqual({
        found: false,
        because: 'not_on_platform',
      });
    });

    it('refuses to take another post at the same key for this one', async () => {
      const error = await caughtError(
        adapter.lookUpPublished(lookup(connection, { content: { text: 'Noe annet', link: null, mediaUrls: [] } })),
        PlatformInvalidContentError,
      );
      expect(error.code).toBe('rkey_collision');
    });

    it('throws the publishing error classes when the PDS fails', async () => {
      fake.server.replyNext(requestMatching('GET', /getRecord/), {
        status: 502,
        json: { error: 'UpstreamFailure', message: 'Bad gateway' },
      });
      expect((await caughtError(adapter.lookUpPublished(lookup(connection)), PlatformTransientError)).status).toBe(502);
    });
  });

  describe('on Mastodon (an empty status under the same Idempotency-Key, within the hour)', () => {
    const fake = new FakeMastodon();
    const adapter = new MastodonAdapter({ outbound: localOutbound(), now: () => NOW });
    let connection: ChannelConnection;
    beforeAll(async () => {
      connection = { credentials: { accessToken: fake.accessToken }, settings: { instanceUrl: await fake.start() } };
    });
    afterAll(() => fake.stop());

    it('gets the status the key made replayed, and makes nothing', async () => {
      const published = await adapter.publish({
        idempotencyKey: 'target-7.1',
        content: { text: 'Brøyting', link: null, mediaUrls: [] },
        connection,
        timeoutMs: 2000,
      });
      const answer = await adapter.lookUpPublished(lookup(connection));
      expect(answer).toEqual({ found: true, externalId: published.externalId, url: published.url });
      expect(fake.statuses).toHaveLength(1);
      expect(fake.server.requestsTo('POST', /statuses/).at(-1)?.json).toEqual({ status: '' });
    });

    it('answers not on the platform when the key is unknown: the empty status is refused (422) and not made', async () => {
      expect(await adapter.lookUpPublished(lookup(connection, { idempotencyKey: 'target-9.1' }))).toEqual({
        found: false,
        because: 'not_on_platform',
      });
      expect(fake.statuses.filter((status) => status.idempotencyKey === 'target-9.1')).toHaveLength(0);
    });

    it('cannot tell once the hour Mastodon keeps a key has passed, and does not ask', async () => {
      const asked = fake.server.requestsTo('POST', /statuses/).length;
      const error = await caughtError(
        adapter.lookUpPublished(lookup(connection, { firstAttemptAt: NOW - MASTODON_IDEMPOTENCY_WINDOW_MS })),
        PlatformAmbiguousError,
      );
      expect(error.code).toBe('lookup.cannot_tell');
      expect(fake.server.requestsTo('POST', /statuses/)).toHaveLength(asked);
    });
  });

  describe('on a webhook receiver (no read: a repeat is the look-up when it deduplicates)', () => {
    const adapter = new WebhookAdapter({ outbound: localOutbound(), now: () => NOW });
    const connection = (settings: Record<string, unknown>): ChannelConnection => ({
      baseUrl: 'https://intranett.example.no/hooks',
      credentials: { secret: 'whsec-x' },
      settings,
    });

    it('says a repeat is safe when the connection says the receiver deduplicates', async () => {
      expect(await adapter.lookUpPublished(lookup(connection({ deduplicates: 'yes' })))).toEqual({
        found: false,
        because: 'repeat_is_safe',
      });
    });

    it.each([{}, { deduplicates: 'no' }])('cannot tell otherwise (%j)', async (settings) => {
      const error = await caughtError(adapter.lookUpPublished(lookup(connection(settings))), PlatformAmbiguousError);
      expect(error.code).toBe('lookup.cannot_tell');
    });
  });
});
