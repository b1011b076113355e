import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { provideTranslocoScope, TranslocoPipe } from '@jsverse/transloco';
import type { CalendarFeedCreated, CalendarFeedView, OrganizationId } from '@kadens/shared/contracts';
import { describeApiError, LanguageService } from '@kadens/web/data-access';
import { ProblemNotifier } from '@kadens/web/ui';
import { intlLocale } from '@kadens/web/util';

import { EXCHANGE_SCOPE, ExchangeApi } from './exchange.api';

export interface SubscribeDialogData {
  organizationId: OrganizationId;
  /** The calendar's current channel and theme filters, offered for the feed. */
  channelIds: string[];
  themeIds: string[];
}

/** "Subscribe in your calendar": make, copy, renew or stop a private iCal address of the plan. */
@Component({
  selector: 'kd-subscribe-dialog',
  imports: [MatDialogModule, MatButtonModule, MatCheckboxModule, MatFormFieldModule, MatInputModule, TranslocoPipe, DatePipe],
  providers: [provideTranslocoScope(EXCHANGE_SCOPE)],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './exchange-dialogs.scss',
  template: `
    <h2 mat-dialog-title>{{ 'exchange.subscribe.title' | transloco }}</h2>
    <mat-dialog-content>
      <p>{{ 'exchange.subscribe.intro' | transloco }}</p>
      <p class="exchange-note">{{ 'exchange.subscribe.private' | transloco }}</p>

      @if (created(); as feed) {
        <mat-form-field class="exchange-url" appearance="outline">
          <mat-label>{{ 'exchange.subscribe.urlLabel' | transloco }}</mat-label>
          <input matInput readonly [value]="feed.url" data-testid="feed-url" (focus)="$any($event.target).select()" />
        </mat-form-field>
        <div class="exchange-row">
          <button mat-flat-button type="button" (click)="copy(feed.url)" data-testid="feed-copy">
            {{ 'exchange.subscribe.copy' | transloco }}
          </button>
          <span class="exchange-status" role="status" aria-live="polite">
            @if (copied()) {
              {{ 'exchange.subscribe.copied' | transloco }}
            }
          </span>
        </div>
        <h3 class="exchange-subtitle">{{ 'exchange.subscribe.howTo' | transloco }}</h3>
        <ul class="exchange-hints">
          <li>{{ 'exchange.subscribe.outlook' | transloco }}</li>
          <li>{{ 'exchange.subscribe.google' | transloco }}</li>
          <li>{{ 'exchange.subscribe.apple' | transloco }}</li>
        </ul>
      } @else {
        @if (data.channelIds.length > 0 || data.themeIds.length > 0) {
          <mat-checkbox [checked]="useFilters()" (change)="useFilters.set($event.checked)" data-testid="feed-use-filters">
            {{ 'exchange.subscribe.useFilters' | transloco }}
          </mat-checkbox>
        }
        <div class="exchange-row">
          <button mat-flat-button type="button" (click)="create()" [disabled]="busy()" data-testid="feed-create">
            {{ 'exchange.subscribe.create' | transloco }}
          </button>
        </div>
      }

      @if (feeds().length > 0) {
        <h3 class="exchange-subtitle">{{ 'exchange.subscribe.existing' | transloco }}</h3>
        <ul class="exchange-feeds" data-testid="feed-list">
          @for (feed of feeds(); track feed.id) {
            <li class="exchange-feed">
              <span>
                {{ 'exchange.subscribe.madeOn' | transloco: { date: (feed.createdAt | date: 'mediumDate' : undefined : locale()) } }}
                @if (feed.channelIds.length > 0 || feed.themeIds.length > 0) {
                  · {{ 'exchange.subscribe.filtered' | transloco }}
                }
                ·
                @if (feed.lastFetchedAt) {
                  {{ 'exchange.subscribe.lastFetched' | transloco: { date: (feed.lastFetchedAt | date: 'short' : undefined : locale()) } }}
                } @else {
                  {{ 'exchange.subscribe.neverFetched' | transloco }}
                }
              </span>
              <span class="exchange-row">
                <button mat-stroked-button type="button" (click)="regenerate(feed)" [disabled]="busy()" data-testid="feed-regenerate">
                  {{ 'exchange.subscribe.regenerate' | transloco }}
                </button>
                <button mat-stroked-button type="button" (click)="revoke(feed)" [disabled]="busy()" data-testid="feed-revoke">
                  {{ 'exchange.subscribe.revoke' | transloco }}
                </button>
              </span>
            </li>
          }
        </ul>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close data-testid="feed-close">{{ 'exchange.close' | transloco }}</button>
    </mat-dialog-actions>
  `,
})
export class SubscribeDialogComponent {
  protected readonly data = inject<SubscribeDialogData>(MAT_DIALOG_DATA);
  private readonly api = inject(ExchangeApi);
  private readonly notifier = inject(ProblemNotifier);
  private readonly language = inject(LanguageService);
  protected readonly locale = () => intlLocale(this.language.locale());
  protected readonly feeds = signal<CalendarFeedView[]>([]);
  protected readonly created = signal<CalendarFeedCreated | null>(null);
  protected readonly useFilters = signal(true);
  protected readonly copied = signal(false);
  protected readonly busy = signal(false);

  constructor() {
    void this.refresh();
  }

  protected create(): Promise<void> {
    const filters = this.useFilters() ? { channelIds: this.data.channelIds, themeIds: this.data.themeIds } : {};
    return this.act(() => this.api.createFeed({ organizationId: this.data.organizationId, ...filters }));
  }

  protected regenerate(feed: CalendarFeedView): Promise<void> {
    return this.act(() => this.api.regenerateFeed(feed.id));
  }

  protected async revoke(feed: CalendarFeedView): Promise<void> {
    await this.act(async () => {
      await this.api.revokeFeed(feed.id);
      if (this.created()?.id === feed.id) this.created.set(null);
      this.notifier.announce('exchange.subscribe.revoked');
      return null;
    });
  }

  protected async copy(url: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(url);
      this.copied.set(true);
    } catch {
      this.copied.set(false);
    }
  }

  private async act(work: () => Promise<CalendarFeedCreated | null>): Promise<void> {
    this.busy.set(true);
    try {
      const made = await work();
      if (made) {
        this.created.set(made);
        this.copied.set(false);
      }
      await this.refresh();
    } catch (error) {
      this.notifier.report(describeApiError(error));
    } finally {
      this.busy.set(false);
    }
  }

  private async refresh(): Promise<void> {
    try {
      const feeds = await this.api.feeds();
      this.feeds.set(feeds.filter((feed) => feed.organizationId === this.data.organizationId));
    } catch (error) {
      this.notifier.report(describeApiError(error));
    }
  }
}
