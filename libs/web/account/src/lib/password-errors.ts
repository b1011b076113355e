import { HttpErrorResponse } from '@angular/common/http';
import type { AbstractControl, FormGroup, ValidationErrors, ValidatorFn } from '@angular/forms';
import { type FieldError, PASSWORD_POLICY, passwordProblemKindOf } from '@kadens/shared/contracts';
import { applyServerFieldErrors, setTranslatedError } from '@kadens/web/ui';

/** The API's error code, when its answer carries one. */
export function apiErrorCode(error: unknown): string | null {
  if (!(error instanceof HttpErrorResponse)) return null;
  const body: unknown = error.error;
  return body && typeof body === 'object' && 'code' in body && typeof body.code === 'string' ? body.code : null;
}

export function apiFieldErrors(error: unknown): FieldError[] {
  if (!(error instanceof HttpErrorResponse)) return [];
  const body: unknown = error.error;
  return body && typeof body === 'object' && 'errors' in body && Array.isArray(body.errors) ? (body.errors as FieldError[]) : [];
}

/**
 * Shows the API's field errors on the form: a password problem the policy names (too short, too easy
 * to guess, built from your name…) in the reader's language, anything else in the API's own words.
 * Returns what no control took.
 */
export function applyAccountFieldErrors(form: FormGroup, fieldErrors: readonly FieldError[]): FieldError[] {
  const rest: FieldError[] = [];
  for (const fieldError of fieldErrors) {
    const control = form.get(fieldError.field);
    const kind = fieldError.messages.map(passwordProblemKindOf).find((found) => found !== null);
    if (control && kind) setTranslatedError(control, `account.password.problems.${kind}`);
    else rest.push(fieldError);
  }
  return applyServerFieldErrors(form, rest);
}

/** The policy's length rule, checked before the API is asked; the rest only the API can judge. */
export const passwordLengthValidator: ValidatorFn = (control: AbstractControl): ValidationErrors | null => {
  const value: unknown = control.value;
  if (typeof value !== 'string' || value === '') return null;
  const length = [...value].length;
  if (length < PASSWORD_POLICY.minLength) return { messageKey: 'account.password.problems.too_short' };
  if (length > PASSWORD_POLICY.maxLength) return { messageKey: 'account.password.problems.too_long' };
  return null;
};

/** On the repeat field: both fields must say the same. */
export function sameAs(otherName: string): ValidatorFn {
  return (control: AbstractControl): ValidationErrors | null => {
    const other = control.parent?.get(otherName);
    return other && control.value !== '' && control.value !== other.value ? { messageKey: 'account.password.mismatch' } : null;
  };
}
