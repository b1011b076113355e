import { outboundRefusalOf, type OutboundClient, responseTooLargeOf } from '@kadens/api/outbound';
import type { Platform } from '@kadens/shared/contracts';

import { PlatformAmbiguousError, PlatformAuthError, PlatformTransientError } from '../platform-errors';

/**
 * What the call does that people would see. One with no visible effect (a read, an unpublished
 * upload) can be repeated freely, so a timeout is transient; one that `publishes` and timed out after
 * leaving may have happened.
 */
export type CallEffect = 'none' | 'publishes';

export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: URL;
  headers?: Record<string, string>;
  /** A stream is sent as it is read (media uploads), never buffered whole; set its content-length header. */
  body?: string | URLSearchParams | Uint8Array<ArrayBuffer> | ReadableStream<Uint8Array>;
  timeoutMs: number;
  effect: CallEffect;
}

export interface HttpResponse {
  status: number;
  headers: Headers;
  /** The raw body; platforms' error bodies are read from it by each adapter. */
  text: string;
  /** The parsed body when it is JSON, otherwise undefined (see `isJson`). */
  json: unknown;
  isJson: boolean;
}

/**
 * Failures that happen while connecting: the request never left, so it cannot have taken effect.
 * Everything else (a reset, a closed socket, a timeout) may come after the platform read it.
 */
const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/**
 * Sends one request through the guarded client, with a deadline that covers the whole exchange, body
 * included, and returns whatever status came back: deciding what a status means is the adapter's job.
 * Throws only for the cases no status can describe.
 */
export async function httpCall(client: OutboundClient, platform: Platform, request: HttpRequest): Promise<HttpResponse> {
  let response: Response;
  let text: string;
  try {
    response = await client.fetch(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      // Following a redirect would turn a POST into a GET elsewhere; the adapter sees the 3xx instead.
      redirect: 'manual',
      timeoutMs: request.timeoutMs,
    });
    text = await response.text();
  } catch (error) {
    throw networkFailure(platform, request, error);
  }
  const json = parseJson(text);
  return { status: response.status, headers: response.headers, text, json: json.value, isJson: json.ok };
}

function networkFailure(platform: Platform, request: HttpRequest, error: unknown): Error {
  // The guard refused the address: nothing left, and nothing will until the address or the
  // operator's allow-list changes. The message is the guard's own, never text from that address.
  const refused = outboundRefusalOf(error);
  if (refused !== null) {
    return new PlatformAuthError(platform, `The connection's address is not allowed: ${refused.message}`, {
      code: 'connection.address_refused',
      cause: error,
    });
  }
  const tooLarge = responseTooLargeOf(error);
  if (tooLarge !== null) {
    const message = `${request.method} answered with more than ${tooLarge.limitBytes} bytes; the rest was not read`;
    const details = { code: 'response_too_large', cause: error };
    return request.effect === 'publishes'
      ? new PlatformAmbiguousError(platform, message, details)
      : new PlatformTransientError(platform, message, details);
  }
  const code = networkErrorCode(error);
  const what = isTimeout(error) ? `no answer within ${request.timeoutMs} ms` : `network error ${code ?? 'unknown'}`;
  if ((code !== null && NOT_SENT_CODES.has(code)) || request.effect === 'none') {
    return new PlatformTransientError(platform, `${request.method} failed: ${what}`, { code, cause: error });
  }
  return new PlatformAmbiguousError(platform, `${request.method} sent, outcome unknown: ${what}`, {
    code,
    cause: error,
  });
}

// Duck-typed, not `instanceof`: fetch's DOMException and undici's errors may come from another realm.
interface ErrorLike {
  name?: unknown;
  code?: unknown;
  cause?: unknown;
}

function isTimeout(error: unknown): boolean {
  const name = (error as ErrorLike | null)?.name;
  return name === 'TimeoutError' || name === 'AbortError';
}

/** undici wraps the socket's error: `TypeError('fetch failed', { cause: { code } })`. */
function networkErrorCode(error: unknown): string | null {
  if (isTimeout(error)) return 'timeout';
  let current = error as ErrorLike | null | undefined;
  for (let depth = 0; typeof current === 'object' && current !== null && depth < 4; depth++) {
    if (typeof current.code === 'string') return current.code;
    current = current.cause as ErrorLike | null | undefined;
  }
  return null;
}

function parseJson(text: string): { ok: boolean; value: unknown } {
  if (text.trim() === '') return { ok: false, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, value: undefined };
  }
}
