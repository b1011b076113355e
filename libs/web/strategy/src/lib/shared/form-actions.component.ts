import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { TranslocoPipe } from '@jsverse/transloco';

/** Cancel and save at the foot of a strategy form; save submits the form it stands in. */
@Component({
  selector: 'kd-form-actions',
  imports: [MatButtonModule, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <button mat-button type="button" (click)="cancelled.emit()" [attr.data-testid]="testId() + '-cancel'">
      {{ 'common.cancel' | transloco }}
    </button>
    <button mat-flat-button type="submit" [disabled]="saving() || disabled()" [attr.data-testid]="testId() + '-save'">
      {{ (saving() ? 'common.saving' : 'common.save') | transloco }}
    </button>
  `,
  styles: `
    :host {
      display: flex;
      justify-content: flex-end;
      gap: 0.5rem;
      margin-top: 1rem;
    }
  `,
})
export class FormActionsComponent {
  /** Prefix of the buttons' test ids: `<testId>-cancel`, `<testId>-save`. */
  readonly testId = input.required<string>();
  readonly saving = input(false);
  /** Not ready to save yet (still loading what the form edits). */
  readonly disabled = input(false);
  readonly cancelled = output<void>();
}
