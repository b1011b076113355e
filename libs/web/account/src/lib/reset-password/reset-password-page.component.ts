import { ChangeDetectionStrategy, Component, ElementRef, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { provideTranslocoScope, TranslocoPipe } from '@jsverse/transloco';
import { type Locale, PASSWORD_POLICY } from '@kadens/shared/contracts';
import {
  describeApiError,
  forgotPasswordLink,
  LanguageService,
  loginLink,
  PASSWORD_RESET_DONE_PARAM,
  RESET_TOKEN_PARAM,
  SessionStore,
} from '@kadens/web/data-access';
import { FieldErrorComponent, LanguagePickerComponent, ProblemNotifier } from '@kadens/web/ui';

import { AccountApi } from '../account.api';
import { focusFirstInvalid } from '../focus-first-invalid';
import { ACCOUNT_SCOPE } from '../i18n/account-scope';
import { apiErrorCode, apiFieldErrors, applyAccountFieldErrors, passwordLengthValidator, sameAs } from '../password-errors';

/** Where the reset mail's link leads: the new password twice, then on to the login page. */
@Component({
  selector: 'kd-reset-password-page',
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
            ><h1 class="public-page__title">{{ 'account.reset.title' | transloco }}</h1></mat-card-title
          >
        </mat-card-header>
        <mat-card-content>
          @if (!token || linkInvalid()) {
            <p class="account-alert" role="alert" data-testid="reset-link-invalid">
              {{ (token ? 'account.reset.linkInvalid' : 'account.reset.linkIncomplete') | transloco }}
            </p>
            <a mat-flat-button [routerLink]="forgot" data-testid="reset-request-new">{{ 'account.reset.requestNew' | transloco }}</a>
          } @else {
            <form class="public-page__form" [formGroup]="form" (ngSubmit)="setPassword()" novalidate>
              <p class="public-page__intro" id="reset-rules">{{ 'account.password.rules' | transloco: { min: minLength } }}</p>
              <mat-form-field appearance="outline" subscriptSizing="dynamic">
                <mat-label>{{ 'account.password.new' | transloco }}</mat-label>
                <input
                  matInput
                  type="password"
                  formControlName="password"
                  autocomplete="new-password"
                  required
                  aria-describedby="reset-rules"
                  data-testid="reset-password"
                />
                <mat-error><kd-field-error [control]="form.controls.password" /></mat-error>
              </mat-form-field>
              <mat-form-field appearance="outline" subscriptSizing="dynamic">
                <mat-label>{{ 'account.password.repeat' | transloco }}</mat-label>
                <input matInput type="password" formControlName="repeat" autocomplete="new-password" required data-testid="reset-repeat" />
                <mat-error><kd-field-error [control]="form.controls.repeat" /></mat-error>
              </mat-form-field>
              <button mat-flat-button type="submit" [disabled]="saving()" data-testid="reset-submit">
                {{ (saving() ? 'account.password.saving' : 'account.reset.submit') | transloco }}
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
export class ResetPasswordPageComponent {
  private readonly api = inject(AccountApi);
  private readonly router = inject(Router);
  private readonly session = inject(SessionStore);
  private readonly notifier = inject(ProblemNotifier);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  protected readonly language = inject(LanguageService);
  protected readonly token = inject(ActivatedRoute).snapshot.queryParamMap.get(RESET_TOKEN_PARAM);
  protected readonly login = loginLink();
  protected readonly forgot = forgotPasswordLink();
  protected readonly minLength = PASSWORD_POLICY.minLength;

  protected readonly form = inject(NonNullableFormBuilder).group({
    password: ['', [Validators.required, passwordLengthValidator]],
    repeat: ['', [Validators.required, sameAs('password')]],
  });
  protected readonly saving = signal(false);
  protected readonly linkInvalid = signal(false);

  protected async setPassword(): Promise<void> {
    if (this.saving() || !this.token) return;
    this.form.controls.repeat.updateValueAndValidity();
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      focusFirstInvalid(this.host.nativeElement);
      return;
    }
    this.saving.set(true);
    try {
      await this.api.confirmPasswordReset({ token: this.token, password: this.form.getRawValue().password });
      // Every session of the account has ended, this browser's too if it had one.
      this.session.forget();
      await this.router.navigate(this.login, { queryParams: { [PASSWORD_RESET_DONE_PARAM]: 'done' } });
    } catch (error) {
      if (apiErrorCode(error) === 'invalid_reset_token') {
        this.linkInvalid.set(true);
      } else {
        const unmatched = applyAccountFieldErrors(this.form, apiFieldErrors(error));
        if (unmatched.length > 0 || apiFieldErrors(error).length === 0) this.notifier.report(describeApiError(error));
        focusFirstInvalid(this.host.nativeElement);
      }
    } finally {
      this.saving.set(false);
    }
  }

  protected chooseLanguage(locale: Locale): void {
    void this.language.choose(locale);
  }
}
