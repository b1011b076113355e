import { createHmac } from 'node:crypto';

import { caughtError } from '../../testing/caught-error';
import { eventually } from '../../testing/eventually';
import { requestMatching } from '../../testing/fake-http-server';
import { FakeWebhookReceiver } from '../../testing/fake-webhook-receiver';
import type { ChannelConnection, PublishRequest } from '../platform-adapter';
import {
  PlatformAmbiguousError,
  PlatformAuthError,
  PlatformInvalidContentError,
  PlatformRateLimitedError,
  PlatformTransientError,
} from '../platform-errors';
import { WebhookAdapter } from './webhook-adapter';
import { verifyWebhookSignature } from './webhook-signature';

const NOW = Date.UTC(2026, 10, 22, 12, 0, 0);

describe('WebhookAdapter against a receiver that keeps the contract', () => {
  const receiver = new FakeWebhookReceiver();
  const adapter = new WebhookAdapter({ now: () => NOW });
  let connection: ChannelConnection;

  beforeAll(async () => {
    await receiver.start();
    connection = { credentials: { secret: receiver.secret }, settings: { url: receiver.url } };
  });
  afterAll(() => receiver.stop());
  beforeEach(() => {
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
        },
      },
    ]);
    expect(result.url).toBe(`https://intranett.kommune.no/nyheter/${result.externalId}`);
    const [received] = receiver.server.received;
    const expected = `sha256=${createHmac('sha256', receiver.secret).update(Buffer.from(received.body, 'utf8')).digest('hex')}`;
    expect(received.headers['x-kadens-signature']).toBe(expected);
    expect(verifyWebhookSignature(receiver.secret, received.body, expected)).toBe(true);
    expect(verifyWebhookSignature(receiver.secret, `${received.body} `, expected)).toBe(false);
    expect(received.headers['idempotency-key']).toBe('target-1:1');
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
