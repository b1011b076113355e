import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { SmtpOutbox } from './smtp-outbox';

/** One mail about a person's account; the caller words it in the recipient's language. */
export interface AccountMail {
  /** What it is, for the logs and tests: `password_reset`, `invitation`, … */
  kind: string;
  to: string;
  subject: string;
  text: string;
}

const BATCH = 20;
const MAX_ATTEMPTS = 5;
const POLL_MS = 2_000;

/**
 * The outbox for account mail (password resets, invitations). `enqueue` writes a row in the caller's
 * transaction, so a mail exists exactly when the change that asked for it committed, and the request
 * answers just as fast whether a mail was written or not. Worker processes send what is waiting
 * over SMTP_URL, claimed with SKIP LOCKED so two workers never send one mail twice.
 */
@Injectable()
export class AccountMailer extends SmtpOutbox {
  constructor(@Inject(APP_CONFIG) config: AppConfig, @InjectDataSource() db: DataSource) {
    super(config, db, 'AccountMailer', POLL_MS);
  }

  async enqueue(manager: EntityManager, mail: AccountMail): Promise<void> {
    await manager.query(`INSERT INTO account_mails (kind, to_email, subject, body) VALUES ($1, $2, $3, $4)`, [
      mail.kind,
      mail.to,
      mail.subject,
      mail.text,
    ]);
  }

  async sendPending(): Promise<number> {
    const transport = this.transport;
    if (!transport) return 0;
    return this.db.transaction(async (tx) => {
      const rows: { id: string; to_email: string; subject: string; body: string }[] = await tx.query(
        `SELECT id, to_email, subject, body FROM account_mails
          WHERE sent_at IS NULL AND attempts < $1
          ORDER BY created_at LIMIT $2
          FOR UPDATE SKIP LOCKED`,
        [MAX_ATTEMPTS, BATCH],
      );
      let sent = 0;
      for (const row of rows) {
        try {
          await transport.sendMail({ from: this.config.mail.from, to: row.to_email, subject: row.subject, text: row.body });
          await tx.query(`UPDATE account_mails SET sent_at = now(), attempts = attempts + 1, last_error = NULL WHERE id = $1`, [row.id]);
          sent += 1;
        } catch (error) {
          this.logger.warn(`account mail to ${row.to_email} failed: ${String(error)}`);
          await tx.query(`UPDATE account_mails SET attempts = attempts + 1, last_error = $2 WHERE id = $1`, [
            row.id,
            String(error).slice(0, 500),
          ]);
        }
      }
      return sent;
    });
  }
}
