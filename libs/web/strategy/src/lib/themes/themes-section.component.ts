import { ChangeDetectionStrategy, Component, computed } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { ThemeView } from '@kadens/shared/contracts';

import { SectionShellComponent } from '../shared/section-shell.component';
import { StrategyItemComponent } from '../shared/strategy-item.component';
import { currentThenArchived, StrategySection } from '../shared/strategy-section';
import { ThemeFormComponent } from './theme-form.component';

/** The themes: what the organisation talks about, each with a colour; archived rather than deleted once used. */
@Component({
  selector: 'kd-themes-section',
  imports: [TranslocoPipe, SectionShellComponent, StrategyItemComponent, ThemeFormComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './themes-section.component.html',
  styleUrls: ['../shared/strategy-section.scss', './themes-section.component.scss'],
})
export class ThemesSectionComponent extends StrategySection {
  protected readonly kind = 'themes';
  protected readonly groups = computed(() => currentThenArchived(this.store.themes()));

  protected setArchived(theme: ThemeView, archived: boolean): Promise<void> {
    return this.archiveItem(theme.name, archived, () => this.store.archiveTheme(theme, archived));
  }

  protected remove(theme: ThemeView): Promise<void> {
    return this.removeItem({
      name: theme.name,
      remove: () => this.store.deleteTheme(theme),
      inUseCode: 'theme_in_use',
      instead: () => this.store.archiveTheme(theme, true),
    });
  }
}
