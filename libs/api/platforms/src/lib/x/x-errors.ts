import type { HttpResponse } from '../http/http-call';
import { describeFailure, type ErrorReading, failureFromStatus, isRecord, stringField } from '../http/http-failure';
import { epochSecondsHeaderMs } from '../http/retry-after';
import { type PlatformError, PlatformInvalidContentError } from '../platform-errors';

/** X's rate-limit windows are 15 minutes; used only when a 429 comes without its reset header. */
export const X_DEFAULT_RETRY_AFTER_MS = 15 * 60_000;

/**
 * X answers in two shapes: RFC 7807 problems (`{title, detail, type, status}`) and the older
 * `{errors: [{message, code}]}` (code 88 for a rate limit). A 403 is an auth problem (a missing
 * `tweet.write` scope, a suspended app) unless it is X refusing duplicate content.
 */
export function xFailure(response: HttpResponse, now: number): PlatformError {
  const reading = readXError(response.json);
  if (response.status === 403 && /duplicate content/i.test(reading.message ?? '')) {
    return new PlatformInvalidContentError('x', describeFailure(response, reading), {
      status: response.status,
      code: 'duplicate',
    });
  }
  return failureFromStatus({
    platform: 'x',
    response,
    reading,
    retryAfterMs: () => xRetryAfterMs(response.headers, now),
  });
}

/**
 * Two limits can be spent: the endpoint's 15-minute window (`x-rate-limit-*`) and the user's 24-hour
 * posting allowance (`x-user-limit-24hour-*`). When the daily one is used up, its reset decides.
 */
function xRetryAfterMs(headers: Headers, now: number): number {
  if (headers.get('x-user-limit-24hour-remaining') === '0') {
    const daily = epochSecondsHeaderMs(headers, 'x-user-limit-24hour-reset', now);
    if (daily !== null) return daily;
  }
  return epochSecondsHeaderMs(headers, 'x-rate-limit-reset', now) ?? X_DEFAULT_RETRY_AFTER_MS;
}

function readXError(body: unknown): ErrorReading {
  const errors = isRecord(body) ? body['errors'] : undefined;
  const first: unknown = Array.isArray(errors) ? errors[0] : undefined;
  return {
    message: stringField(first, 'message') ?? stringField(body, 'detail') ?? stringField(body, 'title'),
    code: stringField(first, 'code') ?? stringField(body, 'type'),
  };
}
