import { APP_CONFIG, type AppConfig } from '@kadens/api/core';
import { isPlatformError, PlatformRateLimitedError, PlatformRegistry } from '@kadens/api/platforms';
import { settleFailedAttempt } from '@kadens/shared/rules';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { hostname } from 'node:os';
import type { DataSource, EntityManager } from 'typeorm';

import { ConnectionsService } from '../connections/connections.service';
import { insertAttempt, type PostLock, readDeliverySnapshot, startAttempt } from './delivery-claim';
import type { Outcome, SettledFailure } from './delivery-settlement';
import type { PublishJob } from './publish-job';
import { SettlementBatcher } from './settlement-batcher';

/** The claim's answer when it needs the post's update lock to go on. */
const EXCLUSIVE = Symbol('exclusive');

const HOLD_MESSAGES = {
  organization_paused: 'Publishing is paused for the organisation',
  channel_paused: 'Publishing is paused for this channel',
  channel_inactive: 'The channel is not in use',
} as const;

const REFUSAL_MESSAGES = {
  not_approved: 'The post is not approved',
  stale_revision: 'The revision that was dispatched is no longer the approved one',
  cancelled: 'The post was cancelled',
} as const;

interface Claimed {
  attemptId: string;
  connectionStatus: string | null;
  attempt: number;
  /** This attempt's number since a person last sent the target again: what the retry policy counts. */
  automaticAttempt: number;
  organizationId: string;
  channelId: string;
  platform: Parameters<PlatformRegistry['adapterFor']>[0];
  firstAttemptAt: number;
  request: Parameters<ReturnType<PlatformRegistry['adapterFor']>['publish']>[0];
}

/**
 * The worker's job: re-check the target under its lock, record the attempt, call the platform outside
 * any transaction, and settle the outcome. The target's move from queued to publishing is the claim: a
 * second delivery of the same job, a stale job or a stalled job re-run by BullMQ finds the target no
 * longer queued and stands down, so a platform is called at most once per claim.
 */
@Injectable()
export class Publisher {
  private readonly logger = new Logger(Publisher.name);
  private readonly worker = `${hostname()}:${process.pid}`;
  private readonly settlements: SettlementBatcher;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
    private readonly registry: PlatformRegistry,
    private readonly connections: ConnectionsService,
  ) {
    this.settlements = new SettlementBatcher(db, connections, this.logger);
  }

  async handle(job: PublishJob): Promise<void> {
    const claimed = await this.claim(job);
    if (!claimed) return;
    const adapter = this.registry.adapterFor(claimed.platform);
    let outcome: Outcome;
    try {
      outcome = { targetId: job.targetId, attempt: claimed, result: await adapter.publish(claimed.request) };
    } catch (error) {
      outcome = { targetId: job.targetId, attempt: claimed, failure: this.failureOf(error, claimed, adapter.capabilities) };
    }
    await this.settlements.settle(outcome);
  }

  /** Claims under a share lock on the post; what must change the calendar runs again under an update lock. */
  private async claim(job: PublishJob): Promise<Claimed | null> {
    const shared = await this.db.transaction((tx) => this.claimIn(tx, job, 'share'));
    if (shared !== EXCLUSIVE) return shared;
    const exclusive = await this.db.transaction((tx) => this.claimIn(tx, job, 'update'));
    return exclusive === EXCLUSIVE ? null : exclusive;
  }

  private async claimIn(tx: EntityManager, job: PublishJob, postLock: PostLock): Promise<Claimed | null | typeof EXCLUSIVE> {
    const snapshot = await readDeliverySnapshot(tx, job, postLock);
    if (!snapshot) return null;
    const { check } = snapshot;
    const base = { organizationId: snapshot.organizationId, targetId: job.targetId, revision: job.revision, jobId: job.jobId, worker: this.worker, number: snapshot.attemptCount + 1 };
    if (check.verdict === 'skip') return null;
    if (check.verdict === 'refuse' || check.verdict === 'hold') {
      if (postLock === 'share') return EXCLUSIVE;
      const state = check.verdict === 'hold' ? 'held' : check.targetState;
      const message = check.verdict === 'hold' ? HOLD_MESSAGES[check.reason] : REFUSAL_MESSAGES[check.reason];
      await tx.query(`UPDATE post_targets SET state = $2, job_id = NULL, updated_at = now() WHERE id = $1`, [job.targetId, state]);
      await insertAttempt(tx, { ...base, outcome: 'refused', code: check.reason, message });
      this.logger.log(`target ${job.targetId} ${check.verdict === 'hold' ? 'held' : 'refused'}: ${check.reason}`);
      return null;
    }
    let connection;
    try {
      connection = await this.connections.forPublishing(tx, snapshot.channelId);
    } catch (error) {
      connection = error instanceof Error ? error : new Error(String(error));
    }
    if (connection === null || connection instanceof Error) {
      if (postLock === 'share') return EXCLUSIVE;
      const message = connection === null ? 'The channel is not connected to its platform' : `The channel's connection cannot be read: ${connection.message}`;
      await tx.query(`UPDATE post_targets SET state = 'failed', job_id = NULL, last_error_kind = 'auth', last_error = $2, updated_at = now() WHERE id = $1`, [job.targetId, message]);
      await insertAttempt(tx, { ...base, outcome: 'auth', code: connection === null ? 'connection.missing' : 'connection.unreadable', message });
      return null;
    }
    const attemptId = await startAttempt(tx, base);
    return {
      attemptId,
      attempt: base.number,
      automaticAttempt: base.number - snapshot.retriesFrom,
      organizationId: snapshot.organizationId,
      channelId: snapshot.channelId,
      connectionStatus: snapshot.connectionStatus,
      platform: snapshot.platform,
      firstAttemptAt: (snapshot.firstAttemptAt ?? new Date()).getTime(),
      request: {
        idempotencyKey: `${job.targetId}.${job.revision}`,
        content: snapshot.content,
        connection,
        timeoutMs: this.config.publishing.requestTimeoutMs,
      },
    };
  }

  private failureOf(error: unknown, claimed: Claimed, capabilities: { idempotentPublish: boolean; idempotencyWindowMs: number | null }): SettledFailure {
    const platformError = isPlatformError(error) ? error : null;
    const now = Date.now();
    const settlement = settleFailedAttempt({
      kind: platformError?.kind ?? 'unknown',
      attempt: claimed.automaticAttempt,
      maxAttempts: this.config.publishing.maxAttempts,
      idempotent: capabilities.idempotentPublish,
      idempotencyWindowMs: capabilities.idempotencyWindowMs,
      firstAttemptAt: claimed.firstAttemptAt,
      now,
      retryAfterMs: error instanceof PlatformRateLimitedError ? error.retryAfterMs : undefined,
      retryBaseMs: this.config.publishing.retryBaseMs,
    });
    if (!platformError) this.logger.error(`publishing target failed unexpectedly: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return {
      outcome: platformError?.kind ?? 'error',
      status: platformError?.status ?? null,
      code: platformError?.code ?? null,
      message: (error instanceof Error ? error.message : String(error)).slice(0, 2000),
      settlement,
    };
  }
}
