import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';
import { ActiveOrganization } from '@kadens/web/data-access';
import { ZonedDateTimePipe } from '@kadens/web/util';

import { ReviewStore } from './review.store';

/** The conversation on the post between its editors and approvers, oldest first. */
@Component({
  selector: 'kd-comment-thread',
  imports: [FormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, TranslocoPipe, ZonedDateTimePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ol class="thread">
      @for (comment of store.comments(); track comment.id) {
        <li class="comment" data-testid="comment-entry">
          <p class="comment__meta">
            <strong>{{ comment.authorName }}</strong> · {{ comment.createdAt | zonedDateTime: store.timeZone() : language() }}
          </p>
          <p class="comment__body">{{ comment.body }}</p>
        </li>
      } @empty {
        <li class="comment comment--none">{{ 'approvals.comments.none' | transloco }}</li>
      }
    </ol>
    @if (canComment()) {
      <form (ngSubmit)="send()" class="new-comment">
        <mat-form-field class="new-comment__field">
          <mat-label>{{ 'approvals.comments.label' | transloco }}</mat-label>
          <textarea
            matInput
            rows="2"
            maxlength="4000"
            name="body"
            data-testid="comment-body"
            [ngModel]="body()"
            (ngModelChange)="body.set($event)"
          ></textarea>
        </mat-form-field>
        <button mat-stroked-button type="submit" data-testid="comment-send" [disabled]="!body().trim() || store.busy()">
          {{ 'approvals.comments.send' | transloco }}
        </button>
      </form>
    }
  `,
  styles: `
    .thread {
      margin: 0 0 1rem;
      padding: 0;
      list-style: none;
      display: flex;
      flex-direction: column;
      gap: 0.75rem;
    }
    .comment p {
      margin: 0;
    }
    .comment__meta {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-label-medium);
    }
    .comment__body {
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    .new-comment {
      display: flex;
      flex-direction: column;
      align-items: flex-start;
    }
    .new-comment__field {
      width: 100%;
    }
  `,
})
export class CommentThreadComponent {
  protected readonly store = inject(ReviewStore);
  private readonly activeOrganization = inject(ActiveOrganization);

  readonly language = input.required<string>();
  protected readonly body = signal('');
  protected readonly canComment = computed(() => this.activeOrganization.can('posts.edit'));

  protected async send(): Promise<void> {
    if (!this.body().trim()) return;
    if (await this.store.addComment(this.body())) this.body.set('');
  }
}
