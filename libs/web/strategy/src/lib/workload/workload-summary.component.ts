import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { hasPermission } from '@kadens/shared/rules';
import { ActiveOrganization, organizationAreaLink } from '@kadens/web/data-access';

import { injectActiveLanguage } from '../shared/active-language';
import { LocalNumberPipe } from '../shared/locale-format.pipes';
import { StrategyStore } from '../state/strategy.store';

/**
 * What the active initiatives cost each week against the hours the organisation says it has: resources
 * before ambitions. Warns plainly when the plan costs more than the people have.
 */
@Component({
  selector: 'kd-workload-summary',
  imports: [RouterLink, TranslocoPipe, LocalNumberPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './workload-summary.component.html',
  styleUrl: './workload-summary.component.scss',
})
export class WorkloadSummaryComponent {
  private readonly activeOrganization = inject(ActiveOrganization);
  protected readonly store = inject(StrategyStore);
  protected readonly language = injectActiveLanguage();

  protected readonly workload = this.store.workload;
  protected readonly canStateCapacity = computed(() => hasPermission(this.activeOrganization.role(), 'organization.update'));
  protected readonly settingsLink = computed(() => {
    const organizationId = this.activeOrganization.organizationId();
    return organizationId ? organizationAreaLink(organizationId, 'settings') : null;
  });
  /** How full the week is, for the bar; capped so an overfull week still fits the page. */
  protected readonly usedPercent = computed(() => {
    const workload = this.workload();
    if (!workload?.capacityHoursPerWeek) return workload?.activeHoursPerWeek ? 100 : 0;
    return Math.min(100, (workload.activeHoursPerWeek / workload.capacityHoursPerWeek) * 100);
  });
  protected readonly difference = computed(() => {
    const workload = this.workload();
    if (!workload || workload.capacityHoursPerWeek === null) return 0;
    // Tenths, so 10.1 − 10 reads 0.1 and not 0.09999999999999964.
    return Math.abs(Math.round((workload.activeHoursPerWeek - workload.capacityHoursPerWeek) * 10) / 10);
  });
}
