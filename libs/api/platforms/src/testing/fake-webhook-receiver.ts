import { createHmac } from 'node:crypto';

import { FakeHttpServer, type FakeReply, type ReceivedRequest } from './fake-http-server';

export interface FakeDelivery {
  id: string;
  idempotencyKey: string;
  payload: Record<string, unknown>;
}

/**
 * An organisation's receiver that keeps the webhook contract: it checks `X-Kadens-Signature`
 * (HMAC-SHA256 of the raw body, computed here independently of the adapter's code), answers 401 to a
 * bad one, deduplicates on `Idempotency-Key` and answers `{id, url}`. Connection tests are counted
 * apart from posts.
 */
export class FakeWebhookReceiver {
  readonly server = new FakeHttpServer();
  readonly path = '/hooks/kadens';
  secret = 'whsec-0123456789abcdef';
  readonly deliveries: FakeDelivery[] = [];
  connectionTests = 0;
  private nextId = 1;

  constructor() {
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
    const expected = `sha256=${createHmac('sha256', this.secret).update(request.body).digest('hex')}`;
    if (request.headers['x-kadens-signature'] !== expected)
      return { status: 401, json: { error: 'Invalid signature' } };
    const payload = request.json as Record<string, unknown> | undefined;
    if (payload === undefined || request.headers['content-type'] !== 'application/json') {
      return { status: 400, json: { error: 'Expected a JSON body' } };
    }
    if (payload['event'] === 'connection.test') {
      this.connectionTests++;
      return { status: 204 };
    }
    const key = request.headers['idempotency-key'];
    if (typeof key !== 'string' || key === '') return { status: 400, json: { error: 'Idempotency-Key is required' } };
    const earlier = this.deliveries.find((delivery) => delivery.idempotencyKey === key);
    const delivery = earlier ?? { id: `delivery-${this.nextId++}`, idempotencyKey: key, payload };
    if (earlier === undefined) this.deliveries.push(delivery);
    return {
      status: earlier === undefined ? 201 : 200,
      json: { id: delivery.id, url: `https://intranett.kommune.no/nyheter/${delivery.id}` },
    };
  }
}
