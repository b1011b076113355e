import { ChangeDetectionStrategy, Component, computed, effect, inject, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDividerModule } from '@angular/material/divider';
import { MatMenuModule } from '@angular/material/menu';
import { Router } from '@angular/router';
import { provideTranslocoScope, TranslocoPipe } from '@jsverse/transloco';
import type { NotificationView } from '@kadens/shared/contracts';
import { ActiveOrganization, organizationAreaLink, reviewLink } from '@kadens/web/data-access';
import { formatTimeAgo, injectActiveLanguage } from '@kadens/web/util';

import { APPROVALS_SCOPE } from '../i18n/approvals-scope';
import { TextOrKeyPipe } from '../shared/text-or-key.pipe';
import { describeNotification } from './notification-wording';
import { NotificationsStore } from './notifications.store';

/** More than this shows as "99+". */
const MAX_SHOWN_COUNT = 99;

/**
 * The toolbar's bell: how many notifications are unread, and a menu of the latest ones. Choosing one
 * opens that post's review screen and marks it read.
 */
@Component({
  selector: 'kd-notification-bell',
  imports: [MatButtonModule, MatDividerModule, MatMenuModule, TranslocoPipe, TextOrKeyPipe],
  providers: [NotificationsStore, provideTranslocoScope(APPROVALS_SCOPE)],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './notification-bell.component.html',
  styleUrl: './notification-bell.component.scss',
})
export class NotificationBellComponent {
  protected readonly store = inject(NotificationsStore);
  private readonly activeOrganization = inject(ActiveOrganization);
  private readonly router = inject(Router);

  protected readonly language = injectActiveLanguage();
  protected readonly count = computed(() => {
    const unread = this.store.unread();
    return unread > MAX_SHOWN_COUNT ? `${MAX_SHOWN_COUNT}+` : String(unread);
  });
  protected readonly describe = describeNotification;

  constructor() {
    effect(() => {
      const organizationId = this.activeOrganization.organizationId();
      untracked(() => this.store.watch(organizationId));
    });
  }

  protected timeAgo(notification: NotificationView): string {
    return formatTimeAgo(notification.createdAt, this.language());
  }

  protected async openNotification(notification: NotificationView): Promise<void> {
    const organizationId = this.activeOrganization.organizationId();
    void this.store.markRead(notification);
    if (!organizationId) return;
    if (notification.postId) await this.router.navigate(reviewLink(organizationId, notification.postId));
    // A connection that expires soon: the strategy page's channels, where "Reconnect" is.
    else if (notification.kind === 'connection_expiring')
      await this.router.navigate(organizationAreaLink(organizationId, 'strategy'), { queryParams: { tab: 'channels' } });
  }
}
