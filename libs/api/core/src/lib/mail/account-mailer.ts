import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createTransport, type Transporter } from 'nodemailer';
import type { DataSource, EntityManager } from 'typeorm';

import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';

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
export class AccountMailer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('AccountMailer');
  private readonly transport: Transporter | null;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
  ) {
    this.transport = config.mail.smtpUrl ? createTransport(config.mail.smtpUrl) : null;
  }

  onApplicationBootstrap(): void {
    if (this.transport && this.config.roles.includes('worker')) {
      this.timer = setInterval(() => void this.sendPending().catch((error: unknown) => this.logger.error(String(error))), POLL_MS);
    }
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
    this.transport?.close();
  }

  /** Whether mail can leave this installation at all (SMTP_URL is set). */
  get canSend(): boolean {
    return this.transport !== null;
  }

  async enqueue(manager: EntityManager, mail: AccountMail): Promise<void> {
    await manager.query(`INSERT INTO account_mails (kind, to_email, subject, body) VALUES ($1, $2, $3, $4)`, [
      mail.kind,
      mail.to,
      mail.subject,
      mail.text,
    ]);
  }

  /** Sends what is waiting; returns how many went out. */
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
          await tx.query(`UPDATE account_mails SET attempts = attempts + 1, last_error = $2 WHERE id = $1`, [row.id, String(error).slice(0, 500)]);
        }
      }
      return sent;
    });
  }
}
