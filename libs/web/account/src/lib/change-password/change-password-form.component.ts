import { ChangeDetectionStrategy, Component, ElementRef, inject, output, signal, viewChild } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';
import { PASSWORD_POLICY } from '@kadens/shared/contracts';
import { describeApiError } from '@kadens/web/data-access';
import { FieldErrorComponent, ProblemNotifier, setTranslatedError } from '@kadens/web/ui';

import { AccountApi } from '../account.api';
import { focusFirstInvalid } from '../focus-first-invalid';
import { apiErrorCode, apiFieldErrors, applyAccountFieldErrors, passwordLengthValidator, sameAs } from '../password-errors';

/** Current password, then the new one twice; the rules are spelled out under the new one. */
@Component({
  selector: 'kd-change-password-form',
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, TranslocoPipe, FieldErrorComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: '../account-sections.scss',
  template: `
    <form
      class="change-password"
      [formGroup]="form"
      (ngSubmit)="changePassword()"
      novalidate
      data-testid="change-password-form"
      aria-labelledby="change-password-title"
    >
      <h2 id="change-password-title" class="account-section__title">{{ 'account.password.title' | transloco }}</h2>
      <p id="password-rules" class="change-password__rules">
        {{ 'account.password.rules' | transloco: { min: minLength } }}
      </p>

      @if (done()) {
        <p class="account-notice" role="status" tabindex="-1" #doneMessage data-testid="change-password-done">
          {{ 'account.password.changed' | transloco }}
        </p>
      }

      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>{{ 'account.password.current' | transloco }}</mat-label>
        <input
          matInput
          type="password"
          formControlName="currentPassword"
          autocomplete="current-password"
          required
          data-testid="current-password"
        />
        <mat-error><kd-field-error [control]="form.controls.currentPassword" /></mat-error>
      </mat-form-field>

      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>{{ 'account.password.new' | transloco }}</mat-label>
        <input
          matInput
          type="password"
          formControlName="newPassword"
          autocomplete="new-password"
          required
          aria-describedby="password-rules"
          data-testid="new-password"
        />
        <mat-error><kd-field-error [control]="form.controls.newPassword" /></mat-error>
      </mat-form-field>

      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>{{ 'account.password.repeat' | transloco }}</mat-label>
        <input matInput type="password" formControlName="repeat" autocomplete="new-password" required data-testid="repeat-password" />
        <mat-error><kd-field-error [control]="form.controls.repeat" /></mat-error>
      </mat-form-field>

      <div class="account-actions">
        <button mat-flat-button type="submit" [disabled]="saving()" data-testid="change-password-submit">
          {{ (saving() ? 'account.password.saving' : 'account.password.submit') | transloco }}
        </button>
      </div>
    </form>
  `,
  styles: `
    .change-password {
      display: flex;
      flex-direction: column;
      gap: 0.75rem;
    }
    .change-password__rules {
      margin: 0 0 0.75rem;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class ChangePasswordFormComponent {
  private readonly api = inject(AccountApi);
  private readonly notifier = inject(ProblemNotifier);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly doneMessage = viewChild<ElementRef<HTMLElement>>('doneMessage');
  /** After a change: the other sessions have ended, so a list of them is out of date. */
  readonly changed = output<void>();

  protected readonly minLength = PASSWORD_POLICY.minLength;
  protected readonly form = inject(NonNullableFormBuilder).group({
    currentPassword: ['', [Validators.required]],
    newPassword: ['', [Validators.required, passwordLengthValidator]],
    repeat: ['', [Validators.required, sameAs('newPassword')]],
  });
  protected readonly saving = signal(false);
  protected readonly done = signal(false);

  protected async changePassword(): Promise<void> {
    if (this.saving()) return;
    this.done.set(false);
    this.form.controls.repeat.updateValueAndValidity();
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      focusFirstInvalid(this.host.nativeElement);
      return;
    }
    this.saving.set(true);
    const { currentPassword, newPassword } = this.form.getRawValue();
    try {
      await this.api.changePassword({ currentPassword, newPassword });
      this.form.reset();
      this.done.set(true);
      this.changed.emit();
      // The message replaces the form's focus target, so move focus to it and screen readers read it.
      setTimeout(() => this.doneMessage()?.nativeElement.focus());
    } catch (error) {
      if (apiErrorCode(error) === 'wrong_password') {
        setTranslatedError(this.form.controls.currentPassword, 'account.password.wrongCurrent');
      } else if (apiErrorCode(error) === 'too_many_attempts') {
        setTranslatedError(this.form.controls.currentPassword, 'account.password.tooManyAttempts');
      } else if (applyAccountFieldErrors(this.form, apiFieldErrors(error)).length > 0 || apiFieldErrors(error).length === 0) {
        this.notifier.report(describeApiError(error));
      }
      focusFirstInvalid(this.host.nativeElement);
    } finally {
      this.saving.set(false);
    }
  }
}
