import { isIP } from 'node:net';
import { Agent, fetch as undiciFetch, type RequestInit as UndiciRequestInit } from 'undici';

import { AllowList } from './address-policy';
import { type DirectBody, directRequest, isDirectBody } from './direct-request';
import { guardedConnector, judge, type Resolver, systemResolver } from './guarded-connector';
import { OutboundRefusedError, OutboundResponseTooLargeError, outboundRefusalOf } from './outbound-errors';

export const OUTBOUND_DEFAULT_MAX_RESPONSE_BYTES = 1024 * 1024;
export const OUTBOUND_DEFAULT_TIMEOUT_MS = 30_000;
/** No request may take longer than this, whatever it asks for. */
export const OUTBOUND_MAX_TIMEOUT_MS = 600_000;
const CONNECT_TIMEOUT_MS = 10_000;
/** How long a check before saving waits for DNS; a name still unresolved then is left to the connect-time check. */
const CHECK_RESOLVE_TIMEOUT_MS = 5_000;
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

export interface OutboundOptions {
  /** OUTBOUND_ALLOW_HOSTS: host names, IP addresses and CIDR ranges the policy would refuse but the operator allows. */
  allowHosts?: readonly string[];
  /** Answers longer than this fail (OUTBOUND_MAX_RESPONSE_KB); a request may ask for less. */
  maxResponseBytes?: number;
  /** For requests that name no `timeoutMs`. */
  defaultTimeoutMs?: number;
  /** How names become addresses; the system resolver unless a test plays DNS. */
  resolve?: Resolver;
}

export interface OutboundLimits {
  /** The whole exchange — connecting, sending, the answer's body — within this many ms. */
  timeoutMs?: number;
  maxResponseBytes?: number;
}

export type OutboundRequestInit = RequestInit & OutboundLimits;

/**
 * The one HTTP client for every request Kadens makes on a user's behalf (platform adapters,
 * connection tests; later OAuth, link previews, media). Standard `fetch` in shape, with three
 * guarantees: it connects only to addresses the policy allows (see address-policy.ts) — checked on
 * the address actually connected to, for every redirect hop too; the body it hands back is read in
 * full up to `maxResponseBytes`, no further; and the whole exchange ends within its time limit.
 */
export class OutboundClient {
  private readonly allowList: AllowList;
  private readonly agent: Agent;
  private readonly resolve: Resolver;
  readonly maxResponseBytes: number;
  private readonly defaultTimeoutMs: number;

  constructor(options: OutboundOptions = {}) {
    this.allowList = new AllowList(options.allowHosts ?? []);
    this.resolve = options.resolve ?? systemResolver;
    this.maxResponseBytes = options.maxResponseBytes ?? OUTBOUND_DEFAULT_MAX_RESPONSE_BYTES;
    this.defaultTimeoutMs = options.defaultTimeoutMs ?? OUTBOUND_DEFAULT_TIMEOUT_MS;
    this.agent = new Agent({ connect: guardedConnector(this.allowList, this.resolve, CONNECT_TIMEOUT_MS) });
  }

  /**
   * `fetch`, guarded. Rejects with `OutboundRefusedError` when the destination (or a redirect's) is
   * refused, `OutboundResponseTooLargeError` past the size limit, the signal's reason (a
   * `TimeoutError`) past the time limit, and fetch's own errors otherwise. Follows redirects unless
   * `redirect` says otherwise.
   */
  async fetch(input: string | URL | Request, init: OutboundRequestInit = {}): Promise<Response> {
    const { timeoutMs, maxResponseBytes, ...requestInit } = init;
    const request = await asRequest(input, requestInit);
    const limit = Math.min(maxResponseBytes ?? this.maxResponseBytes, this.maxResponseBytes);
    const timeoutMsClamped = clamp(timeoutMs ?? this.defaultTimeoutMs, 1, OUTBOUND_MAX_TIMEOUT_MS);
    if (request.init.redirect === 'manual' && isDirectBody(request.init.body)) {
      return this.direct(request.url, request.init, request.signal, timeoutMsClamped, limit);
    }
    const timeout = AbortSignal.timeout(timeoutMsClamped);
    const signal = request.signal ? AbortSignal.any([request.signal, timeout]) : timeout;
    try {
      const response = await undiciFetch(request.url, { ...request.init, signal, dispatcher: this.agent });
      const body = await readCapped(response, limit);
      return new Response(NULL_BODY_STATUSES.has(response.status) ? null : body, {
        status: response.status,
        statusText: response.statusText,
        headers: headerPairs(response.headers),
      });
    } catch (error) {
      throw outboundRefusalOf(error) ?? error;
    }
  }

