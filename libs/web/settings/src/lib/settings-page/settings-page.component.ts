import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { ActiveOrganization, approvalSettingsLink, auditLogLink, platformSettingsLink, SessionStore } from '@kadens/web/data-access';

import { MembersPanelComponent } from '../members/members-panel.component';
import { OrganizationSettingsComponent } from '../organization-settings/organization-settings.component';

@Component({
  selector: 'kd-settings-page',
  imports: [TranslocoPipe, RouterLink, MatButtonModule, OrganizationSettingsComponent, MembersPanelComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="page-header">
      <h1 class="page-header__title">{{ 'nav.settings' | transloco }}</h1>
      <p class="page-header__intro">{{ 'settings.intro' | transloco }}</p>
    </header>
    <div class="settings">
      <kd-organization-settings />
      @if (canReadMembers()) {
        <kd-members-panel />
      }
      @if (signOffLinks(); as links) {
        <section class="sign-off" data-testid="settings-sign-off">
          <h2>{{ 'settings.signOff.title' | transloco }}</h2>
          <p>{{ 'settings.signOff.intro' | transloco }}</p>
          <a mat-stroked-button [routerLink]="links.policy" data-testid="settings-sign-off-link">{{
            'settings.signOff.open' | transloco
          }}</a>
          <a mat-button [routerLink]="links.audit" data-testid="settings-audit-link">{{ 'settings.signOff.audit' | transloco }}</a>
        </section>
      }
      @if (platformsLink(); as link) {
        <section class="sign-off" data-testid="settings-platforms">
          <h2>{{ 'connect.platforms.title' | transloco }}</h2>
          <p>{{ 'connect.platforms.linkIntro' | transloco }}</p>
          <a mat-stroked-button [routerLink]="link" data-testid="platform-settings-link">{{ 'connect.platforms.link' | transloco }}</a>
        </section>
      }
    </div>
  `,
  styles: `
    .settings {
      display: flex;
      flex-direction: column;
      gap: 1.5rem;
      max-width: 64rem;
    }
    .sign-off a {
      margin-right: 0.5rem;
    }
  `,
})
export class SettingsPageComponent {
  private readonly activeOrganization = inject(ActiveOrganization);
  private readonly isOperator = inject(SessionStore).isOperator;
  protected readonly canReadMembers = computed(() => this.activeOrganization.can('members.read'));
  /** Which platforms this installation can sign in with: its operators only. */
  protected readonly platformsLink = computed(() => {
    const id = this.activeOrganization.organizationId();
    return id && this.isOperator() ? platformSettingsLink(id) : null;
  });
  /** The approval policy, the review checklist and the audit log live with sign-off; admins reach them from here. */
  protected readonly signOffLinks = computed(() => {
    const id = this.activeOrganization.organizationId();
    return id && this.activeOrganization.can('organization.update') ? { policy: approvalSettingsLink(id), audit: auditLogLink(id) } : null;
  });
}
