import type { AbstractControl, FormGroup } from '@angular/forms';
import type { FieldError } from '@kadens/shared/contracts';

/** The validation error key under which a control carries the API's own messages. */
export const SERVER_ERROR_KEY = 'server';

/**
 * The validation error key under which a control carries a translation key, for an API error code the
 * form pins on one field (e.g. `already_member` on the e-mail).
 */
export const TRANSLATED_ERROR_KEY = 'messageKey';

/** Pins a translated message on one control, e.g. an API error code that concerns that field. */
export function setTranslatedError(control: AbstractControl, messageKey: string): void {
  control.setErrors({ ...control.errors, [TRANSLATED_ERROR_KEY]: messageKey });
  control.markAsTouched();
}

/**
 * Puts the API's field errors (400 `errors[]`) on the matching form controls, so each message shows
 * next to its field. A field is matched by its top-level name (`members.0.email` → `members`), unless
 * `controlNames` maps it elsewhere. Returns the errors no control matched, for the caller to show.
 */
export function applyServerFieldErrors(
  form: FormGroup,
  fieldErrors: readonly FieldError[],
  controlNames: Readonly<Record<string, string>> = {},
): FieldError[] {
  const unmatched: FieldError[] = [];
  for (const fieldError of fieldErrors) {
    const name = controlNames[fieldError.field] ?? fieldError.field.split('.')[0] ?? '';
    const control: AbstractControl | null = name ? form.get(name) : null;
    if (!control) {
      unmatched.push(fieldError);
      continue;
    }
    control.setErrors({ ...control.errors, [SERVER_ERROR_KEY]: fieldError.messages });
    control.markAsTouched();
  }
  return unmatched;
}
