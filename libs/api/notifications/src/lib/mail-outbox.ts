import { APP_CONFIG, type AppConfig, SmtpOutbox } from '@kadens/api/core';
import type { Locale, NotificationKind } from '@kadens/shared/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

import { notificationMail } from './notification-mail';

const BATCH = 20;
const MAX_ATTEMPTS = 5;
const POLL_MS = 5_000;

interface PendingRow {
  id: string;
  kind: NotificationKind;
  post_id: string | null;
  organization_id: string;
  email: string;
  locale: Locale;
  organization: string;
  post: string | null;
  params: Record<string, string | number>;
  time_zone: string;
}

/**
 * Sends notifications by e-mail when SMTP_URL is set. The notifications table is the outbox: rows are
 * claimed with SKIP LOCKED, so several workers never send one twice, and a failed send is retried a
 * few times before it is left alone (the in-app notification is there regardless).
 */
@Injectable()
export class MailOutbox extends SmtpOutbox {
  constructor(@Inject(APP_CONFIG) config: AppConfig, @InjectDataSource() db: DataSource) {
    super(config, db, 'MailOutbox', POLL_MS);
  }

  async sendPending(): Promise<number> {
    if (!this.transport) return 0;
    const transport = this.transport;
    return this.db.transaction(async (tx) => {
      const rows: PendingRow[] = await tx.query(
        `SELECT n.id, n.kind, n.post_id, n.organization_id, n.params, u.email, COALESCE(u.locale, o.default_locale) AS locale, o.name AS organization,
              o.time_zone, p.title AS post
           FROM notifications n
           JOIN users u ON u.id = n.user_id
           JOIN organizations o ON o.id = n.organization_id
           LEFT JOIN posts p ON p.id = n.post_id
          WHERE n.emailed_at IS NULL AND n.email_wanted AND n.email_attempts < $1
          ORDER BY n.created_at
          LIMIT $2
          FOR UPDATE OF n SKIP LOCKED`,
        [MAX_ATTEMPTS, BATCH],
      );
      let sent = 0;
      for (const row of rows) {
        const mail = notificationMail(row.locale, row.kind, {
          post: row.post ?? '',
          organization: row.organization,
          link: this.linkOf(row),
          channel: typeof row.params['title'] === 'string' ? row.params['title'] : '',
          date: typeof row.params['expiresAt'] === 'string' ? localDateTime(row.params['expiresAt'], row.locale, row.time_zone) : '',
        });
        try {
          await transport.sendMail({ from: this.config.mail.from, to: row.email, subject: mail.subject, text: mail.text });
          await tx.query(`UPDATE notifications SET emailed_at = now(), email_attempts = email_attempts + 1 WHERE id = $1`, [row.id]);
          sent += 1;
        } catch (error) {
          this.logger.warn(`e-mail to ${row.email} failed: ${String(error)}`);
          await tx.query(`UPDATE notifications SET email_attempts = email_attempts + 1 WHERE id = $1`, [row.id]);
        }
      }
      return sent;
    });
  }

  /** The post in the calendar, the channel on the strategy page (a connection), or the app. */
  private linkOf(row: PendingRow): string {
    const base = `${this.config.publicUrl}/o/${row.organization_id}`;
    if (row.post_id) return `${base}/calendar?post=${row.post_id}`;
    if (typeof row.params['channelId'] === 'string') return `${base}/strategy?channel=${encodeURIComponent(row.params['channelId'])}`;
    return this.config.publicUrl;
  }
}

/** A moment as the organisation's people read it: their language, the organisation's time zone. */
function localDateTime(iso: string, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone }).format(new Date(iso));
}
