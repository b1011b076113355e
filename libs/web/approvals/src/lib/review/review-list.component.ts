import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { ReviewView } from '@kadens/shared/contracts';
import { ZonedDateTimePipe } from '@kadens/web/util';

/** The decisions taken on the post, newest first, with the reviewers' comments. */
@Component({
  selector: 'kd-review-list',
  imports: [TranslocoPipe, ZonedDateTimePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ul class="reviews">
      @for (review of reviews(); track review.id) {
        <li class="review" data-testid="review-entry" [attr.data-decision]="review.decision" [class.review--void]="!review.counts">
          <span>
            {{ 'approvals.reviews.' + review.decision | transloco: { name: review.reviewerName, revision: review.revision } }}
            @if (!review.counts && review.decision === 'approved') {
              <em>{{ 'approvals.reviews.noLongerCounts' | transloco }}</em>
            }
          </span>
          <span class="review__time">{{ review.createdAt | zonedDateTime: timeZone() : language() }}</span>
          @if (review.comment) {
            <q class="review__comment">{{ review.comment }}</q>
          }
        </li>
      }
    </ul>
  `,
  styles: `
    .reviews {
      margin: 0;
      padding: 0;
      list-style: none;
      display: flex;
      flex-direction: column;
      gap: 0.75rem;
    }
    .review {
      display: flex;
      flex-direction: column;
    }
    .review--void {
      opacity: 0.75;
    }
    .review__time {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-label-medium);
    }
    .review__comment {
      white-space: pre-wrap;
    }
  `,
})
export class ReviewListComponent {
  readonly reviews = input.required<readonly ReviewView[]>();
  readonly timeZone = input.required<string | null>();
  readonly language = input.required<string>();
}
