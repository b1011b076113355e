import { Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import type { DataSource } from 'typeorm';

import type { AppConfig } from '../config/app-config';

/**
 * What every mail outbox of Kadens shares: an SMTP transport when SMTP_URL is set, and in worker
 * processes a timer that sends what is waiting. Each outbox says how it claims and sends its rows.
 */
export abstract class SmtpOutbox implements OnApplicationBootstrap, OnModuleDestroy {
  protected readonly logger: Logger;
  protected readonly transport: Transporter | null;
  private timer: NodeJS.Timeout | null = null;

  protected constructor(
    protected readonly config: AppConfig,
    protected readonly db: DataSource,
    name: string,
    private readonly pollMs: number,
  ) {
    this.logger = new Logger(name);
    this.transport = config.mail.smtpUrl ? createTransport(config.mail.smtpUrl) : null;
  }

  onApplicationBootstrap(): void {
    if (this.transport && this.config.roles.includes('worker')) {
      this.timer = setInterval(() => void this.sendPending().catch((error: unknown) => this.logger.error(String(error))), this.pollMs);
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

  /** Sends what is waiting; returns how many went out. */
  abstract sendPending(): Promise<number>;
}
