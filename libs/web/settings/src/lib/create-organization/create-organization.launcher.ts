import { inject, Injectable } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import type { OrganizationView } from '@kadens/shared/contracts';
import { firstValueFrom } from 'rxjs';

import { CreateOrganizationDialogComponent } from './create-organization-dialog.component';

/** Opens the "create organisation" dialog; resolves with the new organisation, or null if cancelled. */
@Injectable({ providedIn: 'root' })
export class CreateOrganizationLauncher {
  private readonly dialog = inject(MatDialog);

  async open(): Promise<OrganizationView | null> {
    const reference = this.dialog.open<CreateOrganizationDialogComponent, void, OrganizationView>(CreateOrganizationDialogComponent, {
      width: '40rem',
      maxWidth: '95vw',
      autoFocus: 'first-tabbable',
    });
    return (await firstValueFrom(reference.afterClosed())) ?? null;
  }
}
