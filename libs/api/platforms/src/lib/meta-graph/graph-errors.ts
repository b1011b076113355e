import type { Platform } from '@kadens/shared/contracts';

import type { HttpResponse } from '../http/http-call';
import { type ErrorReading, failureFromStatus, isRecord, NOTHING_READ } from '../http/http-failure';
import { clampRetryAfter } from '../http/retry-after';
import {
  PlatformAuthError,
  type PlatformError,
  PlatformInvalidContentError,
  PlatformRateLimitedError,
  PlatformTransientError,
} from '../platform-errors';

/**
 * Meta's Graph API (Facebook Pages and Instagram) says what went wrong in `error.code`, and the HTTP
 * status does not always agree (a rate limit can come as 400 or 403), so the code decides first.
 */
const RATE_LIMIT_CODES = new Set([4, 17, 32, 341, 613]);
// 190: invalid or expired token (subcodes 458, 459, 460, 463…); 102: session; 10 and 200–299: a
// permission the token no longer carries. All need the person to reconnect the channel.
const AUTH_CODES = new Set([190, 102, 10]);
const DUPLICATE_POST_CODE = 506;
// 1 "unknown error" and 2 "service temporarily unavailable" are Meta's own way of saying "try again".
const TRANSIENT_CODES = new Set([1, 2]);

/** Without a business-use-case estimate Meta gives no time; its windows are rolling hours. */
export const GRAPH_DEFAULT_RETRY_AFTER_MS = 15 * 60_000;

export interface GraphErrorOptions {
  /** Codes the caller's product adds to the rate-limit list (Instagram's 9, the publishing limit). */
  extraRateLimitCodes?: readonly number[];
  defaultRetryAfterMs?: number;
}

export function graphFailure(platform: Platform, response: HttpResponse, options: GraphErrorOptions = {}): PlatformError {
  const error = isRecord(response.json) && isRecord(response.json['error']) ? response.json['error'] : null;
  const retryAfterMs = () => businessUseCaseWaitMs(response.headers) ?? options.defaultRetryAfterMs ?? GRAPH_DEFAULT_RETRY_AFTER_MS;
  if (error === null) return failureFromStatus({ platform, response, reading: NOTHING_READ, retryAfterMs });

  const code = numberField(error, 'code');
  const subcode = numberField(error, 'error_subcode');
  const reading: ErrorReading = {
    message: stringOf(error['error_user_msg']) ?? stringOf(error['message']),
    code: code === null ? null : subcode === null ? String(code) : `${code}/${subcode}`,
  };
  const message = `${reading.message ?? 'no message'} (HTTP ${response.status}, Graph code ${reading.code ?? 'none'})`;
  const details = { status: response.status, code: reading.code };

  if (code !== null) {
    if (RATE_LIMIT_CODES.has(code) || options.extraRateLimitCodes?.includes(code)) {
      return new PlatformRateLimitedError(platform, message, clampRetryAfter(retryAfterMs()), details);
    }
    if (AUTH_CODES.has(code) || (code >= 200 && code < 300)) return new PlatformAuthError(platform, message, details);
    if (code === DUPLICATE_POST_CODE) return new PlatformInvalidContentError(platform, message, details);
    if (TRANSIENT_CODES.has(code) || error['is_transient'] === true) {
      return new PlatformTransientError(platform, message, details);
    }
  }
  return failureFromStatus({ platform, response, reading, retryAfterMs });
}

/**
 * `X-Business-Use-Case-Usage` is JSON keyed by business id, each a list of usages with
 * `estimated_time_to_regain_access` in minutes; the longest wait wins.
 */
function businessUseCaseWaitMs(headers: Headers): number | null {
  const header = headers.get('x-business-use-case-usage');
  if (!header) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(header);
  } catch {
    return null;
  }
  if (!isRecord(parsed)) return null;
  let minutes = 0;
  for (const usages of Object.values(parsed)) {
    if (!Array.isArray(usages)) continue;
    for (const usage of usages) minutes = Math.max(minutes, numberField(usage, 'estimated_time_to_regain_access') ?? 0);
  }
  return minutes > 0 ? minutes * 60_000 : null;
}

function numberField(value: unknown, key: string): number | null {
  if (!isRecord(value)) return null;
  const field = value[key];
  return typeof field === 'number' && Number.isFinite(field) ? field : null;
}

function stringOf(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}
