import { ChangeDetectionStrategy, Component, effect, inject, input, signal, untracked } from '@angular/core';
import { FormsModule, type NgForm } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { provideTranslocoScope, TranslocoPipe } from '@jsverse/transloco';
import type { ExternalReviewView, PostState } from '@kadens/shared/contracts';
import { mayAskExternally } from '@kadens/shared/rules';
import { ZonedDateTimePipe } from '@kadens/web/util';

import { ExternalReviewApi } from './external-review.api';

/**
 * "Ask someone outside" on the review screen: mail a named person a link to sign off this post, see
 * each request's status (sent, opened, approved, changes requested, expired, revoked, stale) and revoke.
 */
@Component({
  selector: 'kd-external-review-panel',
  imports: [FormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, TranslocoPipe, ZonedDateTimePipe],
  providers: [provideTranslocoScope({ scope: 'external-review', alias: 'externalReview' })],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 class="card-title heading">{{ 'externalReview.panel.heading' | transloco }}</h2>
    <p class="hint">{{ 'externalReview.panel.hint' | transloco }}</p>
    @if (canAsk()) {
      <form class="ask" #askForm="ngForm" (ngSubmit)="ask(askForm)" data-testid="external-review-form">
        <mat-form-field appearance="outline">
          <mat-label>{{ 'externalReview.panel.name' | transloco }}</mat-label>
          <input matInput name="name" autocomplete="off" required maxlength="200" [(ngModel)]="name" data-testid="external-review-name" />
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'externalReview.panel.email' | transloco }}</mat-label>
          <input
            matInput
            type="email"
            name="email"
            autocomplete="off"
            required
            maxlength="320"
            [(ngModel)]="email"
            data-testid="external-review-email"
          />
        </mat-form-field>
        <button mat-flat-button type="submit" [disabled]="busy()" data-testid="external-review-ask">
          {{ 'externalReview.panel.ask' | transloco }}
        </button>
      </form>
    } @else {
      <p class="hint">{{ 'externalReview.panel.onlyInReview' | transloco }}</p>
    }
    <p role="status" class="message" data-testid="external-review-message">{{ message() ? (message()! | transloco) : '' }}</p>
    @if (reviews().length > 0) {
      <ul class="reviews" data-testid="external-review-list">
        @for (review of reviews(); track review.id) {
          <li [attr.data-status]="review.status" data-testid="external-review-item">
            <div>
              <strong>{{ review.name }}</strong>
              <span class="email">{{ review.email }}</span>
            </div>
            <div>
              <span class="status status--{{ review.status }}" data-testid="external-review-status">{{
                'externalReview.status.' + review.status | transloco
              }}</span>
              · {{ review.createdAt | zonedDateTime: timeZone() : language() }}
            </div>
            @if (review.comment) {
              <p class="comment">“{{ review.comment }}”</p>
            }
            @if (revocable(review)) {
              <button
                mat-stroked-button
                type="button"
                [disabled]="busy()"
                (click)="revoke(review)"
                [attr.aria-label]="'externalReview.panel.revokeFor' | transloco: { name: review.name }"
                data-testid="external-review-revoke"
              >
                {{ 'externalReview.panel.revoke' | transloco }}
              </button>
            }
          </li>
        }
      </ul>
    }
  `,
  styles: `
    .heading {
      margin: 0 0 0.5rem;
      font: var(--mat-sys-title-medium);
    }
    .hint {
      margin: 0 0 0.75rem;
      color: var(--mat-sys-on-surface-variant);
    }
    .ask {
      display: grid;
      gap: 0.25rem;
    }
    .message:empty {
      display: none;
    }
    .reviews {
      list-style: none;
      margin: 0.5rem 0 0;
      padding: 0;
      display: grid;
      gap: 0.75rem;
    }
    .reviews li {
      display: grid;
      gap: 0.25rem;
      padding-top: 0.5rem;
      border-top: 1px solid var(--mat-sys-outline-variant);
    }
    .email {
      display: block;
      color: var(--mat-sys-on-surface-variant);
      overflow-wrap: anywhere;
    }
    .status {
      font-weight: 600;
    }
    .status--approved {
      color: var(--mat-sys-primary);
    }
    .status--changes_requested,
    .status--expired,
    .status--stale {
      color: var(--mat-sys-error);
    }
    .comment {
      margin: 0;
      font-style: italic;
    }
    button[mat-stroked-button] {
      justify-self: start;
    }
  `,
})
export class ExternalReviewPanelComponent {
  private readonly api = inject(ExternalReviewApi);

  readonly organizationId = input.required<string>();
  readonly postId = input.required<string>();
  readonly postState = input.required<PostState>();
  /** The post's revision: a new one (an edit) reloads the list, where earlier links now show as stale. */
  readonly revision = input.required<number>();
  readonly timeZone = input<string | null>(null);
  readonly language = input<string>('en');

  protected readonly reviews = signal<ExternalReviewView[]>([]);
  protected readonly busy = signal(false);
  protected readonly message = signal<string | null>(null);
  protected name = '';
  protected email = '';

  protected readonly canAsk = () => mayAskExternally(this.postState());
  protected revocable(review: ExternalReviewView): boolean {
    return review.status === 'sent' || review.status === 'opened' || review.status === 'expired' || review.status === 'stale';
  }

  constructor() {
    effect(() => {
      const [organizationId, postId] = [this.organizationId(), this.postId(), this.revision(), this.postState()];
      untracked(() => void this.load(organizationId, postId));
    });
  }

  protected async ask(form: NgForm): Promise<void> {
    if (!this.name.trim() || !this.email.trim()) return this.message.set('externalReview.panel.fillIn');
    await this.run(async () => {
      await this.api.ask(this.organizationId(), this.postId(), { name: this.name.trim(), email: this.email.trim() });
      // A fresh form, not an invalid one: the fields were sent, not forgotten.
      form.resetForm({ name: '', email: '' });
      return 'externalReview.panel.sent';
    });
  }

  protected async revoke(review: ExternalReviewView): Promise<void> {
    await this.run(async () => {
      await this.api.revoke(this.organizationId(), this.postId(), review.id);
      return 'externalReview.panel.revoked';
    });
  }

  private async run(action: () => Promise<string>): Promise<void> {
    this.busy.set(true);
    try {
      this.message.set(await action());
    } catch {
      this.message.set('externalReview.panel.failed');
    } finally {
      this.busy.set(false);
    }
    await this.load(this.organizationId(), this.postId());
  }

  private async load(organizationId: string, postId: string): Promise<void> {
    try {
      this.reviews.set(await this.api.list(organizationId, postId));
    } catch {
      this.reviews.set([]);
    }
  }
}
