import type { HttpResponse } from '../http/http-call';
import { describeFailure, type ErrorReading, failureFromStatus, isRecord, stringField } from '../http/http-failure';
import { retryAfterHeaderMs } from '../http/retry-after';
import { type PlatformError, PlatformInvalidContentError } from '../platform-errors';

/**
 * LinkedIn's error body: `{status, serviceErrorCode, code, message}` (`code` such as
 * `REVOKED_ACCESS_TOKEN`), validation details in `errorDetails.inputErrors` (`DUPLICATE_POST`). A 429 carries no reset header; LinkedIn documents that
 * daily limits reset at midnight UTC, so that is when to come back unless a Retry-After says sooner.
 */
export function linkedinFailure(response: HttpResponse, now: number): PlatformError {
  const reading: ErrorReading = {
    message: stringField(response.json, 'message'),
    code: stringField(response.json, 'code') ?? stringField(response.json, 'serviceErrorCode'),
  };
  if (response.status === 422 && isDuplicate(response, reading)) {
    return new PlatformInvalidContentError('linkedin', describeFailure(response, reading), {
      status: response.status,
      code: 'DUPLICATE_POST',
    });
  }
  return failureFromStatus({
    platform: 'linkedin',
    response,
    reading,
    retryAfterMs: () => retryAfterHeaderMs(response.headers, now) ?? untilNextUtcMidnight(now),
  });
}

function isDuplicate(response: HttpResponse, reading: ErrorReading): boolean {
  return (
    reading.code === 'DUPLICATE_POST' ||
    inputErrorCodes(response.json).includes('DUPLICATE_POST') ||
    /duplicate/i.test(reading.message ?? '')
  );
}

/** Validation failures may name their code only in `errorDetails.inputErrors[].code`. */
function inputErrorCodes(body: unknown): string[] {
  const details = isRecord(body) ? body['errorDetails'] : undefined;
  const inputErrors = isRecord(details) ? details['inputErrors'] : undefined;
  if (!Array.isArray(inputErrors)) return [];
  return inputErrors.map((inputError) => stringField(inputError, 'code')).filter((code) => code !== null);
}

export function untilNextUtcMidnight(now: number): number {
  const date = new Date(now);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() + 1) - now;
}
