import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { Locale } from '@kadens/shared/contracts';
import {
  describeApiError,
  forgotPasswordLink,
  LanguageService,
  PASSWORD_RESET_DONE_PARAM,
  RETURN_URL_PARAM,
  SessionStore,
} from '@kadens/web/data-access';
import { applyServerFieldErrors, FieldErrorComponent, LanguagePickerComponent, ProblemNotifier } from '@kadens/web/ui';

import { describeLoginFailure } from './login-failure';

@Component({
  selector: 'kd-login-page',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    RouterLink,
    TranslocoPipe,
    FieldErrorComponent,
    LanguagePickerComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './login-page.component.html',
  styleUrl: './login-page.component.scss',
})
export class LoginPageComponent {
  private readonly session = inject(SessionStore);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly notifier = inject(ProblemNotifier);
  protected readonly language = inject(LanguageService);

  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email]],
    password: ['', [Validators.required]],
  });
  protected readonly submitting = signal(false);
  /** A message about the whole form, e.g. wrong credentials; a translation key. */
  protected readonly formMessageKey = signal<string | null>(null);
  /** Arriving from the reset page: the new password is saved. */
  protected readonly passwordWasReset = this.route.snapshot.queryParamMap.has(PASSWORD_RESET_DONE_PARAM);
  protected readonly forgotPassword = forgotPasswordLink();

  protected async logIn(): Promise<void> {
    if (this.submitting()) return;
    this.formMessageKey.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.submitting.set(true);
    try {
      await this.session.login(this.form.getRawValue());
      await this.router.navigateByUrl(this.returnUrl());
    } catch (error) {
      this.showFailure(error);
    } finally {
      this.submitting.set(false);
    }
  }

  protected chooseLanguage(locale: Locale): void {
    void this.language.choose(locale);
  }

  private showFailure(error: unknown): void {
    const failure = describeLoginFailure(describeApiError(error));
    switch (failure.kind) {
      case 'form':
        this.formMessageKey.set(failure.messageKey);
        return;
      case 'fields': {
        const unmatched = applyServerFieldErrors(this.form, failure.fieldErrors);
        if (unmatched.length > 0) this.formMessageKey.set('errors.reason.badRequest');
        return;
      }
      case 'report':
        this.notifier.report(failure.problem);
    }
  }

  /** Only paths inside this app, so a crafted link cannot send the user elsewhere after login. */
  private returnUrl(): string {
    const requested = this.route.snapshot.queryParamMap.get(RETURN_URL_PARAM);
    return requested && requested.startsWith('/') && !requested.startsWith('//') ? requested : '/';
  }
}
