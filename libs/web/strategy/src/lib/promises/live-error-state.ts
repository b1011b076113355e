import type { AbstractControl, FormGroupDirective, NgForm } from '@angular/forms';
import type { ErrorStateMatcher } from '@angular/material/core';

/**
 * Shows a field's error while it is being typed rather than after it is left, for values checked as
 * they are written (service hours, cadence). With `siblings`, also when another field of the same group
 * was changed: a cadence minimum becomes unreachable because of the maximum next to it.
 */
export class LiveErrorState implements ErrorStateMatcher {
  constructor(private readonly siblings = false) {}

  isErrorState(control: AbstractControl | null, form: FormGroupDirective | NgForm | null): boolean {
    if (!control?.invalid) return false;
    return control.dirty || control.touched || (this.siblings && !!control.parent?.dirty) || !!form?.submitted;
  }
}
