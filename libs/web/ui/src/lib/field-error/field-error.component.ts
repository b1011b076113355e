import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import type { AbstractControl, ValidationErrors } from '@angular/forms';
import { TranslocoPipe } from '@jsverse/transloco';
import { map, startWith, switchMap } from 'rxjs';

import { controlErrorMessage } from './control-error-message';

/**
 * The translated message for a form control's current error; place it inside `<mat-error>`.
 * Follows the control's events, so it stays right under OnPush and without zone.js.
 */
@Component({
  selector: 'kd-field-error',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (serverText(); as text) {
      {{ text }}
    } @else if (translated(); as translated) {
      {{ translated.key | transloco: translated.params }}
    }
  `,
})
export class FieldErrorComponent {
  readonly control = input.required<AbstractControl>();
  readonly patternKey = input('validation.pattern');

  private readonly errors = toSignal(
    toObservable(this.control).pipe(
      switchMap((control) =>
        control.events.pipe(
          map((): ValidationErrors | null => control.errors),
          startWith(control.errors),
        ),
      ),
    ),
    { initialValue: null },
  );

  private readonly message = computed(() => controlErrorMessage(this.errors(), this.patternKey()));
  protected readonly serverText = computed(() => {
    const message = this.message();
    return message?.kind === 'text' ? message.text : null;
  });
  protected readonly translated = computed(() => {
    const message = this.message();
    return message?.kind === 'key' ? message : null;
  });
}
