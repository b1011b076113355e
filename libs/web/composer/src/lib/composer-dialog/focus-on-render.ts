import { FocusTrapFactory } from '@angular/cdk/a11y';
import { DOCUMENT } from '@angular/common';
import { afterNextRender, ElementRef, inject } from '@angular/core';

/**
 * Puts the focus on the dialog's first tabbable element as soon as it is drawn, not when its opening
 * animation ends (the dialog's own `autoFocus: 'first-tabbable'`): a person who starts typing at once
 * keeps the field they typed in. Open the dialog with `autoFocus: 'dialog'`, which leaves a focus that is
 * already inside alone. Call in an injection context.
 */
export function focusFirstTabbableOnRender(): void {
  const host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
  const document = inject(DOCUMENT);
  const traps = inject(FocusTrapFactory);
  afterNextRender(() => {
    if (host.contains(document.activeElement)) return;
    const trap = traps.create(host, true);
    trap.focusFirstTabbableElement();
    trap.destroy();
  });
}
