import { APP_CONFIG, type AppConfig, PublishingMetrics } from '@kadens/api/core';
import { type ChannelConnection, isPlatformError, PlatformRateLimitedError, PlatformRegistry } from '@kadens/api/platforms';
import { type DeliveryCheck, settleFailedAttempt } from '@kadens/shared/rules';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { hostname } from 'node:os';
import type { DataSource, EntityManager } from 'typeorm';

import { ConnectionsService } from '../connections/connections.service';
import { Batcher } from './batcher';
import { type AttemptRecord, checkJob, insertAttempt, type PostLock, readTargetSnapshots, startAttempts, type TargetSnapshot } from './delivery-claim';
import { type Outcome, type SettledFailure, settleOutcomes } from './delivery-settlement';
import type { PublishJob } from './publish-job';
import { retryWhileDatabaseIsDown } from './retry-database';

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
  plannedAt: Date | null;
  request: Parameters<ReturnType<PlatformRegistry['adapterFor']>['publish']>[0];
}

/** What the claim answers for one job: go ahead, stand down, or claim again under an update lock. */
type Claim = Claimed | null | typeof EXCLUSIVE;

/**
 * The worker's job: re-check the target under its lock, record the attempt, call the platform outside
 * any transaction, and settle the outcome. The target's move from queued to publishing is the claim: a
 * second delivery of the same job, a stale job or a stalled job re-run by BullMQ finds the target no
 * longer queued and stands down, so a platform is called at most once per claim. Claims and outcomes
 * are written in batches (see Batcher); a claim that must change what the calendar shows is written
 * alone, under the post's update lock.
 */
