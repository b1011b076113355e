import { ChangeDetectionStrategy, Component, inject, input, type OnInit, output, signal } from '@angular/core';
import { type AbstractControl, NonNullableFormBuilder, ReactiveFormsModule, type ValidationErrors, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';
import { type InvitationPreview, type JoinedOrganizationView, PASSWORD_POLICY } from '@kadens/shared/contracts';
import { describeApiError, InvitationsApi } from '@kadens/web/data-access';
import { applyServerFieldErrors, FieldErrorComponent, ProblemNotifier, setTranslatedError, TRANSLATED_ERROR_KEY } from '@kadens/web/ui';

import { splitPasswordErrors } from './password-problem';

/** Why the link could not be used after all: it stopped working, or the e-mail got an account meanwhile. */
export type AcceptRefusal = 'invalid' | 'account_exists';

/**
 * For someone new to Kadens: their name and a password (twice), with the password policy spelled out
 * beforehand and the API's verdict shown on the field.
 */
@Component({
  selector: 'kd-new-account-form',
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, TranslocoPipe, FieldErrorComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './new-account-form.component.html',
  styles: `
    .new-account {
      display: flex;
      flex-direction: column;
      gap: 0.75rem;
    }
    .new-account__policy {
      margin: 0;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class NewAccountFormComponent implements OnInit {
  private readonly api = inject(InvitationsApi);
  private readonly notifier = inject(ProblemNotifier);

  readonly token = input.required<string>();
  readonly preview = input.required<InvitationPreview>();
  readonly joined = output<JoinedOrganizationView>();
  readonly refused = output<AcceptRefusal>();

  protected readonly minLength = PASSWORD_POLICY.minLength;
  protected readonly submitting = signal(false);
  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [Validators.required, Validators.maxLength(120)]],
    password: ['', [Validators.required, Validators.minLength(PASSWORD_POLICY.minLength), Validators.maxLength(PASSWORD_POLICY.maxLength)]],
    passwordRepeat: ['', [Validators.required]],
  });

  constructor() {
    this.form.controls.passwordRepeat.addValidators((control: AbstractControl): ValidationErrors | null =>
      control.value && control.value !== this.form.controls.password.value
        ? { [TRANSLATED_ERROR_KEY]: 'invitations.accept.passwordMismatch' }
        : null,
    );
    this.form.controls.password.valueChanges.subscribe(() =>
      this.form.controls.passwordRepeat.updateValueAndValidity({ emitEvent: false }),
    );
  }

  ngOnInit(): void {
    this.form.controls.name.setValue(this.preview().name ?? '');
  }

  protected async createAccount(): Promise<void> {
    if (this.submitting()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.submitting.set(true);
    try {
      const { name, password } = this.form.getRawValue();
      this.joined.emit(await this.api.acceptWithToken({ token: this.token(), name: name.trim(), password }));
    } catch (error) {
      this.showFailure(error);
    } finally {
      this.submitting.set(false);
    }
  }

  private showFailure(error: unknown): void {
    const problem = describeApiError(error);
    if (problem.status === 410) return this.refused.emit('invalid');
    if (problem.status === 409) return this.refused.emit('account_exists');
    if (problem.status === 400 && problem.fieldErrors.length > 0) {
      const { keys, rest } = splitPasswordErrors(problem.fieldErrors);
      if (keys[0]) setTranslatedError(this.form.controls.password, keys[0]);
      if (applyServerFieldErrors(this.form, rest).length === 0) return;
    }
    this.notifier.report(problem);
  }
}
