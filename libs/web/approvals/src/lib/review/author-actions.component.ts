import { ChangeDetectionStrategy, Component, inject, Injector, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Router } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { ActiveOrganization, approvalsInboxLink, COMPOSER, describeApiError, PlanningCatalogApi } from '@kadens/web/data-access';
import { ProblemNotifier } from '@kadens/web/ui';

import { ReviewStore } from './review.store';

/** What the post's editors can do here: send it for approval, change it, or cancel it. */
@Component({
  selector: 'kd-author-actions',
  imports: [FormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="actions">
      @if (actions().submit) {
        <button mat-flat-button type="button" data-testid="submit-for-approval" [disabled]="store.busy()" (click)="submitPost()">
          {{ 'approvals.review.submit' | transloco }}
        </button>
      }
      @if (actions().edit) {
        <button mat-stroked-button type="button" data-testid="review-edit" [disabled]="store.busy() || opening()" (click)="editPost()">
          {{ 'approvals.review.edit' | transloco }}
        </button>
      }
      @if (actions().cancel && !cancelling()) {
        <button mat-button type="button" data-testid="review-cancel" [disabled]="store.busy()" (click)="cancelling.set(true)">
          {{ 'approvals.review.cancel' | transloco }}
        </button>
      }
    </div>
    @if (cancelling()) {
      <form class="cancel" (ngSubmit)="cancelPost()" data-testid="review-cancel-form">
        <p class="cancel__warning">{{ 'approvals.review.cancelWarning' | transloco }}</p>
        <mat-form-field class="cancel__reason">
          <mat-label>{{ 'approvals.review.cancelReason' | transloco }}</mat-label>
          <textarea
            matInput
            rows="2"
            maxlength="1000"
            name="reason"
            data-testid="review-cancel-reason"
            [ngModel]="reason()"
            (ngModelChange)="reason.set($event)"
          ></textarea>
        </mat-form-field>
        <div class="actions">
          <button mat-flat-button type="submit" data-testid="review-cancel-confirm" [disabled]="store.busy()">
            {{ 'approvals.review.cancelConfirm' | transloco }}
          </button>
          <button mat-button type="button" (click)="cancelling.set(false)">{{ 'approvals.review.keepPost' | transloco }}</button>
        </div>
      </form>
    }
  `,
  styles: `
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
    .cancel {
      margin-top: 1rem;
      max-width: 36rem;
    }
    .cancel__warning {
      margin: 0 0 0.5rem;
    }
    .cancel__reason {
      width: 100%;
    }
  `,
})
export class AuthorActionsComponent {
  protected readonly store = inject(ReviewStore);
  private readonly catalogApi = inject(PlanningCatalogApi);
  private readonly composer = inject(COMPOSER);
  private readonly activeOrganization = inject(ActiveOrganization);
  private readonly notifier = inject(ProblemNotifier);
  private readonly router = inject(Router);
  private readonly injector = inject(Injector);

  protected readonly actions = this.store.actions;
  protected readonly cancelling = signal(false);
  protected readonly opening = signal(false);
  protected readonly reason = signal('');

  protected async submitPost(): Promise<void> {
    await this.store.submit();
  }

  protected async cancelPost(): Promise<void> {
    if (await this.store.cancel(this.reason())) {
      this.cancelling.set(false);
      this.reason.set('');
    }
  }

  /** Opens the composer the calendar uses; an edit to the text makes a new revision for review. */
  protected async editPost(): Promise<void> {
    const organizationId = this.activeOrganization.organizationId();
    const postId = this.store.summary()?.post.id;
    if (!organizationId || !postId) return;
    this.opening.set(true);
    try {
      const catalog = await this.catalogApi.load(organizationId);
      this.opening.set(false);
      const result = await this.composer.open({ catalog, postId }, this.injector);
      if (result?.kind === 'deleted') await this.router.navigate(approvalsInboxLink(organizationId));
      else if (result) await this.store.reload();
    } catch (error) {
      this.notifier.report(describeApiError(error));
    } finally {
      this.opening.set(false);
    }
  }
}
