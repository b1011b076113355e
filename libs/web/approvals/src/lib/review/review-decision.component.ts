import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';

import { checklistItemText } from '../shared/checklist-text';
import { TextOrKeyPipe } from '../shared/text-or-key.pipe';
import { ReviewStore } from './review.store';

/** Refusals worth explaining next to where the approve button would be. */
const EXPLAINED_REFUSALS = ['own_post', 'already_approved'];

/**
 * The reviewer's decision: the checklist (approving needs every required item ticked), an optional
 * comment for an approval or a required one for a request for changes.
 */
@Component({
  selector: 'kd-review-decision',
  imports: [FormsModule, MatButtonModule, MatCheckboxModule, MatFormFieldModule, MatInputModule, TranslocoPipe, TextOrKeyPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './review-decision.component.html',
  styles: `
    .checklist-fieldset {
      margin: 0 0 0.5rem;
      padding: 0;
      border: 0;
    }
    .checklist-fieldset legend {
      padding: 0;
      font: var(--mat-sys-title-small);
    }
    .checklist {
      margin: 0 0 1rem;
      padding: 0;
      list-style: none;
    }
    .checklist__optional {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-label-medium);
    }
    .comment {
      width: 100%;
    }
    .buttons {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      margin-top: 0.5rem;
    }
    .hint {
      margin: 0.5rem 0 0;
      color: var(--mat-sys-on-surface-variant);
    }
    .note {
      margin: 0 0 0.75rem;
      padding: 0.5rem 0.75rem;
      border-radius: var(--mat-sys-corner-small);
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
  `,
})
export class ReviewDecisionComponent {
  protected readonly store = inject(ReviewStore);

  protected readonly ticked = signal<ReadonlySet<string>>(new Set());
  protected readonly comment = signal('');
  protected readonly checklist = computed(() =>
    (this.store.summary()?.checklist ?? []).filter((item) => !item.archived).map((item) => ({ ...item, shown: checklistItemText(item) })),
  );
  protected readonly refusal = computed(() => this.store.actions().approveRefusal);
  protected readonly canApprove = computed(() => this.refusal() === null);
  protected readonly explainedRefusal = computed(() => {
    const refusal = this.refusal();
    return refusal && EXPLAINED_REFUSALS.includes(refusal) ? refusal : null;
  });
  protected readonly checklistComplete = computed(() =>
    this.checklist()
      .filter((item) => item.required)
      .every((item) => this.ticked().has(item.id)),
  );
  protected readonly hasComment = computed(() => this.comment().trim().length > 0);
  /** Which text is under review: another post or a new revision starts the review afresh. */
  private readonly reviewedText = computed(() => {
    const post = this.store.summary()?.post;
    return post ? `${post.id}@${post.revision}` : null;
  });

  constructor() {
    // A new revision is a new review: the ticks were given to the old text.
    effect(() => {
      this.reviewedText();
      untracked(() => this.ticked.set(new Set()));
    });
  }

  protected tick(itemId: string, checked: boolean): void {
    this.ticked.update((ticked) => {
      const next = new Set(ticked);
      if (checked) next.add(itemId);
      else next.delete(itemId);
      return next;
    });
  }

  protected async approvePost(): Promise<void> {
    if (!this.canApprove() || !this.checklistComplete()) return;
    const ticked = this.checklist()
      .filter((item) => this.ticked().has(item.id))
      .map((item) => item.id);
    if (await this.store.approve(ticked, this.comment())) this.comment.set('');
  }

  protected async requestChanges(): Promise<void> {
    if (!this.hasComment()) return;
    if (await this.store.requestChanges(this.comment())) this.comment.set('');
  }
}