@Injectable()
export class Publisher {
  private readonly logger = new Logger(Publisher.name);
  private readonly worker = `${hostname()}:${process.pid}`;
  private readonly claims: Batcher<PublishJob, Claim>;
  private readonly settlements: Batcher<Outcome, void>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
    private readonly registry: PlatformRegistry,
    private readonly connections: ConnectionsService,
    private readonly metrics: PublishingMetrics,
  ) {
    this.claims = new Batcher('claims', (jobs) => this.db.transaction((tx) => this.claimAll(tx, jobs, 'share')), this.logger);
    // The platform has answered: a lost database must not lose the answer (see retryWhileDatabaseIsDown).
    this.settlements = new Batcher(
      'outcomes',
      (outcomes) => retryWhileDatabaseIsDown(() => this.db.transaction((tx) => settleOutcomes(tx, this.connections, outcomes)), this.logger).then(() => outcomes.map(() => undefined)),
      this.logger,
    );
  }

  async handle(job: PublishJob): Promise<void> {
    let claimed = await this.claims.submit(job);
    if (claimed === EXCLUSIVE) [claimed] = await this.db.transaction((tx) => this.claimAll(tx, [job], 'update'));
    if (claimed === null || claimed === EXCLUSIVE) return;
    const adapter = this.registry.adapterFor(claimed.platform);
    let outcome: Outcome;
    try {
      outcome = { targetId: job.targetId, attempt: claimed, result: await adapter.publish(claimed.request) };
    } catch (error) {
      outcome = { targetId: job.targetId, attempt: claimed, failure: this.failureOf(error, claimed, adapter.capabilities) };
    }
    await this.settlements.submit(outcome);
    this.metrics.settled(claimed.platform, outcome.result ? 'published' : outcome.failure.outcome, claimed.plannedAt);
  }

  /**
   * Claims the jobs in one transaction. Under `share` a verdict that must be written (held, refused,
   * not connected) answers EXCLUSIVE, to be claimed again alone under `update`. A job for a target
   * already claimed earlier in the batch (the same job delivered twice) stands down.
   */
  private async claimAll(tx: EntityManager, jobs: readonly PublishJob[], postLock: PostLock): Promise<Claim[]> {
    const snapshots = await readTargetSnapshots(tx, [...new Set(jobs.map((job) => job.targetId))], postLock);
    const connections = new Map<string, Promise<ChannelConnection | null | Error>>();
    const connectionOf = (channelId: string) => {
      if (!connections.has(channelId)) {
        connections.set(channelId, this.connections.forPublishing(tx, channelId).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error)))));
      }
      return connections.get(channelId) as Promise<ChannelConnection | null | Error>;
    };
    const seen = new Set<string>();
    const answers: Claim[] = [];
    const starting: Array<{ index: number; record: AttemptRecord; snapshot: TargetSnapshot; connection: ChannelConnection; job: PublishJob }> = [];
    for (const job of jobs) {
      const snapshot = snapshots.get(job.targetId);
      if (!snapshot || seen.has(job.targetId)) {
        answers.push(null);
        continue;
      }
      seen.add(job.targetId);
      const check = checkJob(snapshot, job);
      const record: AttemptRecord = { organizationId: snapshot.organizationId, targetId: job.targetId, revision: job.revision, jobId: job.jobId, worker: this.worker, number: snapshot.attemptCount + 1 };
      if (check.verdict === 'skip') {
        answers.push(null);
      } else if (check.verdict === 'refuse' || check.verdict === 'hold') {
        answers.push(postLock === 'share' ? EXCLUSIVE : await this.refuse(tx, record, check));
      } else {
        const connection = await connectionOf(snapshot.channelId);
        if (connection === null || connection instanceof Error) {
          answers.push(postLock === 'share' ? EXCLUSIVE : await this.failUnconnected(tx, record, connection));
        } else {
          starting.push({ index: answers.length, record, snapshot, connection, job });
          answers.push(null);
        }
      }
    }
    const attemptIds = await startAttempts(tx, starting.map((s) => s.record));
    for (const { index, record, snapshot, connection, job } of starting) {
      const attemptId = attemptIds.get(record.targetId);
      if (attemptId === undefined) continue;
      answers[index] = {
        attemptId,
        attempt: record.number,
        automaticAttempt: record.number - snapshot.retriesFrom,
        organizationId: snapshot.organizationId,
        channelId: snapshot.channelId,
        connectionStatus: snapshot.connectionStatus,
        platform: snapshot.platform,
        firstAttemptAt: (snapshot.firstAttemptAt ?? new Date()).getTime(),
        plannedAt: snapshot.plannedAt,
        request: {
          idempotencyKey: `${job.targetId}.${job.revision}`,
          content: snapshot.content,
          connection,
          timeoutMs: this.config.publishing.requestTimeoutMs,
        },
      };
    }
    return answers;
  }

  private async refuse(tx: EntityManager, record: AttemptRecord, check: Extract<DeliveryCheck, { verdict: 'refuse' | 'hold' }>): Promise<null> {
    const state = check.verdict === 'hold' ? 'held' : check.targetState;
    const message = check.verdict === 'hold' ? HOLD_MESSAGES[check.reason] : REFUSAL_MESSAGES[check.reason];
    await tx.query(`UPDATE post_targets SET state = $2, job_id = NULL, updated_at = now() WHERE id = $1`, [record.targetId, state]);
    await insertAttempt(tx, { ...record, outcome: 'refused', code: check.reason, message });
    this.logger.log(`target ${record.targetId} ${check.verdict === 'hold' ? 'held' : 'refused'}: ${check.reason}`);
    return null;
  }

  private async failUnconnected(tx: EntityManager, record: AttemptRecord, connection: Error | null): Promise<null> {
    const message = connection === null ? 'The channel is not connected to its platform' : `The channel's connection cannot be read: ${connection.message}`;
    await tx.query(`UPDATE post_targets SET state = 'failed', job_id = NULL, last_error_kind = 'auth', last_error = $2, updated_at = now() WHERE id = $1`, [record.targetId, message]);
    await insertAttempt(tx, { ...record, outcome: 'auth', code: connection === null ? 'connection.missing' : 'connection.unreadable', message });
    return null;
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
