import { ChangeDetectionStrategy, Component, computed, DestroyRef, effect, inject, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { provideTranslocoScope, TranslocoPipe } from '@jsverse/transloco';
import type { PublishingPause } from '@kadens/shared/contracts';
import { ActiveOrganization, attentionLink, attentionQuery, OrganizationTimeZone, PublishingStream } from '@kadens/web/data-access';
import type { TranslationParams } from '@kadens/web/ui';

import { PUBLISHING_SCOPE } from '../i18n/publishing-scope';
import { countKey } from '../shared/count-key';
import { formatZonedDateTime, injectActiveLanguage } from '@kadens/web/util';
import { type ChannelToResume, PublishingPauses } from './publishing-pauses';

/** One pause as the banner says it. */
interface PauseLine {
  id: string;
  key: string;
  params: TranslationParams;
  /** null: the organisation's pause. */
  channel: ChannelToResume | null;
}

/**
 * The crisis banner above every page of the organisation: what is paused, since when, by whom and
 * why; how many posts are held, with a link to them; channels that need reconnecting. Admins resume
 * from here. It also keeps the live stream following the organisation the shell shows.
 */
@Component({
  selector: 'kd-crisis-banner',
  imports: [MatButtonModule, RouterLink, TranslocoPipe],
  providers: [provideTranslocoScope(PUBLISHING_SCOPE)],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="crisis" aria-live="polite" [attr.aria-label]="'publishing.banner.label' | transloco" data-testid="publishing-banner">
      @for (line of pauses(); track line.id) {
        <div
          class="crisis__line crisis__line--paused"
          [attr.data-testid]="line.channel ? 'banner-channel-pause' : 'banner-organization-pause'"
        >
          <p class="crisis__text">
            <strong>{{ line.key | transloco: line.params }}</strong>
          </p>
          @if (canPause()) {
            <button mat-stroked-button type="button" class="crisis__action" (click)="resume(line.channel)" data-testid="banner-resume">
              {{ (line.channel ? 'publishing.banner.resumeChannel' : 'publishing.banner.resume') | transloco: line.params }}
            </button>
          }
        </div>
      }
      @if (status(); as status) {
        @if (status.heldCount > 0) {
          <div class="crisis__line crisis__line--held" data-testid="banner-held">
            <p class="crisis__text">{{ heldKey() | transloco: { count: status.heldCount } }}</p>
            <a mat-button class="crisis__action" [routerLink]="listLink()" [queryParams]="heldQuery" data-testid="banner-held-link">
              {{ 'publishing.banner.showHeld' | transloco }}
            </a>
          </div>
        }
        @if (status.reconnectNeeded.length > 0) {
          <div class="crisis__line crisis__line--reconnect" data-testid="banner-reconnect">
            <p class="crisis__text">{{ 'publishing.banner.reconnect' | transloco: { channels: reconnectNames() } }}</p>
            <a
              mat-button
              class="crisis__action"
              [routerLink]="listLink()"
              [queryParams]="reconnectQuery"
              data-testid="banner-reconnect-link"
            >
              {{ 'publishing.banner.showReconnect' | transloco }}
            </a>
          </div>
        }
      }
    </section>
  `,
  styles: `
    :host {
      display: block;
    }
    .crisis:empty {
      display: none;
    }
    .crisis__line {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.25rem 1rem;
      padding: 0.5rem 1.5rem;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .crisis__line--paused {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .crisis__line--held,
    .crisis__line--reconnect {
      background: #fff3cd;
      color: #4a3300;
    }
    .crisis__text {
      flex: 1 1 20rem;
      margin: 0;
      overflow-wrap: anywhere;
    }
    .crisis__action {
      flex: 0 0 auto;
      color: inherit;
    }
  `,
})
export class CrisisBannerComponent {
  private readonly stream = inject(PublishingStream);
  private readonly pausesService = inject(PublishingPauses);
  private readonly activeOrganization = inject(ActiveOrganization);
  private readonly timeZone = inject(OrganizationTimeZone).timeZone;
  private readonly language = injectActiveLanguage();

  protected readonly status = this.stream.status;
  protected readonly canPause = computed(() => this.activeOrganization.can('publishing.pause'));
  protected readonly listLink = computed(() => attentionLink(this.activeOrganization.organizationId() ?? ''));
  protected readonly heldQuery = attentionQuery('held');
  protected readonly reconnectQuery = attentionQuery('reconnect_needed');
  protected readonly heldKey = computed(() => countKey('publishing.banner.held', this.status()?.heldCount ?? 0));
  protected readonly reconnectNames = computed(() =>
    (this.status()?.reconnectNeeded ?? []).map((channel) => channel.channelName).join(', '),
  );

  protected readonly pauses = computed<PauseLine[]>(() => {
    const status = this.status();
    if (!status) return [];
    const lines: PauseLine[] = [];
    if (status.organization) lines.push(this.line('organization', status.organization, null));
    for (const { channelId, channelName, pause } of status.channels) lines.push(this.line(channelId, pause, { channelId, channelName }));
    return lines;
  });

  constructor() {
    effect(() => {
      const organizationId = this.activeOrganization.organizationId();
      untracked(() => this.stream.follow(organizationId));
    });
    inject(DestroyRef).onDestroy(() => this.stream.follow(null));
  }

  protected resume(channel: ChannelToResume | null): void {
    const organizationId = this.activeOrganization.organizationId();
    if (organizationId) void this.pausesService.resume(organizationId, channel);
  }

  private line(id: string, pause: PublishingPause, channel: ChannelToResume | null): PauseLine {
    const byName = pause.pausedBy ? 'ByName' : '';
    return {
      id,
      key: `publishing.banner.${channel ? 'channelPaused' : 'organizationPaused'}${byName}`,
      params: {
        time: formatZonedDateTime(pause.pausedAt, this.timeZone(), this.language()),
        name: pause.pausedBy?.name ?? '',
        reason: pause.reason,
        channel: channel?.channelName ?? '',
      },
      channel,
    };
  }
}
