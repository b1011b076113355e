import { ChangeDetectionStrategy, Component, computed, effect, inject, input, untracked } from '@angular/core';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTabsModule } from '@angular/material/tabs';
import { ActivatedRoute, Router } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';

import { AudiencesSectionComponent } from '../audiences/audiences-section.component';
import { ChannelsSectionComponent } from '../channels/channels-section.component';
import { InitiativesSectionComponent } from '../initiatives/initiatives-section.component';
import { ChannelPromisesStore } from '../promises/channel-promises.store';
import { StrategyStore } from '../state/strategy.store';
import { ThemesSectionComponent } from '../themes/themes-section.component';
import { WorkloadSummaryComponent } from '../workload/workload-summary.component';
import { isStrategyTab, STRATEGY_TAB_PARAM, STRATEGY_TABS } from './strategy-tabs';

/** The organisation's strategy: the workload on top, then initiatives, themes, audiences and channels in tabs. */
@Component({
  selector: 'kd-strategy-page',
  imports: [
    MatProgressBarModule,
    MatTabsModule,
    TranslocoPipe,
    AudiencesSectionComponent,
    ChannelsSectionComponent,
    InitiativesSectionComponent,
    ThemesSectionComponent,
    WorkloadSummaryComponent,
  ],
  providers: [StrategyStore, ChannelPromisesStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './strategy-page.component.html',
  styles: `
    .strategy__read-only {
      margin: 0 0 1rem;
      color: var(--mat-sys-on-surface-variant);
    }
    .strategy__tabs {
      max-width: 64rem;
    }
  `,
})
export class StrategyPageComponent {
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  protected readonly store = inject(StrategyStore);

  /** The `?tab=` query parameter, bound by the router. */
  readonly tab = input<string>();

  protected readonly tabs = STRATEGY_TABS;
  protected readonly selectedIndex = computed(() => {
    const tab = this.tab();
    return isStrategyTab(tab) ? STRATEGY_TABS.indexOf(tab) : 0;
  });
  protected readonly selectedTab = computed(() => STRATEGY_TABS[this.selectedIndex()]);

  constructor() {
    effect(() => {
      const organizationId = this.store.organizationId();
      untracked(() => {
        if (organizationId) void this.store.load(organizationId);
      });
    });
  }

  protected selectTab(index: number): void {
    const tab = STRATEGY_TABS[index];
    if (!tab || index === this.selectedIndex()) return;
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: { [STRATEGY_TAB_PARAM]: tab },
      queryParamsHandling: 'merge',
      replaceUrl: true,
    });
  }
}
