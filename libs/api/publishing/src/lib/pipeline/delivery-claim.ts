import type { Platform, PostState, TargetState } from '@kadens/shared/contracts';
import { checkDelivery, type DeliveryCheck } from '@kadens/shared/rules';
import type { EntityManager } from 'typeorm';

import type { PublishJob } from './publish-job';

interface SnapshotRow {
  state: TargetState;
  job_id: string | null;
  attempt_count: number;
  retries_from: number;
  organization_id: string;
  channel_id: string;
  text_variant: string | null;
  post_state: PostState;
  revision: number;
  body: string;
  link: string | null;
  media_urls: string[];
  platform: Platform;
  channel_status: string;
  connection_status: string | null;
  channel_paused: boolean;
  organization_paused: boolean;
  first_attempt_at: Date | null;
}

/** The target as the worker re-reads it, under its row lock (and a share lock on the post). */
export interface DeliverySnapshotRow {
  check: DeliveryCheck;
  organizationId: string;
  channelId: string;
  platform: Platform;
  connectionStatus: string | null;
  attemptCount: number;
  /** The attempt count when a person last sent the target again; automatic tries count from here. */
  retriesFrom: number;
  firstAttemptAt: Date | null;
  content: { text: string; link: string | null; mediaUrls: string[] };
}

/**
 * Locks the post, then the target, in the order every writer of a post uses, then reads target, post,
 * channel, connection status and organisation. `share` is the worker's usual lock: it lets sibling
 * targets of one post be claimed side by side (moving queued → publishing does not rewrite the post's
 * calendar entry) while an edit of the post waits until the target is publishing — and is then
 * refused (delivery started) instead of racing the publish. A verdict that changes what the calendar
 * shows must run again with `update`, since two share holders cannot both upgrade.
 */
export async function readDeliverySnapshot(tx: EntityManager, job: PublishJob, postLock: PostLock): Promise<DeliverySnapshotRow | null> {
  await lockPostOfTarget(tx, job.targetId, postLock);
  const rows: SnapshotRow[] = await tx.query(
    `SELECT t.state, t.job_id, t.attempt_count, t.retries_from, t.organization_id, t.channel_id, t.text_variant,
            p.state AS post_state, p.revision, p.body, p.link, p.media_urls,
            c.platform, c.status AS channel_status, cc.status AS connection_status,
            c.publishing_paused_at IS NOT NULL AS channel_paused,
            o.publishing_paused_at IS NOT NULL AS organization_paused,
            (SELECT min(a.started_at) FROM publish_attempts a WHERE a.target_id = t.id AND a.revision = p.revision AND a.outcome IS DISTINCT FROM 'refused') AS first_attempt_at
       FROM post_targets t
       JOIN posts p ON p.id = t.post_id
       JOIN channels c ON c.id = t.channel_id
       JOIN organizations o ON o.id = t.organization_id
       LEFT JOIN channel_connections cc ON cc.channel_id = t.channel_id
      WHERE t.id = $1
        FOR UPDATE OF t`,
    [job.targetId],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    check: checkDelivery({
      targetState: row.state,
      targetJobId: row.job_id,
      jobId: job.jobId,
      jobRevision: job.revision,
      postState: row.post_state,
      postRevision: row.revision,
      organizationPaused: row.organization_paused,
      channelPaused: row.channel_paused,
      channelActive: row.channel_status === 'active',
    }),
    organizationId: row.organization_id,
    channelId: row.channel_id,
    platform: row.platform,
    connectionStatus: row.connection_status,
    attemptCount: row.attempt_count,
    retriesFrom: row.retries_from,
    firstAttemptAt: row.first_attempt_at,
    content: { text: row.text_variant ?? row.body, link: row.link, mediaUrls: row.media_urls },
  };
}

export type PostLock = 'share' | 'update';

/**
 * Every transaction that changes a target's state takes its post's row lock first: a change the
 * calendar shows rewrites the post's calendar entry (a trigger), so taking the target first and the
 * post second would deadlock against a writer that goes the other way.
 */
export async function lockPostOfTarget(tx: EntityManager, targetId: string, mode: PostLock = 'update'): Promise<void> {
  await tx.query(`SELECT p.id FROM posts p WHERE p.id = (SELECT t.post_id FROM post_targets t WHERE t.id = $1) ${mode === 'share' ? 'FOR SHARE' : 'FOR UPDATE'}`, [targetId]);
}

export interface AttemptRecord {
  organizationId: string;
  targetId: string;
  revision: number;
  jobId: string | null;
  number: number;
  worker: string;
  /** Set for an attempt that ends as it starts (refused, not connected). */
  outcome?: string;
  code?: string | null;
  message?: string | null;
}

export async function insertAttempt(tx: EntityManager, record: AttemptRecord): Promise<string> {
  const finished = record.outcome !== undefined;
  const rows: Array<{ id: string }> = await tx.query(
    `INSERT INTO publish_attempts (organization_id, target_id, revision, job_id, number, worker, finished_at, outcome, code, message)
     VALUES ($1, $2, $3, $4, $5, $6, CASE WHEN $7::boolean THEN clock_timestamp() END, $8, $9, $10)
     RETURNING id`,
    [record.organizationId, record.targetId, record.revision, record.jobId, record.number, record.worker, finished, record.outcome ?? null, record.code ?? null, record.message ?? null],
  );
  return rows[0].id;
}

/** Queued → publishing and the attempt row, in one statement. Returns the attempt's id. */
export async function startAttempt(tx: EntityManager, record: AttemptRecord): Promise<string> {
  const rows: Array<{ id: string }> = await tx.query(
    `WITH target AS (
       UPDATE post_targets SET state = 'publishing', attempt_count = attempt_count + 1, updated_at = now() WHERE id = $2 RETURNING id)
     INSERT INTO publish_attempts (organization_id, target_id, revision, job_id, number, worker)
     SELECT $1, target.id, $3, $4, $5, $6 FROM target
     RETURNING id`,
    [record.organizationId, record.targetId, record.revision, record.jobId, record.number, record.worker],
  );
  return rows[0].id;
}
