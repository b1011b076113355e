import type { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';
import { TRANSLATED_ERROR_KEY } from '@kadens/web/ui';

/** #rrggbb, the only colour form the API stores. */
export const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;

/**
 * A number from `min` to `max` with at most `decimals` decimals; an empty field is left to `required`.
 * The message is a translation key, so the field explains the range in the user's language.
 */
export function numberInRange(min: number, max: number, decimals: number, messageKey: string): ValidatorFn {
  return (control: AbstractControl<number | null>): ValidationErrors | null => {
    const value = control.value;
    if (value === null || value === undefined) return null;
    const scaled = value * 10 ** decimals;
    const valid = Number.isFinite(value) && value >= min && value <= max && Math.abs(scaled - Math.round(scaled)) < 1e-9;
    return valid ? null : { [TRANSLATED_ERROR_KEY]: messageKey };
  };
}
