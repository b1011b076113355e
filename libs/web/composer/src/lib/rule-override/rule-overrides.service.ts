import { inject, Injectable, Injector } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import { firstValueFrom } from 'rxjs';

import { RuleOverrideDialogComponent, type RuleOverrideRequest } from './rule-override-dialog.component';

/** Asks an approver or admin for the reason to override a channel's blocking rules. */
@Injectable({ providedIn: 'root' })
export class RuleOverrides {
  private readonly dialog = inject(MatDialog);

  /** Resolves with the reason, or null when the user thought better of it. */
  async askReason(request: RuleOverrideRequest, injector?: Injector): Promise<string | null> {
    const reference = this.dialog.open<RuleOverrideDialogComponent, RuleOverrideRequest, string | null>(RuleOverrideDialogComponent, {
      data: request,
      injector,
      width: '34rem',
      maxWidth: '100vw',
      autoFocus: 'first-tabbable',
    });
    return (await firstValueFrom(reference.afterClosed())) ?? null;
  }
}
