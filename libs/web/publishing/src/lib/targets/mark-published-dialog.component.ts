import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { provideTranslocoScope } from '@jsverse/transloco';
import { PublishingApi } from '@kadens/web/data-access';

import { PUBLISHING_SCOPE } from '../i18n/publishing-scope';
import { PUBLISHING_DIALOG_STYLES } from '../shared/publishing-dialog-styles';
import { PUBLISHING_DIALOG_IMPORTS, PublishingFormDialog } from '../shared/publishing-form-dialog';
import type { TargetActionContext } from './target-action-context';

const URL_PATTERN = /^https?:\/\/\S+$/i;
/** As the API allows. */
const NOTE_MAX_LENGTH = 2000;

/**
 * "It is there": a person checked the channel and saw the post, e.g. after an unconfirmed attempt.
 * The link is optional. The dialog sends the mark itself, so a refused link shows beside its field;
 * it closes with true once the target is marked.
 */
@Component({
  selector: 'kd-mark-published-dialog',
  imports: [...PUBLISHING_DIALOG_IMPORTS],
  providers: [provideTranslocoScope(PUBLISHING_SCOPE)],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form [formGroup]="form" (ngSubmit)="markPublished()" novalidate data-testid="mark-published-dialog">
      <h2 mat-dialog-title>{{ 'publishing.markPublished.title' | transloco }}</h2>
      @if (saving()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.saving' | transloco" />
      }
      <mat-dialog-content class="dialog">
        <p class="dialog__intro">
          {{ 'publishing.markPublished.intro' | transloco: { title: target.postTitle, channel: target.channelName } }}
        </p>
        <mat-form-field>
          <mat-label>{{ 'publishing.markPublished.url' | transloco }}</mat-label>
          <input matInput type="url" formControlName="url" placeholder="https://" data-testid="mark-published-url" />
          <mat-hint>{{ 'publishing.markPublished.urlHint' | transloco }}</mat-hint>
          <mat-error><kd-field-error [control]="form.controls.url" patternKey="publishing.markPublished.urlPattern" /></mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'publishing.markPublished.note' | transloco }}</mat-label>
          <textarea matInput rows="2" formControlName="note" [maxlength]="noteMaxLength" data-testid="mark-published-note"></textarea>
          <mat-error><kd-field-error [control]="form.controls.note" /></mat-error>
        </mat-form-field>
        @if (problem(); as problem) {
          <kd-publishing-problem [problem]="problem" data-testid="mark-published-problem" />
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | transloco }}</button>
        <button mat-flat-button type="submit" [disabled]="saving()" data-testid="mark-published-confirm">
          {{ 'publishing.markPublished.confirm' | transloco }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: PUBLISHING_DIALOG_STYLES,
})
export class MarkPublishedDialogComponent extends PublishingFormDialog {
  protected readonly target = inject<TargetActionContext>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject<MatDialogRef<MarkPublishedDialogComponent, boolean>>(MatDialogRef);
  private readonly api = inject(PublishingApi);

  protected readonly noteMaxLength = NOTE_MAX_LENGTH;
  protected readonly form = inject(NonNullableFormBuilder).group({
    url: ['', Validators.pattern(URL_PATTERN)],
    note: ['', Validators.maxLength(NOTE_MAX_LENGTH)],
  });

  protected async markPublished(): Promise<void> {
    if (this.saving() || !this.formReady()) return;
    const { url, note } = this.form.getRawValue();
    await this.send(async () => {
      await this.api.markPublished(this.target.organizationId, this.target.targetId, {
        url: url.trim() || null,
        note: note.trim() || null,
      });
      this.dialogRef.close(true);
    });
  }
}
