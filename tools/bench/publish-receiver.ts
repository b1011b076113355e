import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A webhook receiver for the publishing benchmark and the fault tests, keeping the contract in
 * libs/api/platforms/README.md: it checks the Standard Webhooks signature (`webhook-signature:
 * v1,<base64 HMAC-SHA256 of "webhook-id.webhook-timestamp.body">`, a timestamp within 5 minutes;
 * 401 otherwise), deduplicates on `Idempotency-Key` (the same key as `webhook-id`) and answers 201 `{id, url}` after
 * `delayMs` (200 with the first id for a key it has seen). Unlike the test fake it keeps only counts
 * per key (a Map, so 10,000 keys cost nothing) and when each key first arrived.
 */
export class PublishReceiver {
  readonly path = '/hooks/kadens';
  /** Publish requests per idempotency key, deduplicated or not. */
  readonly requests = new Map<string, number>();
  /** When each key first arrived (epoch ms). */
  readonly firstAt = new Map<string, number>();
  private readonly ids = new Map<string, string>();
  connectionTests = 0;
  refused = 0;
  private server: Server | undefined;
  private baseUrl = '';
  private nextId = 1;

  /** `delayMs`: a fixed answer time, or [min, max] for a uniformly random one. */
  constructor(
    readonly secret: string,
    private readonly delayMs: number | readonly [number, number],
  ) {}

  get url(): string {
    return `${this.baseUrl}${this.path}`;
  }

  async start(): Promise<string> {
    const server = createServer((req, res) => void this.handle(req, res));
    server.keepAliveTimeout = 60_000;
    this.server = server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    this.server = undefined;
  }

  /** Publish requests received in all (each request counts, repeats included). */
  get received(): number {
    let total = 0;
    for (const n of this.requests.values()) total += n;
    return total;
  }

  /** Keys that arrived more than once: a resend, which must never happen for a webhook. */
  duplicateKeys(): string[] {
    return [...this.requests].filter(([, n]) => n > 1).map(([key]) => key);
  }

  /** `webhook-signature` holds a `v1,` signature of `id.timestamp.body` and the timestamp is within 5 minutes. */
  private signedByKadens(req: IncomingMessage, raw: Buffer): boolean {
    const id = req.headers['webhook-id'];
    const timestamp = req.headers['webhook-timestamp'];
    const signatures = req.headers['webhook-signature'];
    if (typeof id !== 'string' || typeof timestamp !== 'string' || typeof signatures !== 'string') return false;
    if (!/^\d+$/.test(timestamp) || Math.abs(Date.now() / 1000 - Number(timestamp)) > 300) return false;
    const key = this.secret.startsWith('whsec_') ? Buffer.from(this.secret.slice(6), 'base64') : Buffer.from(this.secret);
    const expected = Buffer.from(`v1,${createHmac('sha256', key).update(`${id}.${timestamp}.`).update(raw).digest('base64')}`);
    return signatures.split(' ').some((signature) => {
      const given = Buffer.from(signature);
      return given.length === expected.length && timingSafeEqual(given, expected);
    });
  }

  private delay(): number {
    if (typeof this.delayMs === 'number') return this.delayMs;
    const [min, max] = this.delayMs;
    return min + Math.random() * (max - min);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    if (req.method !== 'POST' || req.url !== this.path) return reply(res, 404, { error: 'Not found' });
    if (!this.signedByKadens(req, raw)) {
      this.refused++;
      return reply(res, 401, { error: 'Invalid signature' });
    }
    let payload: { event?: string };
    try {
      payload = JSON.parse(raw.toString('utf8')) as { event?: string };
    } catch {
      return reply(res, 400, { error: 'Expected a JSON body' });
    }
    if (payload.event === 'connection.test') {
      this.connectionTests++;
      return reply(res, 204);
    }
    const key = req.headers['idempotency-key'];
    if (typeof key !== 'string' || key === '') return reply(res, 400, { error: 'Idempotency-Key is required' });
    const seen = this.requests.get(key) ?? 0;
    this.requests.set(key, seen + 1);
    if (seen === 0) {
      this.firstAt.set(key, Date.now());
      this.ids.set(key, `delivery-${this.nextId++}`);
    }
    // The post exists from now on; only the answer takes its time (as a real platform's would).
    const id = this.ids.get(key) as string;
    await new Promise((resolve) => setTimeout(resolve, this.delay()));
    reply(res, seen === 0 ? 201 : 200, { id, url: `https://intranett.example.no/nyheter/${id}` });
  }
}

function reply(res: ServerResponse, status: number, body?: unknown): void {
  if (res.destroyed) return;
  if (body === undefined) {
    res.writeHead(status).end();
    return;
  }
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
}
