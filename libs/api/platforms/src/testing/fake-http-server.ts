import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the fake platform received it, raw body included (signatures are over the raw body). */
export interface ReceivedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  /** The request target as sent, before any decoding (Rest.li's `List(…)` must arrive unescaped). */
  target: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** The body's bytes as sent (uploads are binary; `body` is them read as UTF-8). */
  raw: Buffer;
  /** The body parsed, when it was JSON. */
  json: unknown;
  /** The body parsed, when it was a form. */
  form: URLSearchParams;
}

export interface FakeReply {
  status: number;
  headers?: Record<string, string>;
  /** Sent as JSON; use `raw` for anything else. */
  json?: unknown;
  raw?: string;
}

export type FakeHandler = (request: ReceivedRequest, params: Record<string, string>) => FakeReply | Promise<FakeReply>;
export type RequestMatcher = (request: ReceivedRequest) => boolean;

interface Route {
  method: string;
  pattern: RegExp;
  handler: FakeHandler;
}

interface Interception {
  matches: RequestMatcher;
  /** Answer this instead of the platform's handler; the platform does nothing. */
  reply?: FakeReply;
  /** Hold the request this long, before the platform handles it or after (before it answers). */
  delayMs?: number;
  delayWhen?: 'before_handling' | 'after_handling';
}

/**
 * A local HTTP server on 127.0.0.1 and a free port, the base of every fake platform. A fake declares
 * the platform's routes; tests then bend the next matching request (`replyNext`, `delayNext`) to
 * produce the platform's documented failures.
 */
export class FakeHttpServer {
  readonly received: ReceivedRequest[] = [];
  private readonly routes: Route[] = [];
  private readonly interceptions: Interception[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private server: Server | undefined;
  private url = '';

  get baseUrl(): string {
    if (this.url === '') throw new Error('The fake server is not started');
    return this.url;
  }

  async start(): Promise<string> {
    const server = createServer((req, res) => void this.handle(req, res));
    this.server = server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    const server = this.server;
    if (server === undefined) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    this.server = undefined;
  }

  /** `pattern` is a path with `:name` segments, e.g. `/:version/:pageId/feed`. */
  route(method: string, pattern: string, handler: FakeHandler): void {
    const source = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/:(\w+)/g, '(?<$1>[^/]+)');
    this.routes.push({ method, pattern: new RegExp(`^${source}$`), handler });
  }

  replyNext(matches: RequestMatcher, reply: FakeReply): void {
    this.interceptions.push({ matches, reply });
  }

  /**
   * The next matching request is answered `delayMs` late. By default the platform has already done
   * what was asked (the post exists, only the answer is slow); `before_handling` holds the request
   * first, like a platform still busy when the client gives up.
   */
  delayNext(matches: RequestMatcher, delayMs: number, delayWhen: Interception['delayWhen'] = 'after_handling'): void {
    this.interceptions.push({ matches, delayMs, delayWhen });
  }

  requestsTo(method: string, pathPattern: RegExp): ReceivedRequest[] {
    return this.received.filter((request) => request.method === method && pathPattern.test(request.path));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const request = await readRequest(req);
    this.received.push(request);
    const index = this.interceptions.findIndex((interception) => interception.matches(request));
    const interception = index === -1 ? undefined : this.interceptions.splice(index, 1)[0];
    if (interception?.delayWhen === 'before_handling') await this.wait(interception.delayMs ?? 0);
    const reply = interception?.reply ?? (await this.dispatch(request));
    if (interception?.delayWhen === 'after_handling') await this.wait(interception.delayMs ?? 0);
    send(res, reply);
  }

  private wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        resolve();
      }, ms);
      this.timers.add(timer);
    });
  }

  private async dispatch(request: ReceivedRequest): Promise<FakeReply> {
    for (const route of this.routes) {
      const match = route.method === request.method ? route.pattern.exec(request.path) : null;
      if (match) return route.handler(request, { ...match.groups });
    }
    return { status: 404, json: { error: `No route for ${request.method} ${request.path}` } };
  }
}

export function requestMatching(method: string, pathPattern: RegExp): RequestMatcher {
  return (request) => request.method === method && pathPattern.test(request.path);
}

export const ANY_REQUEST: RequestMatcher = () => true;

async function readRequest(req: IncomingMessage): Promise<ReceivedRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  const body = raw.toString('utf8');
  const url = new URL(req.url ?? '/', 'http://fake');
  const type = req.headers['content-type'] ?? '';
  let json: unknown;
  if (type.includes('json') && body !== '') {
    try {
      json = JSON.parse(body);
    } catch {
      json = undefined;
    }
  }
  const form = type.includes('application/x-www-form-urlencoded') ? new URLSearchParams(body) : new URLSearchParams();
  return {
    method: req.method ?? 'GET',
    path: url.pathname,
    query: url.searchParams,
    target: req.url ?? '/',
    headers: req.headers,
    body,
    raw,
    json,
    form,
  };
}

function send(res: ServerResponse, reply: FakeReply): void {
  if (res.destroyed) return;
  const isJson = reply.raw === undefined && reply.json !== undefined;
  const headers = { ...(isJson ? { 'content-type': 'application/json; charset=utf-8' } : {}), ...reply.headers };
  res.writeHead(reply.status, headers);
  res.end(isJson ? JSON.stringify(reply.json) : (reply.raw ?? ''));
}

/** A `multipart/form-data` body as the platform would read it (fields and files), parsed by the runtime's own parser. */
export async function multipartOf(request: ReceivedRequest): Promise<FormData | null> {
  const type = request.headers['content-type'] ?? '';
  if (!type.startsWith('multipart/form-data')) return null;
  try {
    return await new Response(new Uint8Array(request.raw), { headers: { 'content-type': type } }).formData();
  } catch {
    return null;
  }
}
