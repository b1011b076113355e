import { ChangeDetectionStrategy, Component, inject, Injector } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { Locale } from '@kadens/shared/contracts';
import { accountLink, describeApiError, LanguageService, loginLink, organizationAreaLink, SessionStore } from '@kadens/web/data-access';
import { MyInvitationsComponent } from '@kadens/web/invitations';
import { LanguagePickerComponent, ProblemNotifier } from '@kadens/web/ui';

import { openCreateOrganizationDialog } from '../organizations/open-create-organization-dialog';

/** For someone logged in who belongs to no organisation yet: answer an invitation, or create an organisation. */
@Component({
  selector: 'kd-welcome-page',
  imports: [MatButtonModule, MatCardModule, RouterLink, TranslocoPipe, LanguagePickerComponent, MyInvitationsComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <main class="welcome" id="main-content">
      <div class="welcome__language">
        <kd-language-picker [locale]="language.locale()" (localeChange)="chooseLanguage($event)" />
      </div>
      <mat-card appearance="outlined" class="welcome__card">
        <mat-card-header>
          <mat-card-title
            ><h1 class="welcome__title">{{ 'welcome.title' | transloco }}</h1></mat-card-title
          >
        </mat-card-header>
        <mat-card-content>
          <p>{{ 'welcome.intro' | transloco: { name: session.user()?.name ?? '' } }}</p>
          @if (session.mayCreateOrganizations()) {
            <p>{{ 'welcome.waitForInvite' | transloco }}</p>
          } @else {
            <p>{{ 'welcome.waitForInviteOnly' | transloco }}</p>
            <p class="welcome__restricted" data-testid="welcome-creation-restricted">{{ 'welcome.creationRestricted' | transloco }}</p>
          }
          <kd-my-invitations class="welcome__invitations" />
        </mat-card-content>
        <mat-card-actions align="end">
          <a mat-button [routerLink]="account" data-testid="account-link">{{ 'shell.account' | transloco }}</a>
          <button mat-button type="button" (click)="logout()" data-testid="logout">
            {{ 'shell.logout' | transloco }}
          </button>
          @if (session.mayCreateOrganizations()) {
            <button mat-flat-button type="button" (click)="createOrganization()" data-testid="welcome-create-organization">
              {{ 'shell.createOrganization' | transloco }}
            </button>
          }
        </mat-card-actions>
      </mat-card>
    </main>
  `,
  styles: `
    .welcome {
      display: grid;
      place-items: center;
      min-height: 100vh;
      padding: 1.5rem;
      box-sizing: border-box;
      background: var(--mat-sys-surface-container-low);
    }
    .welcome__language {
      position: absolute;
      top: 1rem;
      right: 1rem;
    }
    .welcome__card {
      width: min(32rem, 100%);
    }
    .welcome__invitations {
      display: block;
      margin-bottom: 1rem;
    }
    .welcome__restricted {
      padding: 0.75rem 1rem;
      border-radius: var(--mat-sys-corner-small);
      background: var(--mat-sys-surface-container-high);
    }
    .welcome__title {
      margin: 0;
      font: var(--mat-sys-headline-small);
    }
  `,
})
export class WelcomePageComponent {
  private readonly router = inject(Router);
  private readonly notifier = inject(ProblemNotifier);
  private readonly injector = inject(Injector);
  protected readonly session = inject(SessionStore);
  protected readonly language = inject(LanguageService);
  protected readonly account = accountLink();

  protected async createOrganization(): Promise<void> {
    const organization = await openCreateOrganizationDialog(this.injector);
    if (organization) await this.router.navigate(organizationAreaLink(organization.id, 'settings'));
  }

  protected async chooseLanguage(locale: Locale): Promise<void> {
    try {
      await this.language.choose(locale);
    } catch (error) {
      this.notifier.report(describeApiError(error));
    }
  }

  protected async logout(): Promise<void> {
    await this.session.logout().catch(() => undefined);
    await this.router.navigate(loginLink());
  }
}
