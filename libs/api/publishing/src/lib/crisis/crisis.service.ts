import { AuditService } from '@kadens/api/audit';
import type { PublishingStatus } from '@kadens/shared/contracts';
import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

import { PAUSE_NOTIFY_CHANNEL } from '../events/publishing-notification';
import { loadPublishingStatus } from './publishing-status';

/** What a pause switch applies to: the whole organisation, or one of its channels. */
type PauseScope = { organizationId: string; channelId?: undefined } | { organizationId: string; channelId: string };

interface PauseState {
  pausedAt: string;
  reason: string;
}

/**
 * The crisis switch. A pause only stops what has not gone out yet: the dispatcher and the worker hold
 * every target that comes due while it lasts, and a resume releases nothing by itself — each held target
 * waits for a person to publish it now or give it a new time, because the world it was written for
 * may have changed.
 */
@Injectable()
export class CrisisService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  status(organizationId: string): Promise<PublishingStatus> {
    return loadPublishingStatus(this.db.manager, organizationId);
  }

  /** Pauses, or changes the reason of a pause already on (which keeps its start). */
  pause(scope: PauseScope, actorId: string, reason: string): Promise<PublishingStatus> {
    return this.db.transaction(async (tx) => {
      const before = await this.lock(tx, scope);
      const [sql, params] = this.target(scope);
      // An UPDATE answers [rows, count].
      const [[after]]: [[{ paused_at: Date }]] = await tx.query(
        `UPDATE ${sql.table} SET publishing_paused_at = COALESCE(publishing_paused_at, now()), publishing_pause_reason = $${params.length + 1}, publishing_paused_by = $${params.length + 2}
          WHERE ${sql.where} RETURNING publishing_paused_at AS paused_at`,
        [...params, reason, actorId],
      );
      await this.recordAndNotify(
        tx,
        scope,
        actorId,
        'publishing.paused',
        before,
        { pausedAt: after.paused_at.toISOString(), reason },
        reason,
      );
      return loadPublishingStatus(tx, scope.organizationId);
    });
  }

  /** Lifts a pause. Held targets stay held; see the class comment. 409 not_paused when there is none. */
  resume(scope: PauseScope, actorId: string): Promise<PublishingStatus> {
    return this.db.transaction(async (tx) => {
      const before = await this.lock(tx, scope);
      if (!before) {
        throw new ConflictException({
          message: scope.channelId ? 'Publishing on this channel is not paused' : 'Publishing is not paused',
          code: 'not_paused',
        });
      }
      const [sql, params] = this.target(scope);
      await tx.query(
        `UPDATE ${sql.table} SET publishing_paused_at = NULL, publishing_pause_reason = NULL, publishing_paused_by = NULL WHERE ${sql.where}`,
        params,
      );
      await this.recordAndNotify(tx, scope, actorId, 'publishing.resumed', before, null, before.reason);
      return loadPublishingStatus(tx, scope.organizationId);
    });
  }

  /** Locks the organisation or channel row, so two admins switching at once are serialised; null when not paused. */
  private async lock(tx: EntityManager, scope: PauseScope): Promise<PauseState | null> {
    const [sql, params] = this.target(scope);
    const rows: Array<{ paused_at: Date | null; reason: string | null }> = await tx.query(
      `SELECT publishing_paused_at AS paused_at, publishing_pause_reason AS reason FROM ${sql.table} WHERE ${sql.where} FOR UPDATE`,
      params,
    );
    const row = rows[0];
    if (!row) throw new NotFoundException({ message: 'Channel not found', code: 'channel_not_found' });
    return row.paused_at && row.reason !== null ? { pausedAt: row.paused_at.toISOString(), reason: row.reason } : null;
  }

  private target(scope: PauseScope): [{ table: 'organizations' | 'channels'; where: string }, string[]] {
    return scope.channelId
      ? [{ table: 'channels', where: 'organization_id = $1 AND id = $2' }, [scope.organizationId, scope.channelId]]
      : [{ table: 'organizations', where: 'id = $1' }, [scope.organizationId]];
  }

  private async recordAndNotify(
    tx: EntityManager,
    scope: PauseScope,
    actorId: string,
    action: string,
    before: PauseState | null,
    after: PauseState | null,
    reason: string,
  ): Promise<void> {
    await this.audit.record(tx, {
      organizationId: scope.organizationId,
      actorId,
      action,
      subjectType: scope.channelId ? 'channel' : 'organization',
      subjectId: scope.channelId ?? scope.organizationId,
      before: before ?? undefined,
      after: after ?? undefined,
      reason,
    });
    // Delivered on commit, to every API process, which streams the new status to the organisation's pages.
    await tx.query(`SELECT pg_notify($1, $2)`, [PAUSE_NOTIFY_CHANNEL, scope.organizationId]);
  }
}
