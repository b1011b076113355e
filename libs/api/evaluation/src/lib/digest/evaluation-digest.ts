import { AccountMailer, APP_CONFIG, type AppConfig, PeriodicSteps } from '@kadens/api/core';
import type { Locale } from '@kadens/shared/contracts';
import {
  dateOfDayNumber,
  dayNumber,
  localDayNumber,
  mondayOfDayNumber,
  previousReportPeriod,
  reportPeriodOf,
  startOfLocalDay,
} from '@kadens/shared/rules';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

import { EvaluationService } from '../evaluation.service';
import { digestMail } from './digest-mail';

/** How often the scheduler looks for organisations whose month has ended. */
export const DIGEST_CHECK_INTERVAL_MS = 60 * 60_000;
const JOB = 'evaluation.monthly-digest';

interface OrganizationRow {
  id: string;
  name: string;
  time_zone: string;
  created_at: Date;
}

/**
 * After each month (in the organisation's zone; once the week that starts in its last days is over too, at most six
 * days later, so the mail counts every week the page counts) the admins receive the month's evaluation by e-mail, in
 * their language, with a link to the page — unless they turned it off (memberships.monthly_evaluation_mail).
 * The month is claimed in `evaluation_digests` in the transaction that writes the mails to the account
 * mail outbox, so however many schedulers run, and across restarts, a month goes out once; the worker
 * role sends the outbox. Runs in processes with the scheduler role.
 */
@Injectable()
export class EvaluationDigest implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(EvaluationDigest.name);
  private readonly steps: PeriodicSteps;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly evaluation: EvaluationService,
    private readonly mailer: AccountMailer,
    scheduler: SchedulerRegistry,
  ) {
    this.steps = new PeriodicSteps(scheduler, this.logger);
  }

  onApplicationBootstrap(): void {
    if (!this.config.roles.includes('scheduler')) return;
    this.steps.every(JOB, DIGEST_CHECK_INTERVAL_MS, () => this.sendDue());
  }

  onModuleDestroy(): void {
    this.steps.stop();
  }

  /** Writes the digests of every organisation whose last month is over and not sent; answers how many organisations. */
  async sendDue(now: Date = new Date()): Promise<number> {
    const organizations: OrganizationRow[] = await this.db.query(`SELECT id, name, time_zone, created_at FROM organizations ORDER BY id`);
    let sent = 0;
    for (const organization of organizations) {
      try {
        if (await this.sendMonth(organization, now)) sent += 1;
      } catch (error) {
        this.logger.warn(`${JOB} for ${organization.id}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    return sent;
  }

  private async sendMonth(organization: OrganizationRow, now: Date): Promise<boolean> {
    const zone = organization.time_zone;
    const today = localDayNumber(now.getTime(), zone);
    const month = previousReportPeriod(reportPeriodOf(dateOfDayNumber(today), 'month'));
    const monthEnd = dayNumber(month.to);
    // An organisation that did not exist by the month's end has nothing to evaluate.
    if (organization.created_at.getTime() >= startOfLocalDay(monthEnd + 1, zone)) return false;
    // The month's last week (the one starting in it) must be over too, or the mail would miss it.
    if (today < Math.max(monthEnd + 1, mondayOfDayNumber(monthEnd) + 7)) return false;
    const known: unknown[] = await this.db.query(`SELECT 1 FROM evaluation_digests WHERE organization_id = $1 AND month = $2`, [
      organization.id,
      month.key,
    ]);
    if (known.length > 0) return false;
    const evaluation = await this.evaluation.evaluate(organization.id, month.key, now);
    const link = `${this.config.publicUrl}/o/${organization.id}/reports/evaluation?period=${month.key}`;
    return this.db.transaction(async (tx) => {
      const admins: Array<{ email: string; locale: Locale }> = await tx.query(
        `SELECT u.email, COALESCE(u.locale, o.default_locale) AS locale
           FROM memberships m JOIN users u ON u.id = m.user_id JOIN organizations o ON o.id = m.organization_id
          WHERE m.organization_id = $1 AND m.role = 'admin' AND m.monthly_evaluation_mail
          ORDER BY u.email`,
        [organization.id],
      );
      const claimed: unknown[] = await tx.query(
        `INSERT INTO evaluation_digests (organization_id, month, recipients) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING month`,
        [organization.id, month.key, admins.length],
      );
      if (claimed.length === 0) return false;
      for (const admin of admins) {
        const mail = digestMail(admin.locale, organization.name, evaluation, link);
        await this.mailer.enqueue(tx, { kind: 'evaluation_digest', to: admin.email, ...mail });
      }
      return true;
    });
  }
}
