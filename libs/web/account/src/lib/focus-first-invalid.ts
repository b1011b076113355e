/** Moves focus to the form's first field in error, so keyboard and screen-reader users land on it. */
export function focusFirstInvalid(form: HTMLElement): void {
  // After the errors have rendered.
  setTimeout(() => form.querySelector<HTMLElement>('input.ng-invalid, textarea.ng-invalid, mat-select.ng-invalid')?.focus());
}
