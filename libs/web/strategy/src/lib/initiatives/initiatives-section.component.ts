import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { InitiativeView } from '@kadens/shared/contracts';

import { injectActiveLanguage } from '../shared/active-language';
import { ItemRemoval } from '../shared/item-removal.service';
import { LocalNumberPipe } from '../shared/locale-format.pipes';
import { StrategyStore } from '../state/strategy.store';
import { InitiativeFormComponent } from './initiative-form.component';
import { InitiativeSentenceComponent } from './initiative-sentence.component';

/** The initiatives, each shown as its sentence with what it costs a week, whether it is core, and its status. */
@Component({
  selector: 'kd-initiatives-section',
  imports: [MatButtonModule, RouterLink, TranslocoPipe, InitiativeFormComponent, InitiativeSentenceComponent, LocalNumberPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './initiatives-section.component.html',
  styleUrls: ['../shared/strategy-section.scss', './initiatives-section.component.scss'],
})
export class InitiativesSectionComponent {
  private readonly removal = inject(ItemRemoval);
  protected readonly store = inject(StrategyStore);
  protected readonly language = injectActiveLanguage();

  /** The initiative being edited, `new` for a new one, null when no form is open. */
  protected readonly editing = signal<string | null>(null);
  /** An initiative needs at least one channel and one current audience to be written at all. */
  protected readonly canBeWritten = computed(
    () => this.store.channels().length > 0 && this.store.audiences().some((audience) => !audience.archived),
  );

  protected edit(id: string): void {
    this.editing.set(id);
  }

  protected closeForm(): void {
    this.editing.set(null);
  }

  protected remove(initiative: InitiativeView): Promise<void> {
    return this.removal.remove({
      kind: 'initiatives',
      name: initiative.what,
      remove: () => this.store.deleteInitiative(initiative),
      inUseCode: 'initiative_in_use',
      instead: () => this.store.dropInitiative(initiative),
    });
  }
}