  /** The common case — redirects handed back, a body in hand — without fetch's cost (direct-request.ts). */
  private async direct(url: URL, init: UndiciRequestInit, outer: AbortSignal | null, timeoutMs: number, limit: number): Promise<Response> {
    const controller = new AbortController();
    const timer = setTimeout(
      () => controller.abort(new DOMException(`The operation was aborted due to timeout`, 'TimeoutError')),
      timeoutMs,
    );
    const stop = () => controller.abort(outer?.reason);
    if (outer?.aborted) stop();
    else outer?.addEventListener('abort', stop, { once: true });
    try {
      return await directRequest(this.agent, {
        url,
        method: init.method ?? 'GET',
        headers: (init.headers as Array<[string, string]> | undefined) ?? [],
        body: init.body as DirectBody,
        signal: controller.signal,
        limit,
      });
    } catch (error) {
      // Aborted: the reason (a TimeoutError, or the caller's own), as fetch rejects.
      if (controller.signal.aborted) throw controller.signal.reason;
      throw outboundRefusalOf(error) ?? error;
    } finally {
      clearTimeout(timer);
      outer?.removeEventListener('abort', stop);
    }
  }

  /**
   * Before saving an address: would a request to it be refused? Resolves the name now; the check
   * at connect time stays the real guard (names change). A name that does not resolve is not
   * refused here (nor one that takes longer than 5 s): it may resolve where the request is made.
   */
  async refusalFor(url: string | URL): Promise<OutboundRefusedError | null> {
    const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
    if (isIP(host) !== 0) {
      const refusal = judge(this.allowList, host, host);
      return refusal === null ? null : new OutboundRefusedError(host, refusal);
    }
    if (this.allowList.allowsHost(host)) return null;
    let addresses: Awaited<ReturnType<Resolver>>;
    let timer: NodeJS.Timeout | undefined;
    try {
      const late = new Promise<never>(
        (_, reject) => (timer = setTimeout(() => reject(new Error('DNS too slow')), CHECK_RESOLVE_TIMEOUT_MS)),
      );
      addresses = await Promise.race([this.resolve(host), late]);
    } catch {
      return null;
    } finally {
      clearTimeout(timer);
    }
    for (const { address } of addresses) {
      const refusal = judge(this.allowList, host, address);
      if (refusal !== null) return new OutboundRefusedError(host, refusal);
    }
    return null;
  }

  /** Closes pooled connections; the client cannot be used afterwards. */
  close(): Promise<void> {
    return this.agent.close();
  }
}

/** A `Request` (from whichever fetch made it) as a URL and the init undici's fetch takes. */
async function asRequest(
  input: string | URL | Request,
  init: RequestInit,
): Promise<{ url: URL; init: UndiciRequestInit; signal: AbortSignal | null }> {
  let url: URL;
  let merged: RequestInit = init;
  if (typeof input === 'string' || input instanceof URL) url = new URL(input);
  else {
    url = new URL(input.url);
    const body = input.body === null ? undefined : await input.arrayBuffer();
    merged = { method: input.method, headers: input.headers, body, redirect: input.redirect, signal: input.signal, ...init };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new TypeError(`Only http and https addresses can be fetched, not ${url.protocol}`);
  const headers = merged.headers === undefined ? undefined : headerPairs(new Headers(merged.headers));
  const { signal, ...rest } = merged;
  const streamed = rest.body instanceof ReadableStream ? { duplex: 'half' as const } : {};
  return { url, init: { ...(rest as UndiciRequestInit), ...streamed, headers }, signal: signal ?? null };
}

/** The whole body, or `OutboundResponseTooLargeError` as soon as it passes `limit` (the rest is never read). */
async function readCapped(response: Awaited<ReturnType<typeof undiciFetch>>, limit: number): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) {
    await response.body?.cancel().catch(() => undefined);
    throw new OutboundResponseTooLargeError(limit);
  }
  if (response.body === null) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      throw new OutboundResponseTooLargeError(limit);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/** Headers of either fetch (Node's own, undici's) as plain pairs, which both accept. */
function headerPairs(headers: { forEach(callback: (value: string, name: string) => void): void }): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  headers.forEach((value, name) => pairs.push([name, value]));
  return pairs;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}
