import { createHmac, timingSafeEqual } from 'node:crypto';

/*
 * Standard Webhooks (https://www.standardwebhooks.com, spec 1.0): `webhook-id`, `webhook-timestamp`
 * (Unix seconds) and `webhook-signature: v1,<base64 HMAC-SHA256 of "id.timestamp.body">`. The secret
 * is the channel's: `whsec_<base64>` is decoded to its bytes as the spec serialises it, any other
 * text is used as it is (UTF-8), so secrets saved before keep working.
 */

export const WEBHOOK_ID_HEADER = 'webhook-id';
export const WEBHOOK_TIMESTAMP_HEADER = 'webhook-timestamp';
export const WEBHOOK_SIGNATURE_HEADER = 'webhook-signature';
/** Receivers refuse a timestamp further than this from their clock, either way: a replay. */
export const WEBHOOK_TOLERANCE_SECONDS = 5 * 60;

const SECRET_PREFIX = 'whsec_';

export interface WebhookMessage {
  /** Kadens sends the idempotency key: the same for every attempt at one target revision. */
  id: string;
  /** Unix seconds of this attempt. */
  timestamp: number;
  /** The exact body bytes sent. */
  body: string;
}

/** The HMAC key a secret stands for. */
export function webhookSigningKey(secret: string): Buffer {
  return secret.startsWith(SECRET_PREFIX) ? Buffer.from(secret.slice(SECRET_PREFIX.length), 'base64') : Buffer.from(secret, 'utf8');
}

/** `v1,` and the base64 HMAC-SHA256 of `id.timestamp.body`. */
export function signWebhook(secret: string, message: WebhookMessage): string {
  return signature(secret, message.id, String(message.timestamp), message.body);
}

function signature(secret: string, id: string, timestamp: string, body: string): string {
  return `v1,${createHmac('sha256', webhookSigningKey(secret)).update(`${id}.${timestamp}.${body}`, 'utf8').digest('base64')}`;
}

/** The three headers of a signed delivery. */
export function webhookHeaders(secret: string, message: WebhookMessage): Record<string, string> {
  return {
    [WEBHOOK_ID_HEADER]: message.id,
    [WEBHOOK_TIMESTAMP_HEADER]: String(message.timestamp),
    [WEBHOOK_SIGNATURE_HEADER]: signWebhook(secret, message),
  };
}

export type WebhookVerdict = 'valid' | 'missing_headers' | 'stale_timestamp' | 'bad_signature';

/**
 * For receivers written in TypeScript: checks a delivery as received (raw body, headers by lower-case
 * name). The timestamp must be within `WEBHOOK_TOLERANCE_SECONDS` of `nowMs`; one of the
 * space-separated `v1,` signatures must match, compared in constant time.
 */
export function verifyWebhook(
  secret: string,
  rawBody: string,
  headers: Readonly<Record<string, string | string[] | undefined>>,
  nowMs: number = Date.now(),
): WebhookVerdict {
  const id = single(headers[WEBHOOK_ID_HEADER]);
  const timestamp = single(headers[WEBHOOK_TIMESTAMP_HEADER]);
  const signatures = single(headers[WEBHOOK_SIGNATURE_HEADER]);
  if (id === undefined || timestamp === undefined || signatures === undefined) return 'missing_headers';
  if (!/^\d{1,12}$/.test(timestamp) || Math.abs(nowMs / 1000 - Number(timestamp)) > WEBHOOK_TOLERANCE_SECONDS) return 'stale_timestamp';
  const expected = Buffer.from(signature(secret, id, timestamp, rawBody));
  const matches = signatures.split(' ').some((given) => {
    const bytes = Buffer.from(given);
    return bytes.length === expected.length && timingSafeEqual(bytes, expected);
  });
  return matches ? 'valid' : 'bad_signature';
}

function single(value: string | string[] | undefined): string | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  return text === undefined || text === '' ? undefined : text;
}
