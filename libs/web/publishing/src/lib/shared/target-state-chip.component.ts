import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { provideTranslocoScope, TranslocoPipe } from '@jsverse/transloco';
import type { TargetState } from '@kadens/shared/contracts';

import { PUBLISHING_SCOPE } from '../i18n/publishing-scope';

/** A target's delivery state as a small coloured label. */
@Component({
  selector: 'kd-target-state-chip',
  imports: [TranslocoPipe],
  providers: [provideTranslocoScope(PUBLISHING_SCOPE)],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span [class]="'state state--' + state()" [attr.data-state]="state()" data-testid="target-state">{{
    'publishing.targetStates.' + state() | transloco
  }}</span>`,
  styles: `
    :host {
      display: inline-flex;
    }
    .state {
      padding: 0 0.375rem;
      border-radius: var(--mat-sys-corner-full, 999px);
      font: 600 0.6875rem/1.125rem system-ui, sans-serif;
      white-space: nowrap;
      background: #eceff1;
      color: #37474f;
    }
    .state--scheduled,
    .state--queued,
    .state--publishing {
      background: #e3ecfd;
      color: #0b3d91;
    }
    .state--published {
      background: #d7f5dd;
      color: #0d5a1e;
    }
    .state--failed,
    .state--expired {
      background: #fde0dc;
      color: #8c1d18;
    }
    .state--unconfirmed,
    .state--held {
      background: #fff3cd;
      color: #6a4a00;
    }
  `,
})
export class TargetStateChipComponent {
  readonly state = input.required<TargetState>();
}
