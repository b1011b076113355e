import { HttpErrorResponse } from '@angular/common/http';
import type { ApiErrorBody, FieldError } from '@kadens/shared/contracts';

/** Error codes the API sends in `ApiErrorBody.code` that the web explains in the user's language. */
export const KNOWN_ERROR_CODES = [
  'invalid_credentials',
  'already_member',
  'already_invited',
  'invitation_not_found',
  'last_admin',
  'organization_creation_restricted',
] as const;
type KnownErrorCode = (typeof KNOWN_ERROR_CODES)[number];

/**
 * A failed API call, described for people: a translation key for what went wrong (`reasonKey`) and one
 * for what to do about it (`actionKey`), plus the details a form needs to point at its fields.
 */
export interface ApiProblem {
  /** HTTP status; 0 when the server could not be reached at all. */
  status: number;
  code: KnownErrorCode | null;
  fieldErrors: FieldError[];
  reasonKey: string;
  /** Null when the reason already says what to do (the known error codes do). */
  actionKey: string | null;
}

function isKnownErrorCode(value: unknown): value is KnownErrorCode {
  return typeof value === 'string' && (KNOWN_ERROR_CODES as readonly string[]).includes(value);
}

export function describeApiError(error: unknown): ApiProblem {
  if (!(error instanceof HttpErrorResponse)) {
    return problem(-1, null, [], 'errors.reason.unexpected', 'errors.action.tryAgain');
  }
  const body = readErrorBody(error.error);
  const code = isKnownErrorCode(body?.code) ? body.code : null;
  const fieldErrors = body?.errors ?? [];
  const status = error.status;
  if (code) {
    return problem(status, code, fieldErrors, `errors.code.${code}`, null);
  }
  return problem(status, null, fieldErrors, reasonForStatus(status), actionForStatus(status));
}

function reasonForStatus(status: number): string {
  if (status === 0) return 'errors.reason.network';
  if (status >= 500) return 'errors.reason.server';
  switch (status) {
    case 400:
      return 'errors.reason.badRequest';
    case 401:
      return 'errors.reason.sessionEnded';
    case 403:
      return 'errors.reason.forbidden';
    case 404:
      return 'errors.reason.notFound';
    case 409:
      return 'errors.reason.conflict';
    case 413:
      return 'errors.reason.tooLarge';
    case 429:
      return 'errors.reason.tooManyRequests';
    default:
      return 'errors.reason.unexpected';
  }
}

function actionForStatus(status: number): string {
  switch (status) {
    case 400:
    case 413:
      return 'errors.action.checkInput';
    case 401:
      return 'errors.action.logInAgain';
    case 403:
      return 'errors.action.askAdmin';
    case 404:
    case 409:
      return 'errors.action.reload';
    case 429:
      return 'errors.action.waitAMinute';
    default:
      return 'errors.action.tryAgain';
  }
}

function readErrorBody(value: unknown): Partial<ApiErrorBody> | null {
  if (typeof value !== 'object' || value === null) return null;
  const body = value as Partial<ApiErrorBody>;
  return { ...body, errors: Array.isArray(body.errors) ? body.errors.filter(isFieldError) : [] };
}

function isFieldError(value: unknown): value is FieldError {
  const candidate = value as FieldError | null;
  return typeof candidate?.field === 'string' && Array.isArray(candidate.messages);
}

function problem(
  status: number,
  code: KnownErrorCode | null,
  fieldErrors: FieldError[],
  reasonKey: string,
  actionKey: string | null,
): ApiProblem {
  return { status, code, fieldErrors, reasonKey, actionKey };
}
