import type { Platform } from '@kadens/shared/contracts';

import {
  PlatformAmbiguousError,
  PlatformAuthError,
  type PlatformError,
  PlatformInvalidContentError,
  PlatformRateLimitedError,
  PlatformTransientError,
} from '../platform-errors';
import type { CallEffect, HttpResponse } from './http-call';
import { clampRetryAfter } from './retry-after';

/** What a platform's error body said, read by its adapter from the platform's own error shape. */
export interface ErrorReading {
  message: string | null;
  code: string | null;
}

export const NOTHING_READ: ErrorReading = { message: null, code: null };

export interface StatusFailure {
  platform: Platform;
  response: HttpResponse;
  reading: ErrorReading;
  /** The adapter's reading of its platform's rate-limit signal; only called for a 429. */
  retryAfterMs: () => number;
}

/**
 * The common meaning of an unsuccessful status, for every case an adapter does not decide itself
 * (adapters check their platform's special codes first, then fall back to this).
 */
export function failureFromStatus({ platform, response, reading, retryAfterMs }: StatusFailure): PlatformError {
  const { status } = response;
  const details = { status, code: reading.code };
  const message = describeFailure(response, reading);
  if (status >= 300 && status < 400) {
    const location = response.headers.get('location');
    return new PlatformAuthError(
      platform,
      `${message}: redirected${location ? ` to ${location}` : ''}; check the connection's address`,
      details,
    );
  }
  if (status === 401 || status === 403) return new PlatformAuthError(platform, message, details);
  if (status === 429) return new PlatformRateLimitedError(platform, message, clampRetryAfter(retryAfterMs()), details);
  if (status === 408 || status >= 500) return new PlatformTransientError(platform, message, details);
  return new PlatformInvalidContentError(platform, message, details);
}

/** The platform's message with the status, or, for a body that is not JSON, the raw status and type. */
export function describeFailure(response: HttpResponse, reading: ErrorReading): string {
  if (!response.isJson) return describeUnreadable(response);
  return `${reading.message ?? 'no message'} (HTTP ${response.status})`;
}

function describeUnreadable(response: HttpResponse): string {
  const type = response.headers.get('content-type') ?? 'no content type';
  return response.text.trim() === ''
    ? `HTTP ${response.status} with an empty body`
    : `HTTP ${response.status} with a body that is not JSON (${type})`;
}

/** The JSON object a successful call must return; see `unreadableSuccess` for what else happens. */
export function successBody(platform: Platform, response: HttpResponse, effect: CallEffect): Record<string, unknown> {
  if (isRecord(response.json)) return response.json;
  throw unreadableSuccess(platform, response, effect, 'a JSON object');
}

/**
 * A success the adapter cannot read is not a crash: after a call that publishes, the post may exist,
 * so it is ambiguous; otherwise repeating is harmless, so it is transient.
 */
export function unreadableSuccess(platform: Platform, response: HttpResponse, effect: CallEffect, expected: string): PlatformError {
  const answer = response.isJson ? `HTTP ${response.status} with JSON of another shape` : describeUnreadable(response);
  const message = `${answer} where ${expected} was expected`;
  const details = { status: response.status, code: 'unreadable_response' };
  return effect === 'publishes'
    ? new PlatformAmbiguousError(platform, message, details)
    : new PlatformTransientError(platform, message, details);
}

export function isSuccess(response: HttpResponse): boolean {
  return response.status >= 200 && response.status < 300;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function stringField(value: unknown, key: string): string | null {
  if (!isRecord(value)) return null;
  const field = value[key];
  if (typeof field === 'string') return field;
  return typeof field === 'number' ? String(field) : null;
}

/**
 * The id a successful call must carry. Missing after a call that published, the post probably exists
 * but cannot be named, which is ambiguous, not a failure to retry.
 */
export function requiredId(platform: Platform, body: Record<string, unknown>, key: string, effect: CallEffect): string {
  const id = stringField(body, key);
  if (id !== null && id !== '') return id;
  const message = `A successful answer without "${key}"`;
  const details = { code: 'unreadable_response' };
  throw effect === 'publishes'
    ? new PlatformAmbiguousError(platform, message, details)
    : new PlatformTransientError(platform, message, details);
}
