import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import { type Agent, type Dispatcher, request } from 'undici';

import { OutboundResponseTooLargeError } from './outbound-errors';

/** Bodies sent as they are; anything else (a stream, a form, a blob) goes through fetch. */
export type DirectBody = string | URLSearchParams | ArrayBuffer | ArrayBufferView | null | undefined;

export interface DirectRequest {
  url: URL;
  method: string;
  headers: Array<[string, string]>;
  body: DirectBody;
  signal: AbortSignal;
  limit: number;
}

const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

/** What fetch would send when the caller names none, so both paths look the same to a platform. */
const DEFAULT_HEADERS: ReadonlyArray<[string, string]> = [
  ['accept', '*/*'],
  ['accept-language', '*'],
  ['user-agent', 'undici'],
];

export function isDirectBody(body: unknown): body is DirectBody {
  return (
    body === undefined ||
    body === null ||
    typeof body === 'string' ||
    body instanceof URLSearchParams ||
    body instanceof ArrayBuffer ||
    ArrayBuffer.isView(body)
  );
}

/**
 * A request that hands redirects back (`redirect: 'manual'`, as every adapter asks) with a body in
 * hand, sent with undici's dispatcher API instead of its fetch: the same guarded connection pool and the
 * same answer (a standard `Response`, its body read in full up to the limit), for about a third of
 * fetch's CPU per request (docs/decisions.md, "Publishing at the platform's pace"). Asks for an
 * uncompressed answer, and decompresses one that comes compressed anyway.
 */
export async function directRequest(agent: Agent, call: DirectRequest): Promise<Response> {
  const { body, contentType } = encodeBody(call.body);
  const headers = withDefaults(call.headers, contentType);
  const response = await request(call.url, {
    method: call.method as Dispatcher.HttpMethod,
    headers: headers.flat(),
    body,
    signal: call.signal,
    dispatcher: agent,
  });
  const declared = Number(headerValue(response.headers['content-length']));
  if (Number.isFinite(declared) && declared > call.limit) {
    discard(response.body);
    throw new OutboundResponseTooLargeError(call.limit);
  }
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of response.body as AsyncIterable<Buffer>) {
    total += chunk.byteLength;
    if (total > call.limit) {
      discard(response.body);
      throw new OutboundResponseTooLargeError(call.limit);
    }
    chunks.push(chunk);
  }
  const encoding = headerValue(response.headers['content-encoding'])?.trim().toLowerCase();
  const raw = Buffer.concat(chunks, total);
  const decoded = encoding && encoding !== 'identity' ? decompress(raw, encoding, call.limit) : raw;
  const pairs: Array<[string, string]> = [];
  for (const [name, value] of Object.entries(response.headers)) {
    if (value === undefined) continue;
    // The body handed back is decoded: its length and encoding are no longer the wire's.
    if (decoded !== raw && (name === 'content-encoding' || name === 'content-length')) continue;
    for (const one of Array.isArray(value) ? value : [value]) pairs.push([name, one]);
  }
  return new Response(NULL_BODY_STATUSES.has(response.statusCode) ? null : new Uint8Array(decoded), {
    status: response.statusCode,
    headers: pairs,
  });
}

function encodeBody(body: DirectBody): { body: string | Buffer | undefined; contentType: string | null } {
  if (body === undefined || body === null) return { body: undefined, contentType: null };
  if (typeof body === 'string') return { body, contentType: 'text/plain;charset=UTF-8' };
  if (body instanceof URLSearchParams) return { body: body.toString(), contentType: 'application/x-www-form-urlencoded;charset=UTF-8' };
  if (body instanceof ArrayBuffer) return { body: Buffer.from(body), contentType: null };
  return { body: Buffer.from(body.buffer, body.byteOffset, body.byteLength), contentType: null };
}

function withDefaults(headers: Array<[string, string]>, contentType: string | null): Array<[string, string]> {
  const named = new Set(headers.map(([name]) => name.toLowerCase()));
  const added: Array<[string, string]> = DEFAULT_HEADERS.filter(([name]) => !named.has(name));
  if (contentType !== null && !named.has('content-type')) added.push(['content-type', contentType]);
  if (!named.has('accept-encoding')) added.push(['accept-encoding', 'identity']);
  return [...headers, ...added];
}

/** Stops reading an answer; the connection is closed, and the abort it reports is expected. */
function discard(body: Dispatcher.ResponseData['body']): void {
  body.on('error', () => undefined);
  body.destroy();
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function decompress(raw: Buffer, encoding: string, limit: number): Buffer {
  const options = { maxOutputLength: limit };
  try {
    if (encoding === 'gzip' || encoding === 'x-gzip') return gunzipSync(raw, options);
    if (encoding === 'deflate') return inflateSync(raw, options);
    if (encoding === 'br') return brotliDecompressSync(raw, options);
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE') throw new OutboundResponseTooLargeError(limit);
    throw error;
  }
  return raw;
}
