import { NOTIFICATION_KINDS, type NotificationKind, type NotificationView } from '@kadens/shared/contracts';
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
    // Whether each recipient wants this kind by e-mail is decided now, from their membership's setting.
    await manager.query(
      `INSERT INTO notifications (organization_id, user_id, kind, post_id, params, email_wanted)
       SELECT $1, r.id, $3::text, $4, $5, NOT ($3::text = ANY (COALESCE(m.mail_muted_kinds, '{}')))
         FROM unnest($2::uuid[]) AS r (id)
         LEFT JOIN memberships m ON m.organization_id = $1 AND m.user_id = r.id`,
      [input.organizationId, recipients, input.kind, input.postId, JSON.stringify(input.params ?? {})],
    );
  }

  /** The kinds this member does not want by e-mail in this organisation (they still show in the app). */
  async mutedKinds(organizationId: string, userId: string): Promise<NotificationKind[]> {
    const [row]: Array<{ mail_muted_kinds: NotificationKind[] }> = await this.db.query(
      `SELECT mail_muted_kinds FROM memberships WHERE organization_id = $1 AND user_id = $2`,
      [organizationId, userId],
    );
    return sortedKinds(row?.mail_muted_kinds ?? []);
  }

  async setMutedKinds(organizationId: string, userId: string, kinds: readonly NotificationKind[]): Promise<NotificationKind[]> {
    const muted = sortedKinds(kinds);
    await this.db.query(`UPDATE memberships SET mail_muted_kinds = $3 WHERE organization_id = $1 AND user_id = $2`, [
      organizationId,
      userId,
      muted,
    ]);
    return muted;
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

/** Each kind once, in the order of NOTIFICATION_KINDS. */
function sortedKinds(kinds: readonly NotificationKind[]): NotificationKind[] {
  return NOTIFICATION_KINDS.filter((kind) => kinds.includes(kind));
}
