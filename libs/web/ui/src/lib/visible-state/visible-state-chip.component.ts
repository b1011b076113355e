import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { VisibleState } from '@kadens/shared/rules';

import { VISIBLE_STATE_LOOKS } from './visible-state-looks';

/**
 * A post's or a target's one visible state (see `visiblePostState` in the shared rules) as a small
 * label: a sign and the word, in the state's colours. The words are the app's own (`visibleStates.*`).
 */
@Component({
  selector: 'kd-state-chip',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span class="chip" [attr.data-state]="state()" [style.background]="look().background" [style.color]="look().color"
    ><span class="chip__sign" aria-hidden="true">{{ look().sign }}</span
    >{{ 'visibleStates.' + state() | transloco }}</span
  >`,
  styles: `
    :host {
      display: inline-flex;
    }
    .chip {
      display: inline-flex;
      align-items: center;
      gap: 0.25rem;
      padding: 0 0.375rem;
      border-radius: var(--mat-sys-corner-full, 999px);
      font:
        600 0.6875rem/1.125rem system-ui,
        sans-serif;
      white-space: nowrap;
    }
    .chip__sign {
      font-weight: 700;
    }
  `,
})
export class VisibleStateChipComponent {
  readonly state = input.required<VisibleState>();
  protected readonly look = computed(() => VISIBLE_STATE_LOOKS[this.state()]);
}
