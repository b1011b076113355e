import type { DestroyRef } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';
import type { CadencePolicy, Country } from '@kadens/shared/contracts';
import { parsePreferredSlot, validateCadencePolicy, validateOpeningHours } from '@kadens/shared/rules';
import { SERVER_ERROR_KEY, TRANSLATED_ERROR_KEY } from '@kadens/web/ui';

/** The cadence fields whose minimum the other limits can make impossible to meet. */
type CadenceConflictField = 'minPostsPerWeek' | 'minMinutesBetweenPosts';

const translated = (key: string): ValidationErrors => ({ [TRANSLATED_ERROR_KEY]: key });

/** Empty, or a whole number from `min` to `max` (the API's limits); the message is a translation key. */
export function optionalWholeNumber(min: number, max: number, messageKey: string): ValidatorFn {
  return (control: AbstractControl<number | null>) => {
    const value = control.value;
    if (value === null || value === undefined) return null;
    return Number.isInteger(value) && value >= min && value <= max ? null : translated(messageKey);
  };
}

/**
 * A cadence the rules accept as a whole, judged by the same `validateCadencePolicy` the API runs: a
 * minimum the maxima make unreachable ("min above max") is reported on the minimum's own field.
 * Reads its siblings, so the form re-checks it when they change (see `recheckOnChange`).
 */
export function cadenceRule(field: CadenceConflictField, messageKey: string): ValidatorFn {
  return (control: AbstractControl) => {
    const policy = control.parent?.getRawValue() as CadencePolicy | undefined;
    if (!policy) return null;
    return validateCadencePolicy(policy).some((problem) => problem.field === field) ? translated(messageKey) : null;
  };
}

/** Every preferred slot parses; a list the API would refuse as too long is refused here too. */
export function preferredSlotsRule(maxSlots: number, messageKey: string): ValidatorFn {
  return (control: AbstractControl<string[]>) => {
    const slots = control.value ?? [];
    const valid = slots.length <= maxSlots && slots.every((slot) => slotError(slot) === null);
    return valid ? null : translated(messageKey);
  };
}

/** The slot parser's message for a preferred slot it cannot read, or null. */
function slotError(text: string): string | null {
  try {
    parsePreferredSlot(text);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/**
 * An opening_hours value the rules can evaluate for the organisation's country. Its error is the
 * parser's own message, shown as it stands (the API would answer with the same words). Blank is
 * allowed: the channel then publishes no service hours. Unchecked until the country is known.
 */
export function openingHoursRule(country: () => Country | null): ValidatorFn {
  return (control: AbstractControl<string>) => {
    const value = control.value?.trim() ?? '';
    const known = country();
    if (value === '' || !known) return null;
    const check = validateOpeningHours(value, known);
    return check.ok ? null : { [SERVER_ERROR_KEY]: [check.message] };
  };
}

/** A response window whose value × the unit's minutes is whole minutes from 0 to `maxMinutes`. */
export function responseWindowRule(maxMinutes: number, messageKey: string): ValidatorFn {
  return (control: AbstractControl<number | null>) => {
    const value = control.value;
    if (value === null || value === undefined) return null;
    const unit = (control.parent?.get('responseUnit')?.value as number | undefined) ?? 1;
    const minutes = value * unit;
    return Number.isFinite(minutes) && minutes >= 0 && minutes <= maxMinutes && Math.abs(minutes - Math.round(minutes)) < 1e-9
      ? null
      : translated(messageKey);
  };
}

/** The last day of a closed period is not before its first. */
export function notBeforeStart(messageKey: string): ValidatorFn {
  return (control: AbstractControl<string>) => {
    const start = control.parent?.get('start')?.value as string | undefined;
    return start && control.value && control.value < start ? translated(messageKey) : null;
  };
}

/**
 * Re-checks `targets` whenever `source` changes, for validators that read their siblings. The targets
 * emit their own events (so their error messages follow), their ancestors only recompute the status:
 * a change event from them would come back here.
 */
export function recheckOnChange(source: AbstractControl, targets: readonly AbstractControl[], destroyRef: DestroyRef): void {
  source.valueChanges.pipe(takeUntilDestroyed(destroyRef)).subscribe(() => {
    for (const target of targets) {
      target.updateValueAndValidity({ onlySelf: true });
      target.parent?.updateValueAndValidity({ emitEvent: false });
    }
  });
}
