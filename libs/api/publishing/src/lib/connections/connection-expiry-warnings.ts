import { APP_CONFIG, type AppConfig, PeriodicSteps } from '@kadens/api/core';
import { NotificationsService } from '@kadens/api/notifications';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

/** Warnings go out this many days before a connection expires, each once. */
export const EXPIRY_WARNING_DAYS = [7, 1] as const;
/** How often the scheduler looks for connections to warn about. */
export const EXPIRY_CHECK_INTERVAL_MS = 15 * 60_000;
const JOB = 'connections.expiry-warnings';
const DAY_MS = 24 * 3600_000;

/**
 * The smallest warning a connection expiring at `expiresAt` is due at `now` (7 or 1 day before); null
 * when it is further away or already expired. A connection first seen 20 hours before expiry gets the
 * 1-day warning only.
 */
export function expiryWarningDue(expiresAt: Date, now: Date): number | null {
  const left = expiresAt.getTime() - now.getTime();
  if (left <= 0) return null;
  const due = EXPIRY_WARNING_DAYS.filter((days) => left <= days * DAY_MS);
  return due.length === 0 ? null : Math.min(...due);
}

interface ExpiringRow {
  channel_id: string;
  organization_id: string;
  channel_name: string;
  expires_at: Date;
  recipients: string[];
}

/**
 * Tells the channel's responsible person and the organisation's admins (in the app and by e-mail,
 * through the notifications outbox) 7 days and 1 day before a connection stops working. Only
 * connections nobody can renew are meant: those holding a refresh token are renewed by the worker.
 * Each warning is recorded in `connection_expiry_warnings` in the same transaction as the
 * notification, so however many schedulers run, it goes out once per expiry; a reconnect (a new
 * expiry) starts afresh. Runs in processes with the scheduler role.
 */
@Injectable()
export class ConnectionExpiryWarnings implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(ConnectionExpiryWarnings.name);
  private readonly steps: PeriodicSteps;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly notifications: NotificationsService,
    scheduler: SchedulerRegistry,
  ) {
    this.steps = new PeriodicSteps(scheduler, this.logger);
  }

  onApplicationBootstrap(): void {
    if (!this.config.roles.includes('scheduler')) return;
    this.steps.every(JOB, EXPIRY_CHECK_INTERVAL_MS, () => this.warnDue());
  }

  onModuleDestroy(): void {
    this.steps.stop();
  }

  /** Sends the warnings due at `now`; answers how many connections were warned about. */
  async warnDue(now: Date = new Date()): Promise<number> {
    const horizon = new Date(now.getTime() + Math.max(...EXPIRY_WARNING_DAYS) * DAY_MS);
    const rows: ExpiringRow[] = await this.db.query(
      `SELECT cc.channel_id, cc.organization_id, c.name AS channel_name, cc.expires_at,
              ARRAY(SELECT m.user_id FROM memberships m
                     WHERE m.organization_id = cc.organization_id AND (m.role = 'admin' OR m.user_id = c.responsible_user_id)) AS recipients
         FROM channel_connections cc JOIN channels c ON c.organization_id = cc.organization_id AND c.id = cc.channel_id
        WHERE cc.expires_at > $1 AND cc.expires_at <= $2 AND cc.status <> 'reconnect_needed'
          AND NOT (cc.credential_names && ARRAY['refreshToken', 'refreshJwt']::text[])`,
      [now, horizon],
    );
    let warned = 0;
    for (const row of rows) {
      const days = expiryWarningDue(row.expires_at, now);
      if (days === null) continue;
      const sent = await this.db.transaction(async (tx) => {
        // This warning and the larger ones not sent yet (they would only repeat it).
        const inserted: Array<{ days_before: number }> = await tx.query(
          `INSERT INTO connection_expiry_warnings (channel_id, expires_at, days_before)
           SELECT $1, $2, d FROM unnest($3::smallint[]) AS d ON CONFLICT DO NOTHING RETURNING days_before`,
          [row.channel_id, row.expires_at, EXPIRY_WARNING_DAYS.filter((candidate) => candidate >= days)],
        );
        if (!inserted.some((warning) => warning.days_before === days)) return false;
        await this.notifications.notify(tx, {
          organizationId: row.organization_id,
          kind: 'connection_expiring',
          postId: null,
          recipientIds: row.recipients,
          actorId: null,
          params: { title: row.channel_name, channelId: row.channel_id, expiresAt: row.expires_at.toISOString(), daysBefore: days },
        });
        return true;
      });
      if (sent) warned++;
    }
    return warned;
  }
}
