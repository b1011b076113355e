import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { provideTranslocoScope, TranslocoPipe } from '@jsverse/transloco';
import { describeApiError, PublishingApi } from '@kadens/web/data-access';
import { applyServerFieldErrors, FieldErrorComponent } from '@kadens/web/ui';

import { PUBLISHING_SCOPE } from '../i18n/publishing-scope';
import { describePublishingProblem, type PublishingProblem } from '../shared/publishing-problem';
import { PublishingProblemComponent } from '../shared/publishing-problem.component';
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
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    TranslocoPipe,
    FieldErrorComponent,
    PublishingProblemComponent,
  ],
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
  styles: `
    .dialog {
      display: flex;
      flex-direction: column;
      gap: 0.5rem;
      max-width: 32rem;
    }
    .dialog__intro {
      margin: 0 0 0.5rem;
    }
  `,
})
export class MarkPublishedDialogComponent {
  protected readonly target = inject<TargetActionContext>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject<MatDialogRef<MarkPublishedDialogComponent, boolean>>(MatDialogRef);
  private readonly api = inject(PublishingApi);

  protected readonly noteMaxLength = NOTE_MAX_LENGTH;
  protected readonly form = inject(NonNullableFormBuilder).group({
    url: ['', Validators.pattern(URL_PATTERN)],
    note: ['', Validators.maxLength(NOTE_MAX_LENGTH)],
  });
  protected readonly saving = signal(false);
  protected readonly problem = signal<PublishingProblem | null>(null);

  protected async markPublished(): Promise<void> {
    if (this.saving()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { url, note } = this.form.getRawValue();
    this.saving.set(true);
    this.problem.set(null);
    try {
      await this.api.markPublished(this.target.organizationId, this.target.targetId, { url: url.trim() || null, note: note.trim() || null });
      this.dialogRef.close(true);
    } catch (error) {
      const fieldErrors = describeApiError(error).fieldErrors;
      if (fieldErrors.length === 0 || applyServerFieldErrors(this.form, fieldErrors).length > 0) {
        this.problem.set(describePublishingProblem(error));
      }
    } finally {
      this.saving.set(false);
    }
  }
}
