import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { PostState } from '@kadens/shared/contracts';

/** A post's workflow state as a small coloured label. Needs the planning translation scope. */
@Component({
  selector: 'kd-post-state-chip',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span class="state" [class]="'state state--' + state()" [attr.data-state]="state()">{{
    'planning.states.' + state() | transloco
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
    .state--in_review {
      background: #fff3cd;
      color: #6a4a00;
    }
    .state--changes_requested {
      background: #ffe0d6;
      color: #8a2a0a;
    }
    .state--approved {
      background: #d7f5dd;
      color: #0d5a1e;
    }
    .state--cancelled {
      background: #e0e0e0;
      color: #555;
      text-decoration: line-through;
    }
  `,
})
export class PostStateChipComponent {
  readonly state = input.required<PostState>();
}
