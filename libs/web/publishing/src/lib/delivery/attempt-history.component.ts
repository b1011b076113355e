import { ChangeDetectionStrategy, Component, effect, inject, input, signal, untracked } from '@angular/core';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { provideTranslocoScope, TranslocoPipe } from '@jsverse/transloco';
import type { OrganizationId, PublishAttemptView } from '@kadens/shared/contracts';
import { PublishingApi } from '@kadens/web/data-access';

import { PUBLISHING_SCOPE } from '../i18n/publishing-scope';
import { describePublishingProblem, type PublishingProblem } from '../shared/publishing-problem';
import { PublishingProblemComponent } from '../shared/publishing-problem.component';
import { injectActiveLanguage, ZonedDateTimePipe } from '@kadens/web/util';

/**
 * Every attempt at delivering one target, newest first: when, what came of it (in the platform's
 * words where it gave any), who marked it by hand, and when the next try is due. Loaded when opened,
 * and again when the number of attempts changes.
 */
@Component({
  selector: 'kd-attempt-history',
  imports: [MatProgressBarModule, TranslocoPipe, PublishingProblemComponent, ZonedDateTimePipe],
  providers: [provideTranslocoScope(PUBLISHING_SCOPE)],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (loading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | transloco" />
    }
    @if (problem(); as problem) {
      <kd-publishing-problem [problem]="problem" [loadFailed]="true" (reload)="load()" />
    }
    <ol class="attempts" data-testid="attempt-history">
      @for (attempt of attempts(); track attempt.id) {
        <li class="attempt" data-testid="attempt" [attr.data-outcome]="attempt.outcome ?? 'running'">
          <span class="attempt__head">
            <strong>{{ 'publishing.attempts.number' | transloco: { number: attempt.number } }}</strong>
            <span>{{ attempt.startedAt | zonedDateTime: timeZone() : language() }}</span>
            <span class="attempt__outcome">{{ 'publishing.outcomes.' + (attempt.outcome ?? 'running') | transloco }}</span>
            @if (attempt.status) {
              <span>{{ 'publishing.attempts.status' | transloco: { status: attempt.status } }}</span>
            }
          </span>
          @if (attempt.message) {
            <span class="attempt__message">{{ attempt.message }}</span>
          }
          @if (attempt.actor) {
            <span>{{ 'publishing.attempts.by' | transloco: { name: attempt.actor.name } }}</span>
          }
          @if (attempt.externalUrl) {
            <a [href]="attempt.externalUrl" target="_blank" rel="noopener">{{ attempt.externalUrl }}</a>
          }
          @if (attempt.retryAt) {
            <span>{{
              'publishing.delivery.nextTry' | transloco: { time: (attempt.retryAt | zonedDateTime: timeZone() : language()) }
            }}</span>
          }
        </li>
      } @empty {
        @if (!loading() && !problem()) {
          <li class="attempt" data-testid="attempts-empty">{{ 'publishing.attempts.none' | transloco }}</li>
        }
      }
    </ol>
  `,
  styles: `
    .attempts {
      display: flex;
      flex-direction: column;
      gap: 0.375rem;
      margin: 0.25rem 0 0;
      padding: 0;
      list-style: none;
    }
    .attempt {
      display: flex;
      flex-direction: column;
      gap: 0.125rem;
      padding: 0.375rem 0.5rem;
      border-inline-start: 3px solid var(--mat-sys-outline-variant);
      font: var(--mat-sys-body-small);
    }
    .attempt__head {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
    .attempt__outcome {
      font-weight: 600;
    }
    .attempt__message {
      overflow-wrap: anywhere;
    }
  `,
})
export class AttemptHistoryComponent {
  private readonly api = inject(PublishingApi);
  protected readonly language = injectActiveLanguage();

  readonly organizationId = input.required<OrganizationId>();
  readonly targetId = input.required<string>();
  readonly timeZone = input.required<string | null>();
  /** The target's attempt count: when it changes, the history is read again. */
  readonly attemptCount = input(0);

  protected readonly attempts = signal<PublishAttemptView[]>([]);
  protected readonly loading = signal(false);
  protected readonly problem = signal<PublishingProblem | null>(null);
  private sequence = 0;

  constructor() {
    effect(() => {
      this.organizationId();
      this.targetId();
      this.attemptCount();
      untracked(() => void this.load());
    });
  }

  protected async load(): Promise<void> {
    const sequence = ++this.sequence;
    this.loading.set(true);
    this.problem.set(null);
    try {
      const attempts = await this.api.attempts(this.organizationId(), this.targetId());
      if (sequence === this.sequence)
        this.attempts.set([...attempts].sort((a, b) => Date.parse(b.startedAt) - Date.parse(a.startedAt) || b.number - a.number));
    } catch (error) {
      if (sequence === this.sequence) this.problem.set(describePublishingProblem(error));
    } finally {
      if (sequence === this.sequence) this.loading.set(false);
    }
  }
}
