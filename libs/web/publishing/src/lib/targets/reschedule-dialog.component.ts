import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { type AbstractControl, NonNullableFormBuilder, type ValidationErrors } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { provideTranslocoScope } from '@jsverse/transloco';
import { instantToWallClock, wallClockToInstant } from '@kadens/web/util';
import { PublishingApi } from '@kadens/web/data-access';
import { TRANSLATED_ERROR_KEY } from '@kadens/web/ui';

import { PUBLISHING_SCOPE } from '../i18n/publishing-scope';
import { PUBLISHING_DIALOG_STYLES } from '../shared/publishing-dialog-styles';
import { PUBLISHING_DIALOG_IMPORTS, PublishingFormDialog } from '../shared/publishing-form-dialog';
import type { TargetActionContext } from './target-action-context';

/** The zone the times are entered in; the reader's own until the organisation's is known. */
function zoneOf(target: TargetActionContext): string {
  return target.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** Where the picker starts: the planned time when it is still ahead, else the next full hour. */
function suggestedWallClock(plannedAt: string | null, timeZone: string, now = Date.now()): string {
  if (plannedAt && Date.parse(plannedAt) > now) return instantToWallClock(plannedAt, timeZone);
  const nextHour = Math.ceil((now + 1) / 3_600_000) * 3_600_000;
  return instantToWallClock(new Date(nextHour).toISOString(), timeZone);
}

/** A wall clock in the zone that is a real time and still ahead. */
function futureTimeIn(timeZone: string) {
  return (control: AbstractControl<string>): ValidationErrors | null => {
    if (!control.value) return { [TRANSLATED_ERROR_KEY]: 'publishing.reschedule.atRequired' };
    const instant = wallClockToInstant(control.value, timeZone);
    if (!instant) return { [TRANSLATED_ERROR_KEY]: 'publishing.reschedule.atRequired' };
    return Date.parse(instant) > Date.now() ? null : { [TRANSLATED_ERROR_KEY]: 'publishing.reschedule.atPast' };
  };
}

/**
 * A new time for one target, picked in the organisation's zone and sent as an instant. The dialog
 * sends it itself, so a refused time shows beside the field; it closes with the new instant.
 */
@Component({
  selector: 'kd-reschedule-dialog',
  imports: [...PUBLISHING_DIALOG_IMPORTS],
  providers: [provideTranslocoScope(PUBLISHING_SCOPE)],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form [formGroup]="form" (ngSubmit)="reschedule()" novalidate data-testid="reschedule-dialog">
      <h2 mat-dialog-title>{{ 'publishing.reschedule.title' | transloco }}</h2>
      @if (saving()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.saving' | transloco" />
      }
      <mat-dialog-content class="dialog">
        <p class="dialog__intro">
          {{ 'publishing.reschedule.intro' | transloco: { title: target.postTitle, channel: target.channelName } }}
        </p>
        <mat-form-field>
          <mat-label>{{ 'publishing.reschedule.at' | transloco }}</mat-label>
          <input matInput type="datetime-local" formControlName="at" required data-testid="reschedule-at" />
          <mat-hint>{{ 'publishing.reschedule.atHint' | transloco: { timeZone: timeZone } }}</mat-hint>
          <mat-error data-testid="reschedule-at-error"><kd-field-error [control]="form.controls.at" /></mat-error>
        </mat-form-field>
        @if (problem(); as problem) {
          <kd-publishing-problem [problem]="problem" data-testid="reschedule-problem" />
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | transloco }}</button>
        <button mat-flat-button type="submit" [disabled]="saving()" data-testid="reschedule-confirm">
          {{ 'publishing.reschedule.confirm' | transloco }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: PUBLISHING_DIALOG_STYLES,
})
export class RescheduleDialogComponent extends PublishingFormDialog {
  protected readonly target = inject<TargetActionContext>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject<MatDialogRef<RescheduleDialogComponent, string>>(MatDialogRef);
  private readonly api = inject(PublishingApi);

  protected readonly timeZone = zoneOf(this.target);
  protected readonly form = inject(NonNullableFormBuilder).group({
    at: [suggestedWallClock(this.target.plannedAt, this.timeZone), futureTimeIn(this.timeZone)],
  });

  protected async reschedule(): Promise<void> {
    if (this.saving()) return;
    const control = this.form.controls.at;
    control.updateValueAndValidity();
    const at = wallClockToInstant(control.value, this.timeZone);
    // The field's own check refuses a time that is no instant, so `at` is there whenever the form is ready.
    if (!this.formReady() || !at) return;
    await this.send(async () => {
      await this.api.reschedule(this.target.organizationId, this.target.targetId, at);
      this.dialogRef.close(at);
    });
  }
}
