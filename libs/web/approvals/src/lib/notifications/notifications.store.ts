import { DOCUMENT } from '@angular/common';
import { DestroyRef, inject, Injectable, InjectionToken, signal } from '@angular/core';
import type { NotificationView, OrganizationId } from '@kadens/shared/contracts';
import { NotificationsApi } from '@kadens/web/data-access';

/** How often the bell asks for new notifications while the tab is visible. */
export const NOTIFICATION_POLL_MS = new InjectionToken<number>('NOTIFICATION_POLL_MS', { providedIn: 'root', factory: () => 30_000 });

/**
 * The bell's state: the unread count, kept fresh by asking every 30 seconds while the tab is visible
 * (a hidden tab asks nothing, and asks at once when it is shown again), and the latest notifications.
 */
@Injectable()
export class NotificationsStore {
  private readonly api = inject(NotificationsApi);
  private readonly document = inject(DOCUMENT);
  private readonly pollMs = inject(NOTIFICATION_POLL_MS);
  private organizationId: OrganizationId | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  private readonly onVisibilityChange = () => this.followVisibility();

  readonly unread = signal(0);
  readonly notifications = signal<NotificationView[]>([]);
  readonly loading = signal(false);

  constructor() {
    this.document.addEventListener('visibilitychange', this.onVisibilityChange);
    inject(DestroyRef).onDestroy(() => {
      this.stopPolling();
      this.document.removeEventListener('visibilitychange', this.onVisibilityChange);
    });
  }

  /** Starts following one organisation's notifications (the bell is per organisation). */
  watch(organizationId: OrganizationId | null): void {
    if (organizationId === this.organizationId) return;
    this.organizationId = organizationId;
    this.unread.set(0);
    this.notifications.set([]);
    this.stopPolling();
    this.followVisibility();
  }

  /** Asks how many are unread. Failures are left for the next poll: the bell is not worth an error. */
  async refreshCount(): Promise<void> {
    const organizationId = this.organizationId;
    if (!organizationId) return;
    try {
      const list = await this.api.list(organizationId, true);
      if (organizationId === this.organizationId) this.unread.set(list.unread);
    } catch {
      // Offline or a server hiccup: the count stays as it was.
    }
  }

  /** The latest notifications, read ones too, for the open menu. */
  async loadLatest(): Promise<void> {
    const organizationId = this.organizationId;
    if (!organizationId) return;
    this.loading.set(true);
    try {
      const list = await this.api.list(organizationId);
      if (organizationId !== this.organizationId) return;
      this.unread.set(list.unread);
      this.notifications.set(list.notifications);
    } catch {
      // The menu shows what it had; the next poll tries again.
    } finally {
      this.loading.set(false);
    }
  }

  async markRead(notification: NotificationView): Promise<void> {
    const organizationId = this.organizationId;
    if (!organizationId || notification.read) return;
    this.notifications.update((all) => all.map((n) => (n.id === notification.id ? { ...n, read: true } : n)));
    this.unread.update((count) => Math.max(0, count - 1));
    try {
      await this.api.markRead(organizationId, [notification.id]);
    } catch {
      await this.refreshCount();
    }
  }

  async markAllRead(): Promise<void> {
    const organizationId = this.organizationId;
    if (!organizationId) return;
    this.notifications.update((all) => all.map((n) => (n.read ? n : { ...n, read: true })));
    this.unread.set(0);
    try {
      await this.api.markRead(organizationId);
    } catch {
      await this.refreshCount();
    }
  }

  private followVisibility(): void {
    if (this.document.visibilityState === 'hidden' || !this.organizationId) {
      this.stopPolling();
      return;
    }
    void this.refreshCount();
    this.stopPolling();
    this.timer = setInterval(() => void this.refreshCount(), this.pollMs);
  }

  private stopPolling(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }
}
