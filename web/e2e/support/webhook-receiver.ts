import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The signing secret the specs give the webhook channel's connection. */
export const WEBHOOK_SECRET = 'whsec-e2e-0123456789';
const SECRET = WEBHOOK_SECRET;

/**
 * The organisation's own webhook receiver, keeping the signed-webhook contract (Standard Webhooks): it
 * checks `webhook-signature` (v1, HMAC-SHA256 of `webhook-id.webhook-timestamp.body`) and a timestamp
 * within 5 minutes, answers 401 otherwise, and counts every publish per idempotency key — so "exactly
 * once" is counted by the platform, not by Kadens.
 */
export class Receiver {
  readonly publishes: Array<{ key: string; text: string }> = [];
  private server: Server | null = null;

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const { 'webhook-id': id, 'webhook-timestamp': timestamp, 'webhook-signature': signatures } = req.headers;
        const expected = Buffer.from(`v1,${createHmac('sha256', SECRET).update(`${id}.${timestamp}.${body}`).digest('base64')}`);
        const fresh = Math.abs(Date.now() / 1000 - Number(timestamp)) <= 300;
        const signed = String(signatures ?? '')
          .split(' ')
          .some((signature) => Buffer.from(signature).length === expected.length && timingSafeEqual(Buffer.from(signature), expected));
        if (typeof id !== 'string' || !fresh || !signed) {
          res.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'Invalid signature' }));
          return;
        }
        const payload = JSON.parse(body) as { event: string; text: string };
        if (payload.event === 'post.publish') this.publishes.push({ key: String(req.headers['idempotency-key']), text: payload.text });
        const newsId = `news-${this.publishes.length}`;
        res.writeHead(payload.event === 'post.publish' ? 201 : 204, { 'content-type': 'application/json' });
        res.end(
          payload.event === 'post.publish'
            ? JSON.stringify({ id: newsId, url: `https://intranett.fjordvik.example/${newsId}` })
            : undefined,
        );
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hooks/kadens`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
