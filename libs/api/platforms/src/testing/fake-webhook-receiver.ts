import { createHmac, timingSafeEqual } from 'node:crypto';

import { FakeHttpServer, type FakeReply, type ReceivedRequest } from './fake-http-server';

export interface FakeDelivery {
  id: string;
  idempotencyKey: string;
  payload: Record<string, unknown>;
}

export interface FakeWebhookReceiverOptions {
  /** The receiver's clock, which the signature's timestamp must be within 5 minutes of. */
  now?: () => number;
}

/**
 * An organisation's receiver that keeps the webhook contract, Standard Webhooks style: it checks
 * `webhook-signature` (v1, base64 HMAC-SHA256 of `webhook-id.webhook-timestamp.body` with the
 * `whsec_` secret decoded — computed here independently of the adapter's code), answers 401 to a bad
 * one or to a timestamp more than 5 minutes from its clock (a replay), deduplicates on `webhook-id`
 * (the idempotency key, also sent as `Idempotency-Key`) and answers `{id, url}`. Connection tests are
 * counted apart from posts.
 */
export class FakeWebhookReceiver {
  readonly server = new FakeHttpServer();
  readonly path = '/hooks/kadens';
  /** Plain text is used as its UTF-8 bytes; `whsec_<base64>` as the bytes it encodes. */
  secret = 'whsec-0123456789abcdef';
  readonly deliveries: FakeDelivery[] = [];
  connectionTests = 0;
  /** Why each refused request was refused, in order. */
  readonly refusals: string[] = [];
  private nextId = 1;
  private readonly now: () => number;

  constructor(options: FakeWebhookReceiverOptions = {}) {
    this.now = options.now ?? Date.now;
    this.server.route('POST', this.path, (request) => this.receive(request));
  }

  get url(): string {
    return `${this.server.baseUrl}${this.path}`;
  }

  start(): Promise<string> {
    return this.server.start();
  }

  stop(): Promise<void> {
    return this.server.stop();
  }

  private receive(request: ReceivedRequest): FakeReply {
    const problem = this.signatureProblem(request);
    if (problem !== null) {
      this.refusals.push(problem);
      return { status: 401, json: { error: problem } };
    }
    const payload = request.json as Record<string, unknown> | undefined;
    if (payload === undefined || request.headers['content-type'] !== 'application/json') {
      return { status: 400, json: { error: 'Expected a JSON body' } };
    }
    if (payload['event'] === 'connection.test') {
      this.connectionTests++;
      return { status: 204 };
    }
    const key = String(request.headers['webhook-id']);
    if (request.headers['idempotency-key'] !== key) return { status: 400, json: { error: 'Idempotency-Key must equal webhook-id' } };
    const earlier = this.deliveries.find((delivery) => delivery.idempotencyKey === key);
    const delivery = earlier ?? { id: `delivery-${this.nextId++}`, idempotencyKey: key, payload };
    if (earlier === undefined) this.deliveries.push(delivery);
    return {
      status: earlier === undefined ? 201 : 200,
      json: { id: delivery.id, url: `https://intranett.kommune.no/nyheter/${delivery.id}` },
    };
  }

  private signatureProblem(request: ReceivedRequest): string | null {
    const id = request.headers['webhook-id'];
    const timestamp = request.headers['webhook-timestamp'];
    const signatures = request.headers['webhook-signature'];
    if (typeof id !== 'string' || typeof timestamp !== 'string' || typeof signatures !== 'string') return 'Missing signature headers';
    if (!/^\d+$/.test(timestamp) || Math.abs(this.now() / 1000 - Number(timestamp)) > 300) return 'Timestamp outside the tolerance';
    const key = this.secret.startsWith('whsec_') ? Buffer.from(this.secret.slice(6), 'base64') : Buffer.from(this.secret);
    const expected = Buffer.from(createHmac('sha256', key).update(`${id}.${timestamp}.`).update(request.body).digest('base64'));
    const valid = signatures.split(' ').some((entry) => {
      const [version, signature = ''] = entry.split(',');
      const given = Buffer.from(signature);
      return version === 'v1' && given.length === expected.length && timingSafeEqual(given, expected);
    });
    return valid ? null : 'Invalid signature';
  }
}
