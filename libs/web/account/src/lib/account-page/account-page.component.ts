import { ChangeDetectionStrategy, Component, inject, viewChild } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { RouterLink } from '@angular/router';
import { provideTranslocoScope, TranslocoPipe } from '@jsverse/transloco';
import type { Locale } from '@kadens/shared/contracts';
import { describeApiError, homeLink, LanguageService } from '@kadens/web/data-access';
import { LanguagePickerComponent, ProblemNotifier } from '@kadens/web/ui';

import { ChangePasswordFormComponent } from '../change-password/change-password-form.component';
import { MailNotificationsComponent } from '../mail-notifications/mail-notifications.component';
import { ACCOUNT_SCOPE } from '../i18n/account-scope';
import { ProfileFormComponent } from '../profile/profile-form.component';
import { SessionsListComponent } from '../sessions/sessions-list.component';

/** Your account: name and language, password, where you are logged in, and which notifications come by e-mail. */
@Component({
  selector: 'kd-account-page',
  imports: [
    MatButtonModule,
    MatCardModule,
    RouterLink,
    TranslocoPipe,
    LanguagePickerComponent,
    ProfileFormComponent,
    ChangePasswordFormComponent,
    SessionsListComponent,
    MailNotificationsComponent,
  ],
  providers: [provideTranslocoScope(ACCOUNT_SCOPE)],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrls: ['../account-pages.scss', '../account-sections.scss'],
  template: `
    <header class="account-bar">
      <a mat-button [routerLink]="home" data-testid="account-back">
        <span aria-hidden="true">←</span> {{ 'account.page.back' | transloco }}
      </a>
      <kd-language-picker [locale]="language.locale()" (localeChange)="chooseLanguage($event)" />
    </header>
    <main class="account-page" id="main-content" tabindex="-1">
      <h1 class="account-page__title">{{ 'account.page.title' | transloco }}</h1>
      <mat-card appearance="outlined" class="account-card"
        ><mat-card-content><kd-profile-form /></mat-card-content
      ></mat-card>
      <mat-card appearance="outlined" class="account-card">
        <mat-card-content><kd-change-password-form (changed)="sessions().reload()" /></mat-card-content>
      </mat-card>
      <mat-card appearance="outlined" class="account-card"
        ><mat-card-content><kd-sessions-list /></mat-card-content
      ></mat-card>
      <mat-card appearance="outlined" class="account-card"
        ><mat-card-content><kd-mail-notifications /></mat-card-content
      ></mat-card>
    </main>
  `,
})
export class AccountPageComponent {
  private readonly notifier = inject(ProblemNotifier);
  protected readonly language = inject(LanguageService);
  protected readonly sessions = viewChild.required(SessionsListComponent);
  protected readonly home = homeLink();

  protected async chooseLanguage(locale: Locale): Promise<void> {
    try {
      await this.language.choose(locale);
    } catch (error) {
      this.notifier.report(describeApiError(error));
    }
  }
}
