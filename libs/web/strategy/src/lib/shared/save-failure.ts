import type { AbstractControl, FormGroup } from '@angular/forms';
import { describeApiError, strategyErrorCode } from '@kadens/web/data-access';
import { applyServerFieldErrors, type ProblemNotifier, setTranslatedError } from '@kadens/web/ui';

/**
 * Shows why saving a strategy item failed, next to the field it concerns where there is one: a taken
 * name on the name, a chosen channel or audience that vanished on its picker, a responsible person who
 * left on theirs, the API's own messages for other refused fields. Anything else goes to the notifier.
 */
export function showSaveFailure(
  form: FormGroup,
  error: unknown,
  notifier: ProblemNotifier,
  controlNames: Readonly<Record<string, string>> = {},
): void {
  const code = strategyErrorCode(error);
  const problem = describeApiError(error);
  const controlFor = (field: string): AbstractControl | null => form.get(controlNames[field] ?? field.split('.')[0] ?? '');

  if (code === 'name_taken' && form.get('name')) {
    setTranslatedError(form.get('name') as AbstractControl, 'strategy.errors.name_taken');
    return;
  }
  if ((code === 'unknown_reference' || code === 'not_a_member') && problem.fieldErrors.length > 0) {
    const controls = problem.fieldErrors.map((fieldError) => controlFor(fieldError.field));
    if (controls.every((control) => control !== null)) {
      for (const control of controls) setTranslatedError(control as AbstractControl, `strategy.errors.${code}`);
      return;
    }
  }
  if (problem.status === 400 && problem.fieldErrors.length > 0) {
    if (applyServerFieldErrors(form, problem.fieldErrors, controlNames).length === 0) return;
  }
  notifier.report(problem);
}
