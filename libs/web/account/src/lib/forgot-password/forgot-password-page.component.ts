import { ChangeDetectionStrategy, Component, ElementRef, inject, signal, viewChild } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { provideTranslocoScope, TranslocoPipe } from '@jsverse/transloco';
import type { Locale } from '@kadens/shared/contracts';
import { describeApiError, LanguageService, loginLink } from '@kadens/web/data-access';
import { applyServerFieldErrors, FieldErrorComponent, LanguagePickerComponent, ProblemNotifier } from '@kadens/web/ui';

import { focusFirstInvalid } from '../focus-first-invalid';
import { ACCOUNT_SCOPE } from '../i18n/account-scope';
import { AccountApi } from '../account.api';
import { apiErrorCode } from '../password-errors';

/** Asks for a reset link. The answer never says whether the e-mail has an account. */
@Component({
  selector: 'kd-forgot-password-page',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    RouterLink,
    TranslocoPipe,
    FieldErrorComponent,
    LanguagePickerComponent,
  ],
  providers: [provideTranslocoScope(ACCOUNT_SCOPE)],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrls: ['../account-pages.scss', '../account-sections.scss'],
  template: `
    <main class="public-page" id="main-content">
      <div class="public-page__language">
        <kd-language-picker [locale]="language.locale()" (localeChange)="chooseLanguage($event)" />
      </div>
      <mat-card appearance="outlined" class="public-page__card">
        <mat-card-header>
          <mat-card-title
            ><h1 class="public-page__title">{{ 'account.forgot.title' | transloco }}</h1></mat-card-title
          >
        </mat-card-header>
        <mat-card-content>
          @if (sentTo(); as email) {
            <p class="account-notice" role="status" tabindex="-1" #sentMessage data-testid="forgot-sent">
              {{ 'account.forgot.sent' | transloco: { email } }}
            </p>
            <p class="public-page__intro">{{ 'account.forgot.sentHint' | transloco }}</p>
          } @else {
            <form class="public-page__form" [formGroup]="form" (ngSubmit)="requestLink()" novalidate>
              <p class="public-page__intro" id="forgot-intro">{{ 'account.forgot.intro' | transloco }}</p>
              @if (messageKey(); as key) {
                <p class="account-alert" role="alert" data-testid="forgot-message">{{ key | transloco }}</p>
              }
              <mat-form-field appearance="outline" subscriptSizing="dynamic">
                <mat-label>{{ 'account.forgot.email' | transloco }}</mat-label>
                <input
                  matInput
                  type="email"
                  formControlName="email"
                  autocomplete="username"
                  inputmode="email"
                  required
                  aria-describedby="forgot-intro"
                  data-testid="forgot-email"
                />
                <mat-error><kd-field-error [control]="form.controls.email" /></mat-error>
              </mat-form-field>
              <button mat-flat-button type="submit" [disabled]="sending()" data-testid="forgot-submit">
                {{ (sending() ? 'account.forgot.sending' : 'account.forgot.submit') | transloco }}
              </button>
            </form>
          }
        </mat-card-content>
        <mat-card-actions>
          <a mat-button [routerLink]="login" data-testid="back-to-login">{{ 'account.backToLogin' | transloco }}</a>
        </mat-card-actions>
      </mat-card>
    </main>
  `,
})
export class ForgotPasswordPageComponent {
  private readonly api = inject(AccountApi);
  private readonly notifier = inject(ProblemNotifier);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly sentMessage = viewChild<ElementRef<HTMLElement>>('sentMessage');
  protected readonly language = inject(LanguageService);
  protected readonly login = loginLink();

  protected readonly form = inject(NonNullableFormBuilder).group({ email: ['', [Validators.required, Validators.email]] });
  protected readonly sending = signal(false);
  protected readonly sentTo = signal<string | null>(null);
  protected readonly messageKey = signal<string | null>(null);

  protected async requestLink(): Promise<void> {
    if (this.sending()) return;
    this.messageKey.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      focusFirstInvalid(this.host.nativeElement);
      return;
    }
    this.sending.set(true);
    const { email } = this.form.getRawValue();
    try {
      await this.api.requestPasswordReset(email.trim());
      this.sentTo.set(email.trim());
      setTimeout(() => this.sentMessage()?.nativeElement.focus());
    } catch (error) {
      const problem = describeApiError(error);
      if (apiErrorCode(error) === 'too_many_attempts') this.messageKey.set('account.forgot.tooMany');
      else if (problem.status !== 400 || applyServerFieldErrors(this.form, problem.fieldErrors).length > 0) this.notifier.report(problem);
    } finally {
      this.sending.set(false);
    }
  }

  protected chooseLanguage(locale: Locale): void {
    void this.language.choose(locale);
  }
}
