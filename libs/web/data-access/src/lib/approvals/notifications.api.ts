import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { NotificationKind, NotificationMailPreferences, NotificationView, OrganizationId } from '@kadens/shared/contracts';
import { firstValueFrom } from 'rxjs';

import { APPROVALS_API_PATHS } from './approvals-api-paths';

/** The bell: how many notifications are unread, and the latest 50. */
interface NotificationList {
  unread: number;
  notifications: NotificationView[];
}

/** The caller's own notifications in one organisation. */
@Injectable({ providedIn: 'root' })
export class NotificationsApi {
  private readonly http = inject(HttpClient);

  list(organizationId: OrganizationId, unreadOnly = false): Promise<NotificationList> {
    const params: Record<string, string> = unreadOnly ? { unread: 'true' } : {};
    return firstValueFrom(this.http.get<NotificationList>(APPROVALS_API_PATHS.notifications(organizationId), { params }));
  }

  /** Marks the given notifications read, or all of them when no ids are given. */
  markRead(organizationId: OrganizationId, ids?: readonly string[]): Promise<void> {
    const body = ids && ids.length > 0 ? { ids: [...ids] } : {};
    return firstValueFrom(this.http.post<void>(APPROVALS_API_PATHS.notificationsRead(organizationId), body));
  }

  /** The kinds not sent to me by e-mail in this organisation. */
  mailPreferences(organizationId: OrganizationId): Promise<NotificationMailPreferences> {
    return firstValueFrom(this.http.get<NotificationMailPreferences>(APPROVALS_API_PATHS.notificationMailPreferences(organizationId)));
  }

  setMailPreferences(organizationId: OrganizationId, mutedKinds: readonly NotificationKind[]): Promise<NotificationMailPreferences> {
    return firstValueFrom(
      this.http.put<NotificationMailPreferences>(APPROVALS_API_PATHS.notificationMailPreferences(organizationId), {
        mutedKinds: [...mutedKinds],
      }),
    );
  }
}
