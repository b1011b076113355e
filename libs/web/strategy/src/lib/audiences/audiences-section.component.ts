import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { TranslocoPipe } from '@jsverse/transloco';
import type { AudienceView } from '@kadens/shared/contracts';
import { describeApiError } from '@kadens/web/data-access';
import { ProblemNotifier } from '@kadens/web/ui';

import { injectActiveLanguage } from '../shared/active-language';
import { ItemRemoval } from '../shared/item-removal.service';
import { LocalNumberPipe, NameListPipe } from '../shared/locale-format.pipes';
import { StrategyStore } from '../state/strategy.store';
import { AudienceFormComponent } from './audience-form.component';

/** The audiences: whom the organisation wants to reach, what they should know or feel and do, and where they are. */
@Component({
  selector: 'kd-audiences-section',
  imports: [MatButtonModule, TranslocoPipe, AudienceFormComponent, LocalNumberPipe, NameListPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './audiences-section.component.html',
  styleUrl: '../shared/strategy-section.scss',
})
export class AudiencesSectionComponent {
  private readonly removal = inject(ItemRemoval);
  private readonly notifier = inject(ProblemNotifier);
  protected readonly store = inject(StrategyStore);
  protected readonly language = injectActiveLanguage();

  /** The audience being edited, `new` for a new one, null when no form is open. */
  protected readonly editing = signal<string | null>(null);
  /** Current audiences first, then the archived ones under their own heading. */
  protected readonly groups = computed(() => [
    { archived: false, audiences: this.store.audiences().filter((audience) => !audience.archived) },
    { archived: true, audiences: this.store.audiences().filter((audience) => audience.archived) },
  ]);

  protected channelNames(audience: AudienceView): string[] {
    const channels = this.store.channelsById();
    return audience.channelIds.flatMap((id) => channels.get(id)?.name ?? []);
  }

  protected edit(id: string): void {
    this.editing.set(id);
  }

  protected closeForm(): void {
    this.editing.set(null);
  }

  protected async setArchived(audience: AudienceView, archived: boolean): Promise<void> {
    try {
      await this.store.archiveAudience(audience, archived);
      this.notifier.announce(archived ? 'strategy.audiences.archivedDone' : 'strategy.audiences.restoredDone', { name: audience.name });
    } catch (error) {
      this.notifier.report(describeApiError(error));
    }
  }

  protected remove(audience: AudienceView): Promise<void> {
    return this.removal.remove({
      kind: 'audiences',
      name: audience.name,
      remove: () => this.store.deleteAudience(audience),
      inUseCode: 'audience_in_use',
      instead: () => this.store.archiveAudience(audience, true),
    });
  }
}
