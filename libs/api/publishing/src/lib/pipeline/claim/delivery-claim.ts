import { APP_CONFIG, type AppConfig, returnedRow } from '@kadens/api/core';
import { MediaService } from '@kadens/api/media';
import type { ChannelConnection } from '@kadens/api/platforms';
import { checkDelivery, type DeliveryCheck } from '@kadens/shared/rules';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { hostname } from 'node:os';
import type { DataSource, EntityManager } from 'typeorm';

import { ConnectionsService } from '../../connections/connections.service';
import { Batcher } from '../batcher';
import { handOverMedia, readTargetMedia, targetMediaUploads } from '../publish/target-media';
import type { Claimed } from '../delivery-attempt';
import type { PostLock } from '../post-locks';
import type { PublishJob } from '../publish-job';
import {
  type AttemptRecord,
  readTargetSnapshots,
  recordRefusal,
  recordUnconnected,
  startAttempts,
  type TargetSnapshot,
} from './claim-statements';

/** The answer for a job whose verdict must be written under the post's update lock. */
const EXCLUSIVE = Symbol('exclusive');

/** What claiming one job answers: go ahead, stand down, or claim again under an update lock. */
type Claim = Claimed | null | typeof EXCLUSIVE;

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

/**
 * The publisher's first step: re-check the job against its target under the locks and move the target
 * from queued to publishing, recording the attempt. That move is the claim: a second delivery of the same
 * job, a stale job or a stalled job re-run by BullMQ finds the target no longer queued and stands down,
 * so a platform is called at most once per claim.
 *
 * Claims are written in batches (see Batcher) under the posts' share lock. A verdict that changes what
 * the calendar shows (held, refused, not connected) is claimed again alone under the post's update lock,
 * where it is written (claim-statements.ts holds the SQL).
 */
@Injectable()
export class DeliveryClaim {
  private readonly logger = new Logger(DeliveryClaim.name);
  private readonly worker = `${hostname()}:${process.pid}`;
  private readonly claims: Batcher<PublishJob, Claim>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
    private readonly connections: ConnectionsService,
    private readonly media: MediaService,
  ) {
    this.claims = new Batcher('claims', (jobs) => this.db.transaction((tx) => this.claimAll(tx, jobs, 'share')), this.logger);
  }

  /** The claimed attempt, or null when the job stands down (or its verdict was written instead). */
  async claim(job: PublishJob): Promise<Claimed | null> {
    let claimed = await this.claims.submit(job);
    if (claimed === EXCLUSIVE) {
      const claims = await this.db.transaction((tx) => this.claimAll(tx, [job], 'update'));
      claimed = returnedRow(claims, 'the exclusive claim');
    }
    return claimed === EXCLUSIVE ? null : claimed;
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
        connections.set(
          channelId,
          this.connections
            .forPublishing(tx, channelId)
            .catch((error: unknown) => (error instanceof Error ? error : new Error(String(error)))),
        );
      }
      return connections.get(channelId) as Promise<ChannelConnection | null | Error>;
    };
    const seen = new Set<string>();
    const answers: Claim[] = [];
    const starting: Array<{
      index: number;
      record: AttemptRecord;
      snapshot: TargetSnapshot;
      connection: ChannelConnection;
      job: PublishJob;
    }> = [];
    for (const job of jobs) {
      const snapshot = snapshots.get(job.targetId);
      if (!snapshot || seen.has(job.targetId)) {
        answers.push(null);
        continue;
      }
      seen.add(job.targetId);
      const check = checkJob(snapshot, job);
      const record: AttemptRecord = {
        organizationId: snapshot.organizationId,
        targetId: job.targetId,
        revision: job.revision,
        jobId: job.jobId,
        worker: this.worker,
        number: snapshot.attemptCount + 1,
      };
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
    const attemptIds = await startAttempts(
      tx,
      starting.map((s) => s.record),
    );
    const media = await readTargetMedia(
      tx,
      starting.filter((s) => attemptIds.has(s.record.targetId)).map((s) => s.record.targetId),
    );
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
          media: handOverMedia(media.get(record.targetId), this.media),
          uploads: targetMediaUploads(this.db.manager, record.targetId, job.revision),
        },
      };
    }
    return answers;
  }

  private async refuse(
    tx: EntityManager,
    record: AttemptRecord,
    check: Extract<DeliveryCheck, { verdict: 'refuse' | 'hold' }>,
  ): Promise<null> {
    const state = check.verdict === 'hold' ? 'held' : check.targetState;
    const message = check.verdict === 'hold' ? HOLD_MESSAGES[check.reason] : REFUSAL_MESSAGES[check.reason];
    await recordRefusal(tx, record, state, check.reason, message);
    this.logger.log(`target ${record.targetId} ${check.verdict === 'hold' ? 'held' : 'refused'}: ${check.reason}`);
    return null;
  }

  private async failUnconnected(tx: EntityManager, record: AttemptRecord, connection: Error | null): Promise<null> {
    const message =
      connection === null
        ? 'The channel is not connected to its platform'
        : `The channel's connection cannot be read: ${connection.message}`;
    await recordUnconnected(tx, record, connection === null ? 'connection.missing' : 'connection.unreadable', message);
    return null;
  }
}

/** The worker's re-check of one job against its target (pure; the order of the checks is the policy). */
export function checkJob(snapshot: TargetSnapshot, job: PublishJob): DeliveryCheck {
  return checkDelivery({
    targetState: snapshot.state,
    targetJobId: snapshot.jobId,
    jobId: job.jobId,
    jobRevision: job.revision,
    postState: snapshot.postState,
    postRevision: snapshot.revision,
    organizationPaused: snapshot.organizationPaused,
    channelPaused: snapshot.channelPaused,
    channelActive: snapshot.channelActive,
  });
}
