import { hasModifierKey } from '@angular/cdk/keycodes';
import { DOCUMENT } from '@angular/common';
import { DestroyRef, ElementRef, inject } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type { MatDialogRef } from '@angular/material/dialog';
import { NavigationEnd, Router } from '@angular/router';
import { filter, fromEvent } from 'rxjs';

import { UnsavedChanges } from './unsaved-changes';

/** What the guard needs to know of the dialog it protects. */
export interface GuardedDialog {
  dialogRef: MatDialogRef<unknown, unknown>;
  hasUnsavedChanges(): boolean;
  forgetChanges(): void;
}

/**
 * Escape, the backdrop, the close button, the page underneath moving on (the back button) and closing the
 * tab: each asks first when there are unsaved changes; declining returns focus to where the person was.
 * Call in an injection context (a field initializer or the constructor); `close()` is for the close button.
 */
export function guardDialogClose(dialog: GuardedDialog): { close(): Promise<void> } {
  const unsavedChanges = inject(UnsavedChanges);
  const host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
  const document = inject(DOCUMENT);
  const router = inject(Router);
  let lastFocused: HTMLElement | null = null;

  /** Back to where the person was in the dialog (or its first field), not to the page behind. */
  const refocus = (element: HTMLElement | null): void => {
    if (host.contains(document.activeElement)) return;
    const target = element && host.contains(element) ? element : host.querySelector<HTMLElement>('input, textarea');
    target?.focus();
  };
  const close = async (): Promise<void> => {
    if (dialog.hasUnsavedChanges()) {
      const focused = lastFocused;
      if (!(await unsavedChanges.askToDiscard())) {
        refocus(focused);
        return;
      }
    }
    dialog.dialogRef.close();
  };

  dialog.dialogRef
    .keydownEvents()
    .pipe(
      filter((event) => event.key === 'Escape' && !hasModifierKey(event)),
      takeUntilDestroyed(),
    )
    .subscribe((event) => {
      event.preventDefault();
      void close();
    });
  dialog.dialogRef
    .backdropClick()
    .pipe(takeUntilDestroyed())
    .subscribe(() => void close());
  // The browser asks in its own words; the text cannot be chosen.
  fromEvent<BeforeUnloadEvent>(document.defaultView ?? window, 'beforeunload')
    .pipe(takeUntilDestroyed())
    .subscribe((event) => {
      if (dialog.hasUnsavedChanges()) event.preventDefault();
    });
  fromEvent<FocusEvent>(host, 'focusin')
    .pipe(takeUntilDestroyed())
    .subscribe((event) => (lastFocused = event.target instanceof HTMLElement ? event.target : null));
  // The page underneath moved on (the back button): a clean dialog goes with it, a dirty one asks.
  // A page's own query changes (the calendar's view and date) are not leaving it.
  const pathOf = (url: string) => url.split(/[?#]/)[0];
  const openedOn = pathOf(router.url);
  router.events
    .pipe(
      filter((event) => event instanceof NavigationEnd && pathOf(event.urlAfterRedirects) !== openedOn),
      takeUntilDestroyed(),
    )
    .subscribe(() => void close());
  inject(DestroyRef).onDestroy(
    unsavedChanges.register({ hasUnsavedChanges: () => dialog.hasUnsavedChanges(), forgetChanges: () => dialog.forgetChanges() }),
  );
  return { close };
}
