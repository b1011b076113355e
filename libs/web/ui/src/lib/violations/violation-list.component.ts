import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { Violation } from '@kadens/shared/contracts';
import { type ViolationContext, wordViolations } from '@kadens/web/util';

/** Broken channel rules as a plain list in the reader's language. Needs the planning translation scope. */
@Component({
  selector: 'kd-violation-list',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ul class="violations">
      @for (text of texts(); track $index) {
        <li [class]="'violation violation--' + text.severity" [attr.data-rule]="text.rule" [attr.data-channel-id]="text.channelId">
          {{ text.key | transloco: text.params }}
        </li>
      }
    </ul>
  `,
  styles: `
    :host {
      display: block;
    }
    .violations {
      margin: 0;
      padding-left: 1.25rem;
    }
    .violation + .violation {
      margin-top: 0.25rem;
    }
  `,
})
export class ViolationListComponent {
  readonly violations = input.required<readonly Violation[]>();
  readonly context = input.required<ViolationContext>();

  private readonly language = toSignal(inject(TranslocoService).langChanges$, { requireSync: true });
  protected readonly texts = computed(() => wordViolations(this.violations(), this.context(), this.language()));
}
