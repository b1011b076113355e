import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { type AbstractControl, FormControl, FormGroup, ReactiveFormsModule, type ValidationErrors, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { provideTranslocoScope, TranslocoPipe } from '@jsverse/transloco';
import type { Violation } from '@kadens/shared/contracts';
import { FieldErrorComponent, TRANSLATED_ERROR_KEY, ViolationListComponent } from '@kadens/web/ui';

import { PLANNING_SCOPE } from '@kadens/web/data-access';
import type { ViolationContext } from '@kadens/web/util';

/** The API's bounds for an override's reason. */
const OVERRIDE_REASON_MIN_LENGTH = 3;
const OVERRIDE_REASON_MAX_LENGTH = 1000;

/** A reason is words, not spaces: at least the minimum once trimmed. */
function writtenReason(control: AbstractControl<string>): ValidationErrors | null {
  return control.value.trim().length >= OVERRIDE_REASON_MIN_LENGTH ? null : { [TRANSLATED_ERROR_KEY]: 'planning.override.reasonRequired' };
}

export interface RuleOverrideRequest {
  /** The blocking violations the change would break. */
  violations: readonly Violation[];
  context: ViolationContext;
}

/**
 * Lets an approver or admin go ahead despite a channel's blocking rules, with a written reason that is
 * stored on the post and in the audit log. Closes with the trimmed reason, or nothing when cancelled.
 */
@Component({
  selector: 'kd-rule-override-dialog',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    TranslocoPipe,
    FieldErrorComponent,
    ViolationListComponent,
  ],
  providers: [provideTranslocoScope(PLANNING_SCOPE)],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form [formGroup]="form" (ngSubmit)="override()" novalidate data-testid="rule-override">
      <h2 mat-dialog-title>{{ 'planning.override.title' | transloco }}</h2>
      <mat-dialog-content>
        <p>{{ 'planning.override.intro' | transloco }}</p>
        <kd-violation-list class="violations" [violations]="data.violations" [context]="data.context" />
        <mat-form-field class="reason" subscriptSizing="dynamic">
          <mat-label>{{ 'planning.override.reason' | transloco }}</mat-label>
          <textarea matInput rows="3" required formControlName="reason" cdkFocusInitial data-testid="rule-override-reason"></textarea>
          <mat-hint>{{ 'planning.override.reasonHint' | transloco }}</mat-hint>
          <mat-error data-testid="rule-override-reason-error"><kd-field-error [control]="reason" /></mat-error>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" [mat-dialog-close]="null" data-testid="rule-override-cancel">
          {{ 'common.cancel' | transloco }}
        </button>
        <button mat-flat-button type="submit" data-testid="rule-override-confirm">{{ 'planning.override.confirm' | transloco }}</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .violations {
      margin-bottom: 1rem;
    }
    .reason {
      width: 100%;
    }
  `,
})
export class RuleOverrideDialogComponent {
  protected readonly data = inject<RuleOverrideRequest>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject<MatDialogRef<RuleOverrideDialogComponent, string | null>>(MatDialogRef);

  protected readonly reason = new FormControl('', {
    nonNullable: true,
    validators: [writtenReason, Validators.maxLength(OVERRIDE_REASON_MAX_LENGTH)],
  });
  protected readonly form = new FormGroup({ reason: this.reason });

  protected override(): void {
    this.reason.markAsTouched();
    if (this.reason.invalid) return;
    this.dialogRef.close(this.reason.value.trim());
  }
}
