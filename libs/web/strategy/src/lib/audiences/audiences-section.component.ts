import { ChangeDetectionStrategy, Component, computed, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { TranslocoPipe } from '@jsverse/transloco';
import type { AudienceView } from '@kadens/shared/contracts';

import { injectActiveLanguage } from '../shared/active-language';
import { LocalNumberPipe, NameListPipe } from '../shared/locale-format.pipes';
import { SectionShellComponent } from '../shared/section-shell.component';
import { StrategyItemComponent } from '../shared/strategy-item.component';
import { currentThenArchived, StrategySection } from '../shared/strategy-section';
import { AudienceFormComponent } from './audience-form.component';
import { AudienceEffectResultsComponent } from './effect-results/effect-results.component';

/** The audiences: whom the organisation wants to reach, what they should know or feel and do, and where they are. */
@Component({
  selector: 'kd-audiences-section',
  imports: [
    TranslocoPipe,
    MatButtonModule,
    SectionShellComponent,
    StrategyItemComponent,
    AudienceFormComponent,
    AudienceEffectResultsComponent,
    LocalNumberPipe,
    NameListPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './audiences-section.component.html',
  styleUrl: '../shared/strategy-section.scss',
})
export class AudiencesSectionComponent extends StrategySection {
  protected readonly kind = 'audiences';
  protected readonly language = injectActiveLanguage();
  protected readonly groups = computed(() => currentThenArchived(this.store.audiences()));
  /** Audiences whose effect results are open. */
  protected readonly resultsOpen = signal<ReadonlySet<string>>(new Set());

  protected toggleResults(audienceId: string): void {
    this.resultsOpen.update((open) => {
      const next = new Set(open);
      if (!next.delete(audienceId)) next.add(audienceId);
      return next;
    });
  }

  protected channelNames(audience: AudienceView): string[] {
    const channels = this.store.channelsById();
    return audience.channelIds.flatMap((id) => channels.get(id)?.name ?? []);
  }

  protected setArchived(audience: AudienceView, archived: boolean): Promise<void> {
    return this.archiveItem(audience.name, archived, () => this.store.archiveAudience(audience, archived));
  }

  protected remove(audience: AudienceView): Promise<void> {
    return this.removeItem({
      name: audience.name,
      remove: () => this.store.deleteAudience(audience),
      inUseCode: 'audience_in_use',
      instead: () => this.store.archiveAudience(audience, true),
    });
  }
}
