import { inject, Injectable, Injector } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import type { Violation } from '@kadens/shared/contracts';
import { type Composer, type ComposerRequest, type ComposerResult, type PlanningCatalog } from '@kadens/web/data-access';
import { firstValueFrom } from 'rxjs';

import { PlanningProblems } from '../planning-problems/planning-problems.service';
import { RuleOverrides } from '../rule-override/rule-overrides.service';
import { UnsavedChanges } from '../unsaved-changes/unsaved-changes';
import { ComposerDialogComponent } from './composer-dialog.component';

/**
 * The composer behind the COMPOSER token (the app provides it, loaded on first use): opens it as a
 * panel on the right and resolves with what was saved or deleted, or null.
 */
@Injectable({ providedIn: 'root' })
export class ComposerLauncher implements Composer {
  private readonly dialog = inject(MatDialog);
  private readonly unsavedChanges = inject(UnsavedChanges);
  private readonly overrides = inject(RuleOverrides);
  private readonly problems = inject(PlanningProblems);

  async open(request: ComposerRequest, injector?: Injector): Promise<ComposerResult | null> {
    const reference = this.dialog.open<ComposerDialogComponent, ComposerRequest, ComposerResult>(ComposerDialogComponent, {
      data: request,
      injector,
      width: '64rem',
      maxWidth: '100vw',
      height: '100%',
      maxHeight: '100vh',
      position: { right: '0', top: '0' },
      panelClass: 'kd-composer-panel',
      // The composer focuses its first field as soon as it is drawn (focusFirstTabbableOnRender); the
      // dialog's own focus would come when the opening ends and take the focus from someone already typing.
      autoFocus: 'dialog',
      // The composer itself decides: it asks before unsaved changes go (Escape, backdrop, navigation).
      disableClose: true,
      closeOnNavigation: false,
    });
    return (await firstValueFrom(reference.afterClosed())) ?? null;
  }

  mayLeave(): Promise<boolean> {
    return this.unsavedChanges.mayLeave();
  }

  askRuleOverride(violations: readonly Violation[], catalog: PlanningCatalog): Promise<string | null> {
    return this.overrides.askReason({ violations, context: catalog });
  }

  reportPlanningProblem(error: unknown, catalog: PlanningCatalog): void {
    this.problems.report(error, catalog);
  }
}
