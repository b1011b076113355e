import { inject, Injectable } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import { firstValueFrom } from 'rxjs';

import { ConfirmDialogComponent, type ConfirmDialogData } from './confirm-dialog.component';

@Injectable({ providedIn: 'root' })
export class Confirmation {
  private readonly dialog = inject(MatDialog);

  /** Resolves to true only when the user confirmed. */
  async ask(data: ConfirmDialogData): Promise<boolean> {
    const reference = this.dialog.open<ConfirmDialogComponent, ConfirmDialogData, boolean>(ConfirmDialogComponent, {
      data,
      role: 'alertdialog',
      width: '28rem',
    });
    return (await firstValueFrom(reference.afterClosed())) === true;
  }
}
