import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { ActiveOrganization, approvalsInboxLink } from '@kadens/web/data-access';

import { ApprovalSettingsComponent } from './approval-settings.component';

/** The approvals area's settings page: the policy and the checklist, under the area's own heading. */
@Component({
  selector: 'kd-approval-settings-page',
  imports: [MatButtonModule, RouterLink, TranslocoPipe, ApprovalSettingsComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nav class="back">
      <a mat-button [routerLink]="inboxLink()">{{ 'approvals.review.back' | transloco }}</a>
    </nav>
    <header class="page-header">
      <h1 class="page-header__title">{{ 'approvals.settings.title' | transloco }}</h1>
      <p class="page-header__intro">{{ 'approvals.settings.intro' | transloco }}</p>
    </header>
    <kd-approval-settings />
  `,
  styles: `
    .back {
      margin: -0.5rem 0 0.5rem -0.75rem;
    }
  `,
})
export class ApprovalSettingsPageComponent {
  private readonly activeOrganization = inject(ActiveOrganization);
  protected readonly inboxLink = computed(() => approvalsInboxLink(this.activeOrganization.organizationId() ?? ''));
}
