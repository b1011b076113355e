import { OutboundClient } from '@kadens/api/outbound';
import { createHmac } from 'node:crypto';

import { caughtError } from '../../testing/caught-error';
import { eventually } from '../../testing/eventually';
import { requestMatching } from '../../testing/fake-http-server';
import { FakeWebhookReceiver } from '../../testing/fake-webhook-receiver';
import { localOutbound } from '../../testing/local-outbound';
import type { ChannelConnection, PublishRequest } from '../platform-adapter';
import {
  PlatformAmbiguousError,
  PlatformAuthError,
  PlatformInvalidContentError,
  PlatformRateLimitedError,
  PlatformTransientError,
} from '../platform-errors';
import { WebhookAdapter } from './webhook-adapter';
import { verifyWebhook } from './webhook-signature';

const NOW = Date.UTC(2026, 10, 22, 12, 0, 0);

describe('WebhookAdapter against a receiver that keeps the contract', () => {
  let receiverNow = NOW;
  const receiver = new FakeWebhookReceiver({ now: () => receiverNow });
  const outbound = localOutbound();
  const adapter = new WebhookAdapter({ outbound, now: () => NOW });
  let connection: ChannelConnection;

  beforeAll(async () => {
    receiver.secret = `whsec_${Buffer.from('fjordvik-webhook-secret-0123456789').toString('base64')}`;
    await receiver.start();
    connection = { credentials: { secret: receiver.secret }, settings: { url: receiver.url } };
  });
  afterAll(async () => {
    await receiver.stop();
    await outbound.close();
  });
  beforeEach(() => {
    receiverNow = NOW;
    receiver.refusals.length = 0;
    receiver.deliveries.length = 0;
    receiver.server.received.length = 0;
  });

  const request = (text: string, idempotencyKey = 'target-1:1'): PublishRequest => ({
    idempotencyKey,
    content: { text, link: 'https://kommune.no/a', mediaUrls: ['https://cdn.kommune.no/a.jpg'] },
    connection,
    timeoutMs: 2000,
  });
  const hook = requestMatching('POST', /^\/hooks\/kadens$/);

  it('delivers the post once as signed JSON with the idempotency key, and takes the id the receiver gives', async () => {
    const result = await adapter.publish(request('Æ, ø og å — og emoji 👍'));

    expect(receiver.deliveries).toEqual([
      {
        id: result.externalId,
        idempotencyKey: 'target-1:1',
        payload: {
          event: 'post.publish',
          idempotencyKey: 'target-1:1',
          text: 'Æ, ø og å — og emoji 👍',
          link: 'https://kommune.no/a',
          mediaUrls: ['https://cdn.kommune.no/a.jpg'],
          media: [],
        },
      },
    ]);
    expect(result.url).toBe(`https://intranett.kommune.no/nyheter/${result.externalId}`);
    const [received] = receiver.server.received;
    expect(received.headers['idempotency-key']).toBe('target-1:1');
    expect(received.headers['webhook-id']).toBe('target-1:1');
    expect(received.headers['webhook-timestamp']).toBe(String(NOW / 1000));
    const key = Buffer.from(receiver.secret.slice('whsec_'.length), 'base64');
    const expected = createHmac('sha256', key)
      .update(`target-1:1.${NOW / 1000}.${received.body}`)
      .digest('base64');
    expect(received.headers['webhook-signature']).toBe(`v1,${expected}`);
    expect(received.headers['x-kadens-signature']).toBeUndefined();

    expect(verifyWebhook(receiver.secret, received.body, received.headers, NOW)).toBe('valid');
    expect(verifyWebhook(receiver.secret, `${received.body} `, received.headers, NOW)).toBe('bad_signature');
    expect(verifyWebhook('whsec_b3RoZXI=', received.body, received.headers, NOW)).toBe('bad_signature');
    expect(verifyWebhook(receiver.secret, received.body, received.headers, NOW + 5 * 60_000)).toBe('valid');
    expect(verifyWebhook(receiver.secret, received.body, received.headers, NOW + 5 * 60_000 + 1000)).toBe('stale_timestamp');
    expect(verifyWebhook(receiver.secret, received.body, { ...received.headers, 'webhook-id': undefined }, NOW)).toBe('missing_headers');
  });

  /** The exact request the receiver got, sent again (a captured delivery replayed by someone else). */
  const replay = (received: (typeof receiver.server.received)[number], body = received.body) =>
    outbound.fetch(receiver.url, {
      method: 'POST',
      body,
      headers: Object.fromEntries(
        ['content-type', 'idempotency-key', 'webhook-id', 'webhook-timestamp', 'webhook-signature'].map((name) => [
          name,
          String(received.headers[name]),
        ]),
      ),
    });

  it('is refused by the receiver when replayed after five minutes, or with another body', async () => {
    await adapter.publish(request('Fanget opp'));
    const [received] = receiver.server.received;

    receiverNow = NOW + 6 * 60_000;
    expect((await replay(received)).status).toBe(401);
    receiverNow = NOW + 60_000;
    const tampered = received.body.replace('Fanget opp', 'Endret tekst');
    expect((await replay(received, tampered)).status).toBe(401);
    expect(receiver.refusals).toEqual(['Timestamp outside the tolerance', 'Invalid signature']);
    expect(receiver.deliveries).toHaveLength(1);
    expect((await replay(received)).status).toBe(200);
  });

  it("is refused when its own clock is more than five minutes off the receiver's", async () => {
    receiverNow = NOW - 6 * 60_000;
    const error = await caughtError(adapter.publish(request('Klokka')), PlatformAuthError);
    expect(error.message).toContain('Timestamp outside the tolerance');
  });

  it('signs with a secret that is not whsec_ base64 as its UTF-8 bytes', async () => {
    const kept = receiver.secret;
    receiver.secret = 'a-secret-saved-before-standard-webhooks';
    try {
      await adapter.publish({ ...request('Gammel hemmelighet'), connection: { ...connection, credentials: { secret: receiver.secret } } });
      expect(receiver.deliveries).toHaveLength(1);
    } finally {
      receiver.secret = kept;
    }
  });

  it('sends nothing to an address the guard refuses, and says so as an auth failure', async () => {
    const strict = new WebhookAdapter({ outbound: new OutboundClient(), now: () => NOW });
    const error = await caughtError(strict.publish(request('Stopp')), PlatformAuthError);
    expect(error).toMatchObject({ code: 'connection.address_refused' });
    expect(error.message).toContain('OUTBOUND_ALLOW_HOSTS');
    expect(receiver.server.received).toHaveLength(0);
  });

  it('is delivered once when the same key is sent twice: the receiver deduplicates', async () => {
    const first = await adapter.publish(request('To ganger'));
    const second = await adapter.publish(request('To ganger'));
    expect(second.externalId).toBe(first.externalId);
    expect(receiver.deliveries).toHaveLength(1);
  });

  it('maps a refused signature (401) and a 403 to auth errors', async () => {
    const wrongSecret = { ...connection, credentials: { secret: 'not-the-secret' } };
    const error = await caughtError(adapter.publish({ ...request('Hei'), connection: wrongSecret }), PlatformAuthError);
    expect(error.message).toContain('Invalid signature');

    receiver.server.replyNext(hook, { status: 403, json: { error: 'Forbidden' } });
    await caughtError(adapter.publish(request('Hei')), PlatformAuthError);
    expect(receiver.deliveries).toHaveLength(0);
  });

  it('waits as long as Retry-After says on a 429', async () => {
    receiver.server.replyNext(hook, { status: 429, headers: { 'retry-after': '45' }, json: { error: 'Busy' } });
    const error = await caughtError(adapter.publish(request('Hei')), PlatformRateLimitedError);
    expect(error.retryAfterMs).toBe(45_000);
  });

  it('maps a 5xx to transient', async () => {
    receiver.server.replyNext(hook, { status: 503, json: { error: 'Maintenance' } });
    await caughtError(adapter.publish(request('Hei')), PlatformTransientError);
  });

  it('calls a slow answer ambiguous, and the receiver has the post', async () => {
    receiver.server.delayNext(hook, 500);
    await caughtError(adapter.publish({ ...request('Sakte'), timeoutMs: 100 }), PlatformAmbiguousError);
    await eventually(() => expect(receiver.deliveries).toHaveLength(1));
  });

  it('fails a 4xx as invalid content with the receiver message', async () => {
    receiver.server.replyNext(hook, { status: 422, json: { error: 'Unknown channel', code: 'unknown_channel' } });
    const error = await caughtError(adapter.publish(request('Hei')), PlatformInvalidContentError);
    expect(error).toMatchObject({ status: 422, code: 'unknown_channel' });
    expect(error.message).toContain('Unknown channel');
  });

  it('names the raw status of an error body that is not JSON, and accepts a plain-text success', async () => {
    receiver.server.replyNext(hook, { status: 400, headers: { 'content-type': 'text/plain' }, raw: 'bad' });
    const error = await caughtError(adapter.publish(request('Hei')), PlatformInvalidContentError);
    expect(error.message).toContain('HTTP 400');

    receiver.server.replyNext(hook, { status: 200, headers: { 'content-type': 'text/plain' }, raw: 'OK' });
    await expect(adapter.publish(request('Hei', 'target-9:1'))).resolves.toEqual({
      externalId: 'target-9:1',
      url: null,
      raw: 'OK',
    });
  });

  it('keeps the path and trailing slash of the address as configured', async () => {
    const slash = { ...connection, settings: { url: `${receiver.url}/` } };
    await caughtError(adapter.publish({ ...request('Hei'), connection: slash }), PlatformInvalidContentError);
    expect(receiver.server.received[0].path).toBe('/hooks/kadens/');
  });

  it('verifies the connection with a signed test event that is not a post', async () => {
    await expect(adapter.verifyCredentials(connection)).resolves.toEqual({ accountName: new URL(receiver.url).host });
    expect(receiver.connectionTests).toBe(1);
    expect(receiver.deliveries).toHaveLength(0);
  });
});
