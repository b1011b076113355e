import { ChangeDetectionStrategy, Component, computed } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { InitiativeView } from '@kadens/shared/contracts';

import { injectActiveLanguage } from '../shared/active-language';
import { LocalNumberPipe } from '../shared/locale-format.pipes';
import { SectionShellComponent } from '../shared/section-shell.component';
import { StrategyItemComponent } from '../shared/strategy-item.component';
import { StrategySection } from '../shared/strategy-section';
import { InitiativeFormComponent } from './initiative-form.component';
import { InitiativeSentenceComponent } from './initiative-sentence.component';

/** The initiatives, each shown as its sentence with what it costs a week, whether it is core, and its status. */
@Component({
  selector: 'kd-initiatives-section',
  imports: [
    MatButtonModule,
    RouterLink,
    TranslocoPipe,
    SectionShellComponent,
    StrategyItemComponent,
    InitiativeFormComponent,
    InitiativeSentenceComponent,
    LocalNumberPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './initiatives-section.component.html',
  styleUrls: ['../shared/strategy-section.scss', './initiatives-section.component.scss'],
})
export class InitiativesSectionComponent extends StrategySection {
  protected readonly kind = 'initiatives';
  protected readonly language = injectActiveLanguage();

  /** An initiative needs at least one channel and one current audience to be written at all. */
  protected readonly canBeWritten = computed(
    () => this.store.channels().length > 0 && this.store.audiences().some((audience) => !audience.archived),
  );

  protected remove(initiative: InitiativeView): Promise<void> {
    return this.removeItem({
      name: initiative.what,
      remove: () => this.store.deleteInitiative(initiative),
      inUseCode: 'initiative_in_use',
      instead: () => this.store.dropInitiative(initiative),
    });
  }
}
