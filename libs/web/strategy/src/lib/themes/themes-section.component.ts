import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { TranslocoPipe } from '@jsverse/transloco';
import type { ThemeView } from '@kadens/shared/contracts';
import { describeApiError } from '@kadens/web/data-access';
import { ProblemNotifier } from '@kadens/web/ui';

import { ItemRemoval } from '../shared/item-removal.service';
import { StrategyStore } from '../state/strategy.store';
import { ThemeFormComponent } from './theme-form.component';

/** The themes: what the organisation talks about, each with a colour; archived rather than deleted once used. */
@Component({
  selector: 'kd-themes-section',
  imports: [MatButtonModule, TranslocoPipe, ThemeFormComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './themes-section.component.html',
  styleUrls: ['../shared/strategy-section.scss', './themes-section.component.scss'],
})
export class ThemesSectionComponent {
  private readonly removal = inject(ItemRemoval);
  private readonly notifier = inject(ProblemNotifier);
  protected readonly store = inject(StrategyStore);

  /** The theme being edited, `new` for a new one, null when no form is open. */
  protected readonly editing = signal<string | null>(null);
  /** Current themes first, then the archived ones under their own heading. */
  protected readonly groups = computed(() => [
    { archived: false, themes: this.store.themes().filter((theme) => !theme.archived) },
    { archived: true, themes: this.store.themes().filter((theme) => theme.archived) },
  ]);

  protected edit(id: string): void {
    this.editing.set(id);
  }

  protected closeForm(): void {
    this.editing.set(null);
  }

  protected async setArchived(theme: ThemeView, archived: boolean): Promise<void> {
    try {
      await this.store.archiveTheme(theme, archived);
      this.notifier.announce(archived ? 'strategy.themes.archivedDone' : 'strategy.themes.restoredDone', { name: theme.name });
    } catch (error) {
      this.notifier.report(describeApiError(error));
    }
  }

  protected remove(theme: ThemeView): Promise<void> {
    return this.removal.remove({
      kind: 'themes',
      name: theme.name,
      remove: () => this.store.deleteTheme(theme),
      inUseCode: 'theme_in_use',
      instead: () => this.store.archiveTheme(theme, true),
    });
  }
}
