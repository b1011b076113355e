import { inject, Injectable } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import { firstValueFrom } from 'rxjs';

import { DiscardChangesDialogComponent } from './discard-changes-dialog.component';

/** An open composer, as far as leaving it is concerned. */
interface UnsavedWork {
  hasUnsavedChanges(): boolean;
  /** Forgets the changes; the composer then closes when the navigation lands. */
  forgetChanges(): void;
}

/** Asks before unsaved work is thrown away, once at a time, and knows the open composers. */
@Injectable({ providedIn: 'root' })
export class UnsavedChanges {
  private readonly dialog = inject(MatDialog);
  private readonly open = new Set<UnsavedWork>();
  private asking: Promise<boolean> | null = null;

  register(work: UnsavedWork): () => void {
    this.open.add(work);
    return () => this.open.delete(work);
  }

  /** Resolves true when the person chose to discard; Escape or "keep editing" keep the work. */
  askToDiscard(): Promise<boolean> {
    this.asking ??= firstValueFrom(
      this.dialog
        .open<DiscardChangesDialogComponent, undefined, boolean>(DiscardChangesDialogComponent, { role: 'alertdialog', width: '26rem' })
        .afterClosed(),
    )
      .then((discard) => discard === true)
      .finally(() => (this.asking = null));
    return this.asking;
  }

  /** True when nothing unsaved is open, or the person chose to discard it. */
  async mayLeave(): Promise<boolean> {
    const dirty = [...this.open].filter((work) => work.hasUnsavedChanges());
    if (dirty.length === 0) return true;
    if (!(await this.askToDiscard())) return false;
    for (const work of dirty) work.forgetChanges();
    return true;
  }
}
