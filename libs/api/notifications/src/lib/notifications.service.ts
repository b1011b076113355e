import type { NotificationKind, NotificationView } from '@kadens/shared/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

export interface NotificationInput {
  organizationId: string;
  kind: NotificationKind;
  postId: string | null;
  recipientIds: readonly string[];
  /** Who caused it; never notified of their own action. */
  actorId: string | null;
  params?: Record<string, string | number>;
}

/** In-app notifications, written in the transaction of the change they announce (they double as the e-mail outbox). */
@Injectable()
export class NotificationsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async notify(manager: EntityManager, input: NotificationInput): Promise<void> {
    const recipients = [...new Set(input.recipientIds)].filter((id) => id !== input.actorId);
    if (recipients.length === 0) return;
    await manager.query(
      `INSERT INTO notifications (organization_id, user_id, kind, post_id, params) SELECT $1, unnest($2::uuid[]), $3, $4, $5`,
      [input.organizationId, recipients, input.kind, input.postId, JSON.stringify(input.params ?? {})],
    );
  }

  async list(organizationId: string, userId: string, unreadOnly: boolean): Promise<{ unread: number; notifications: NotificationView[] }> {
    const rows: Array<{
      id: string;
      kind: NotificationKind;
      post_id: string | null;
      params: Record<string, string | number>;
      created_at: Date;
      read_at: Date | null;
    }> = await this.db.query(
      `SELECT id, kind, post_id, params, created_at, read_at FROM notifications
        WHERE organization_id = $1 AND user_id = $2 AND (NOT $3 OR read_at IS NULL) ORDER BY created_at DESC LIMIT 50`,
      [organizationId, userId, unreadOnly],
    );
    const [{ unread }] = await this.db.query(
      `SELECT count(*)::int AS unread FROM notifications WHERE organization_id = $1 AND user_id = $2 AND read_at IS NULL`,
      [organizationId, userId],
    );
    return {
      unread,
      notifications: rows.map((row) => ({
        id: row.id,
        kind: row.kind,
        postId: row.post_id,
        params: row.params,
        createdAt: row.created_at.toISOString(),
        read: row.read_at !== null,
      })),
    };
  }

  /** Marks the given notifications (or all, when none are named) as read; only the caller's own. */
  async markRead(organizationId: string, userId: string, ids: readonly string[] | undefined): Promise<void> {
    await this.db.query(
      `UPDATE notifications SET read_at = now() WHERE organization_id = $1 AND user_id = $2 AND read_at IS NULL AND ($3::uuid[] IS NULL OR id = ANY($3))`,
      [organizationId, userId, ids && ids.length > 0 ? [...ids] : null],
    );
  }
}
