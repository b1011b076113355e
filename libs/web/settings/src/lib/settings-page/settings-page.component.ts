import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { ActiveOrganization } from '@kadens/web/data-access';

import { MembersPanelComponent } from '../members/members-panel.component';
import { OrganizationSettingsComponent } from '../organization-settings/organization-settings.component';

@Component({
  selector: 'kd-settings-page',
  imports: [TranslocoPipe, OrganizationSettingsComponent, MembersPanelComponent],
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
    </div>
  `,
  styles: `
    .settings {
      display: flex;
      flex-direction: column;
      gap: 1.5rem;
      max-width: 64rem;
    }
  `,
})
export class SettingsPageComponent {
  private readonly activeOrganization = inject(ActiveOrganization);
  protected readonly canReadMembers = computed(() => this.activeOrganization.can('members.read'));
}
