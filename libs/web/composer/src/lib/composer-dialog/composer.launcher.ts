import { inject, Injectable, Injector } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import { firstValueFrom } from 'rxjs';

import { ComposerDialogComponent, type ComposerRequest, type ComposerResult } from './composer-dialog.component';

/** Opens the composer as a panel on the right; resolves with what was saved or deleted, or null. */
@Injectable({ providedIn: 'root' })
export class ComposerLauncher {
  private readonly dialog = inject(MatDialog);

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
      autoFocus: 'first-tabbable',
      // The composer itself decides: it asks before unsaved changes go (Escape, backdrop, navigation).
      disableClose: true,
      closeOnNavigation: false,
    });
    return (await firstValueFrom(reference.afterClosed())) ?? null;
  }
}
