import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { Router } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { AccountSessionView } from '@kadens/shared/contracts';
import { describeApiError, LanguageService, loginLink, SessionStore } from '@kadens/web/data-access';
import { Confirmation, ProblemNotifier } from '@kadens/web/ui';

import { AccountApi } from '../account.api';

/** Where you are logged in: each session with its browser and rough address; end one, or all. */
@Component({
  selector: 'kd-sessions-list',
  imports: [MatButtonModule, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: '../account-sections.scss',
  template: `
    <section aria-labelledby="sessions-title" data-testid="sessions">
      <h2 id="sessions-title" class="account-section__title">{{ 'account.sessions.title' | transloco }}</h2>
      <p class="sessions__intro">{{ 'account.sessions.intro' | transloco }}</p>

      @if (loading()) {
        <p role="status">{{ 'account.sessions.loading' | transloco }}</p>
      } @else {
        <ul class="sessions__list" aria-live="polite">
          @for (session of rows(); track session.id) {
            <li class="sessions__item" data-testid="session-item">
              <div class="sessions__what">
                <p class="sessions__device">
                  {{ session.device ?? ('account.sessions.unknownDevice' | transloco) }}
                  @if (session.current) {
                    <span class="sessions__current" data-testid="session-current">{{ 'account.sessions.thisDevice' | transloco }}</span>
                  }
                </p>
                <p class="sessions__details">
                  @if (session.address) {
                    <span>{{ 'account.sessions.address' | transloco: { address: session.address } }}</span>
                  }
                  <span>{{ 'account.sessions.lastUsed' | transloco: { when: session.lastUsed } }}</span>
                  <span>{{ 'account.sessions.started' | transloco: { when: session.started } }}</span>
                </p>
              </div>
              <button
                mat-stroked-button
                type="button"
                (click)="endSession(session)"
                [disabled]="busy()"
                data-testid="session-end"
                [attr.aria-label]="
                  (session.current ? 'account.sessions.endCurrentLabel' : 'account.sessions.endLabel')
                    | transloco: { device: session.device ?? '' }
                "
              >
                {{ (session.current ? 'account.sessions.endCurrent' : 'account.sessions.end') | transloco }}
              </button>
            </li>
          } @empty {
            <li>{{ 'account.sessions.none' | transloco }}</li>
          }
        </ul>
      }

      <div class="account-actions">
        <button
          mat-flat-button
          type="button"
          class="sessions__everywhere"
          (click)="logOutEverywhere()"
          [disabled]="busy()"
          data-testid="logout-everywhere"
        >
          {{ 'account.sessions.logOutEverywhere' | transloco }}
        </button>
      </div>
    </section>
  `,
  styles: `
    .sessions__intro {
      margin: 0 0 0.75rem;
      color: var(--mat-sys-on-surface-variant);
    }
    .sessions__list {
      list-style: none;
      margin: 0 0 1rem;
      padding: 0;
    }
    .sessions__item {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 0.5rem 1rem;
      padding: 0.75rem 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .sessions__device {
      margin: 0;
      font: var(--mat-sys-title-small);
    }
    .sessions__current {
      margin-left: 0.5rem;
      padding: 0.1rem 0.5rem;
      border-radius: var(--mat-sys-corner-full);
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
      font: var(--mat-sys-label-medium);
    }
    .sessions__details {
      display: flex;
      flex-wrap: wrap;
      gap: 0 1rem;
      margin: 0.25rem 0 0;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
  `,
})
export class SessionsListComponent {
  private readonly api = inject(AccountApi);
  private readonly session = inject(SessionStore);
  private readonly router = inject(Router);
  private readonly notifier = inject(ProblemNotifier);
  private readonly confirmation = inject(Confirmation);
  private readonly language = inject(LanguageService);

  protected readonly sessions = signal<AccountSessionView[]>([]);
  /** The sessions with their times written out in the reader's language. */
  protected readonly rows = computed(() => {
    const locale = this.language.locale();
    const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
    return this.sessions().map((session) => ({
      ...session,
      lastUsed: dateTime.format(new Date(session.lastUsedAt)),
      started: date.format(new Date(session.createdAt)),
    }));
  });
  protected readonly loading = signal(true);
  protected readonly busy = signal(false);

  constructor() {
    void this.reload();
  }

  /** Reads the list again, e.g. after a password change ended the other sessions. */
  async reload(): Promise<void> {
    try {
      this.sessions.set(await this.api.sessions());
    } catch (error) {
      this.notifier.report(describeApiError(error));
    } finally {
      this.loading.set(false);
    }
  }

  protected async endSession(session: Pick<AccountSessionView, 'id' | 'current'>): Promise<void> {
    if (session.current) {
      const sure = await this.confirmation.ask({
        titleKey: 'account.sessions.endCurrentConfirmTitle',
        messageKey: 'account.sessions.endCurrentConfirm',
        confirmKey: 'account.sessions.endCurrent',
      });
      if (!sure) return;
    }
    await this.act(async () => {
      await this.api.endSession(session.id);
      if (session.current) return this.leave();
      this.sessions.update((all) => all.filter((other) => other.id !== session.id));
      this.notifier.announce('account.sessions.ended');
    });
  }

  protected async logOutEverywhere(): Promise<void> {
    const sure = await this.confirmation.ask({
      titleKey: 'account.sessions.logOutEverywhereTitle',
      messageKey: 'account.sessions.logOutEverywhereConfirm',
      confirmKey: 'account.sessions.logOutEverywhere',
    });
    if (!sure) return;
    await this.act(async () => {
      await this.api.logOutEverywhere();
      await this.leave();
    });
  }

  private async leave(): Promise<void> {
    this.session.forget();
    await this.router.navigate(loginLink());
  }

  private async act(work: () => Promise<void>): Promise<void> {
    this.busy.set(true);
    try {
      await work();
    } catch (error) {
      this.notifier.report(describeApiError(error));
    } finally {
      this.busy.set(false);
    }
  }
}
