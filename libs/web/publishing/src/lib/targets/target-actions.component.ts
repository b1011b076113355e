import { ChangeDetectionStrategy, Component, computed, inject, Injector, input, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { provideTranslocoScope, TranslocoPipe } from '@jsverse/transloco';
import type { AttentionAction, TargetCheckResult } from '@kadens/shared/contracts';
import { ActiveOrganization, PublishingApi } from '@kadens/web/data-access';
import { Confirmation, ProblemNotifier } from '@kadens/web/ui';
import { firstValueFrom } from 'rxjs';

import { PUBLISHING_SCOPE } from '../i18n/publishing-scope';
import { describePublishingProblem, type PublishingProblem } from '../shared/publishing-problem';
import { PublishingProblemComponent } from '../shared/publishing-problem.component';
import { formatZonedDateTime, injectActiveLanguage } from '@kadens/web/util';
import { MarkPublishedDialogComponent } from './mark-published-dialog.component';
import { RescheduleDialogComponent } from './reschedule-dialog.component';
import type { TargetActionContext, TargetActionSuccess } from './target-action-context';

type Outcome = { kind: 'done'; key: string; params: Record<string, string> } | { kind: 'problem'; problem: PublishingProblem };

/**
 * What a person can do about one target (check again, retry, publish now, mark as published,
 * reschedule), as the server offers it and the reader's role allows. Each shows its progress, then
 * what happened: that it worked, or the server's reason and the way forward. "Check again" asks the
 * platform whether an unconfirmed target's post is there: found publishes the target; otherwise it
 * says whether a retry is safe (then Retry asks no more questions) or why the platform could not tell.
 */
@Component({
  selector: 'kd-target-actions',
  imports: [MatButtonModule, MatProgressSpinnerModule, TranslocoPipe, PublishingProblemComponent],
  providers: [provideTranslocoScope(PUBLISHING_SCOPE)],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (shownActions().length > 0) {
      <div
        class="actions"
        role="group"
        [attr.aria-label]="'publishing.actions.label' | transloco: { title: target().postTitle, channel: target().channelName }"
      >
        @for (action of shownActions(); track action) {
          <button
            mat-stroked-button
            type="button"
            (click)="run(action)"
            [disabled]="running() !== null"
            [attr.aria-busy]="running() === action"
            [attr.data-testid]="'action-' + action"
          >
            @if (running() === action && !withDialog(action)) {
              <mat-progress-spinner class="actions__spinner" mode="indeterminate" diameter="16" aria-hidden="true" />
            }
            {{
              (running() === action && !withDialog(action) ? 'publishing.actions.running.' : 'publishing.actions.names.') + action
                | transloco
            }}
          </button>
        }
      </div>
    }
    <!-- Success is announced by the notifier's snackbar, a refusal by its own alert: nothing here is live twice. -->
    <div class="outcome" data-testid="action-outcome">
      @switch (outcome()?.kind) {
        @case ('done') {
          @if (doneOutcome(); as done) {
            <p class="outcome__done">{{ done.key | transloco: done.params }}</p>
          }
        }
        @case ('problem') {
          @if (problemOutcome(); as problem) {
            <kd-publishing-problem [problem]="problem" [reloadable]="true" (reload)="reloadRequested.emit()" />
          }
        }
      }
    </div>
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      gap: 0.25rem;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
    .actions__spinner {
      display: inline-block;
      margin-inline-end: 0.375rem;
      vertical-align: middle;
    }
    .outcome:empty {
      display: none;
    }
    .outcome__done {
      margin: 0;
      color: #0d5a1e;
    }
  `,
})
export class TargetActionsComponent {
  private readonly api = inject(PublishingApi);
  private readonly dialog = inject(MatDialog);
  private readonly confirmation = inject(Confirmation);
  private readonly notifier = inject(ProblemNotifier);
  private readonly activeOrganization = inject(ActiveOrganization);
  private readonly injector = inject(Injector);
  private readonly language = injectActiveLanguage();

  readonly target = input.required<TargetActionContext>();
  readonly actions = input.required<readonly AttentionAction[]>();
  /** An action worked: the target's state changed, so whatever lists it should load again. */
  readonly acted = output<TargetActionSuccess>();
  /** The server said the target changed meanwhile, and the reader asked to see how it stands now. */
  readonly reloadRequested = output<void>();

  protected readonly running = signal<AttentionAction | null>(null);
  /** What the last "check again" found, while the target stays as it was. */
  private readonly checked = signal<TargetCheckResult | null>(null);
  protected readonly outcome = signal<Outcome | null>(null);
  protected readonly shownActions = computed(() => (this.activeOrganization.can('publishing.manage') ? this.actions() : []));
  protected readonly doneOutcome = computed(() => {
    const outcome = this.outcome();
    return outcome?.kind === 'done' ? outcome : null;
  });
  protected readonly problemOutcome = computed(() => {
    const outcome = this.outcome();
    return outcome?.kind === 'problem' ? outcome.problem : null;
  });

  protected withDialog(action: AttentionAction): boolean {
    return action === 'mark_published' || action === 'reschedule';
  }

  protected async run(action: AttentionAction): Promise<void> {
    if (this.running()) return;
    const target = this.target();
    if (!(await this.confirmed(action, target))) return;
    // The dialogs show their own progress; the buttons wait behind them.
    this.running.set(action);
    this.outcome.set(null);
    if (action === 'check_again') return this.checkAgain(target);
    try {
      const at = await this.perform(action, target);
      if (at === null) return;
      const params: Record<string, string> = {
        title: target.postTitle,
        channel: target.channelName,
        time: at ? formatZonedDateTime(at, target.timeZone, this.language()) : '',
      };
      const key = `publishing.actions.done.${action}`;
      this.outcome.set({ kind: 'done', key, params });
      this.notifier.announce(key, params);
      this.acted.emit(at ? { action, at } : { action });
    } catch (error) {
      this.outcome.set({ kind: 'problem', problem: describePublishingProblem(error) });
    } finally {
      this.running.set(null);
    }
  }

  private async checkAgain(target: TargetActionContext): Promise<void> {
    const params: Record<string, string> = { title: target.postTitle, channel: target.channelName };
    try {
      const check = await this.api.checkAgain(target.organizationId, target.targetId);
      this.checked.set(check.result);
      const key = check.result === 'found' ? 'publishing.actions.done.check_again' : `publishing.actions.checked.${check.result}`;
      const shown = { ...params, reason: check.reason ?? '' };
      this.outcome.set({ kind: 'done', key, params: shown });
      this.notifier.announce(key, shown);
      if (check.result === 'found') this.acted.emit({ action: 'check_again' });
    } catch (error) {
      this.outcome.set({ kind: 'problem', problem: describePublishingProblem(error) });
    } finally {
      this.running.set(null);
    }
  }

  /** Resolves with the new time for a reschedule, '' for any other action that worked, null when the reader stepped back. */
  private async perform(action: AttentionAction, target: TargetActionContext): Promise<string | null> {
    switch (action) {
      case 'check_again':
        return null; // run() hands it to checkAgain
      case 'retry':
        await this.api.retry(target.organizationId, target.targetId);
        return '';
      case 'publish_now':
        await this.api.publishNow(target.organizationId, target.targetId);
        return '';
      case 'mark_published': {
        const reference = this.dialog.open<MarkPublishedDialogComponent, TargetActionContext, boolean>(MarkPublishedDialogComponent, {
          data: target,
          injector: this.injector,
          width: '34rem',
          maxWidth: '100vw',
        });
        return (await firstValueFrom(reference.afterClosed())) ? '' : null;
      }
      case 'reschedule': {
        const reference = this.dialog.open<RescheduleDialogComponent, TargetActionContext, string>(RescheduleDialogComponent, {
          data: target,
          injector: this.injector,
          width: '34rem',
          maxWidth: '100vw',
        });
        return (await firstValueFrom(reference.afterClosed())) ?? null;
      }
    }
  }

  /**
   * Publishing now is not undone by deleting a post, so it is confirmed; retrying an unconfirmed
   * target may publish it twice, so the reader is asked to check the channel first.
   */
  private confirmed(action: AttentionAction, target: TargetActionContext): Promise<boolean> {
    const params = { title: target.postTitle, channel: target.channelName };
    if (action === 'publish_now') {
      return this.confirmation.ask({
        titleKey: 'publishing.actions.publishNowTitle',
        messageKey: 'publishing.actions.publishNowMessage',
        confirmKey: 'publishing.actions.names.publish_now',
        params,
      });
    }
    const safe = this.checked() === 'not_found' || this.checked() === 'repeat_is_safe';
    if (action === 'retry' && target.state === 'unconfirmed' && !safe) {
      return this.confirmation.ask({
        titleKey: 'publishing.actions.retryUnconfirmedTitle',
        messageKey: 'publishing.actions.retryUnconfirmedMessage',
        confirmKey: 'publishing.actions.retryUnconfirmedConfirm',
        params,
      });
    }
    return Promise.resolve(true);
  }
}
