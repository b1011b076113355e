import type { OutboundClient } from '@kadens/api/outbound';

import { endpoint } from '../connection-fields';
import { type CallEffect, httpCall } from '../http/http-call';
import { failureFromStatus, isSuccess, stringField, successBody } from '../http/http-failure';
import { resetSecondsHeaderMs, retryAfterHeaderMs } from '../http/retry-after';
import { PlatformAuthError } from '../platform-errors';

/** Used only when a 429 comes without `ratelimit-reset`, which Bluesky's PDS always sends. */
export const BLUESKY_DEFAULT_RETRY_AFTER_MS = 15 * 60_000;

/**
 * XRPC error names that mean the session or the account, not the request. `ExpiredToken` comes as
 * HTTP 400, not 401, so the name decides, not the status.
 */
const AUTH_ERRORS = new Set([
  'ExpiredToken',
  'InvalidToken',
  'AuthenticationRequired',
  'AuthMissing',
  'AuthFactorTokenRequired',
  'AccountTakedown',
  'AccountDeactivated',
]);

/** Token errors a refreshed session can cure; the other auth errors need the person. */
export const SESSION_ERRORS: ReadonlySet<string> = new Set(['ExpiredToken', 'InvalidToken']);

export interface XrpcCall {
  client: OutboundClient;
  pds: string;
  nsid: string;
  method: 'GET' | 'POST';
  params?: Record<string, string>;
  body?: unknown;
  /** Sent as it is, instead of a JSON `body` (uploadBlob: the file, its type, its length). */
  raw?: { body: ReadableStream<Uint8Array>; contentType: string; length: number };
  bearer?: string;
  timeoutMs: number;
  effect: CallEffect;
  now: number;
}

/** One XRPC call to the account's PDS. Errors are `{error, message}`, as every atproto service sends them. */
export async function xrpc(call: XrpcCall): Promise<Record<string, unknown>> {
  const response = await httpCall(call.client, 'bluesky', {
    method: call.method,
    url: endpoint('bluesky', call.pds, `/xrpc/${call.nsid}`, call.params),
    headers: {
      ...(call.bearer === undefined ? {} : { authorization: `Bearer ${call.bearer}` }),
      ...(call.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(call.raw === undefined ? {} : { 'content-type': call.raw.contentType, 'content-length': String(call.raw.length) }),
    },
    body: call.raw?.body ?? (call.body === undefined ? undefined : JSON.stringify(call.body)),
    timeoutMs: call.timeoutMs,
    effect: call.effect,
  });
  if (isSuccess(response)) return successBody('bluesky', response, call.effect);

  const reading = { message: stringField(response.json, 'message'), code: stringField(response.json, 'error') };
  if (reading.code !== null && AUTH_ERRORS.has(reading.code)) {
    throw new PlatformAuthError('bluesky', `${reading.code}: ${reading.message ?? 'no message'} (HTTP ${response.status})`, {
      status: response.status,
      code: reading.code,
    });
  }
  throw failureFromStatus({
    platform: 'bluesky',
    response,
    reading,
    retryAfterMs: () =>
      resetSecondsHeaderMs(response.headers, 'ratelimit-reset', call.now) ??
      retryAfterHeaderMs(response.headers, call.now) ??
      BLUESKY_DEFAULT_RETRY_AFTER_MS,
  });
}
