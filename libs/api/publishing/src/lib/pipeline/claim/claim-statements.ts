import { returnedRow } from '@kadens/api/core';
import type { Platform, PostState, TargetState } from '@kadens/shared/contracts';
import type { EntityManager } from 'typeorm';

import { lockPostsOfTargets, type PostLock } from '../post-locks';

/*
 * The claim's SQL, in the order the claim runs it: lock and read the targets, then either start their
 * attempts (queued → publishing) or record why an attempt ended before it started. DeliveryClaim decides
 * which; nothing here decides.
 */

interface SnapshotRow {
  id: string;
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
  planned_at: Date | null;
}

/** A target as the worker re-reads it, under its row lock (and a lock on its post). */
export interface TargetSnapshot {
  targetId: string;
  state: TargetState;
  /** The job the target waits for. */
  jobId: string | null;
  postState: PostState;
  revision: number;
  organizationPaused: boolean;
  channelPaused: boolean;
  channelActive: boolean;
  organizationId: string;
  channelId: string;
  platform: Platform;
  connectionStatus: string | null;
  attemptCount: number;
  /** The attempt count when a person last sent the target again; automatic tries count from here. */
  retriesFrom: number;
  firstAttemptAt: Date | null;
  /** The post's planned time (what publish lateness is measured against). */
  plannedAt: Date | null;
  content: { text: string; link: string | null; mediaUrls: string[] };
}

/**
 * Locks the posts, then the targets — each in id order, the order every writer of a post keeps (see
 * post-locks.ts for `share` and `update`) — then reads targets, posts, channels, connection statuses and
 * organisations in one statement.
 */
export async function readTargetSnapshots(
  tx: EntityManager,
  targetIds: readonly string[],
  postLock: PostLock,
): Promise<Map<string, TargetSnapshot>> {
  await lockPostsOfTargets(tx, targetIds, postLock);
  const rows: SnapshotRow[] = await tx.query(
    `SELECT t.id, t.state, t.job_id, t.attempt_count, t.retries_from, t.organization_id, t.channel_id, t.text_variant,
            p.state AS post_state, p.revision, p.body, p.link, p.media_urls, p.planned_at,
            c.platform, c.status AS channel_status, cc.status AS connection_status,
            c.publishing_paused_at IS NOT NULL AS channel_paused,
            o.publishing_paused_at IS NOT NULL AS organization_paused,
            (SELECT min(a.started_at) FROM publish_attempts a WHERE a.target_id = t.id AND a.revision = p.revision AND a.outcome IS DISTINCT FROM 'refused') AS first_attempt_at
       FROM post_targets t
       JOIN posts p ON p.id = t.post_id
       JOIN channels c ON c.id = t.channel_id
       JOIN organizations o ON o.id = t.organization_id
       LEFT JOIN channel_connections cc ON cc.channel_id = t.channel_id
      WHERE t.id = ANY($1::uuid[])
      ORDER BY t.id
        FOR UPDATE OF t`,
    [targetIds],
  );
  return new Map(
    rows.map((row) => [
      row.id,
      {
        targetId: row.id,
        state: row.state,
        jobId: row.job_id,
        postState: row.post_state,
        revision: row.revision,
        organizationPaused: row.organization_paused,
        channelPaused: row.channel_paused,
        channelActive: row.channel_status === 'active',
        organizationId: row.organization_id,
        channelId: row.channel_id,
        platform: row.platform,
        connectionStatus: row.connection_status,
        attemptCount: row.attempt_count,
        retriesFrom: row.retries_from,
        firstAttemptAt: row.first_attempt_at,
        plannedAt: row.planned_at,
        content: { text: row.text_variant ?? row.body, link: row.link, mediaUrls: row.media_urls },
      },
    ]),
  );
}

/** One attempt as the claim records it: started (queued → publishing), or ended before it started. */
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

/** Queued → publishing and the attempt rows, in one statement. Returns each target's attempt id. */
export async function startAttempts(tx: EntityManager, records: readonly AttemptRecord[]): Promise<Map<string, string>> {
  if (records.length === 0) return new Map();
  const rows: Array<{ id: string; target_id: string }> = await tx.query(
    `WITH r AS (SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::text[], $5::int[], $6::text[]) AS r (organization_id, target_id, revision, job_id, number, worker)),
          target AS (
            UPDATE post_targets t SET state = 'publishing', attempt_count = t.attempt_count + 1, updated_at = now() FROM r WHERE t.id = r.target_id RETURNING t.id)
     INSERT INTO publish_attempts (organization_id, target_id, revision, job_id, number, worker)
     SELECT r.organization_id, r.target_id, r.revision, r.job_id, r.number, r.worker FROM r JOIN target ON target.id = r.target_id
     RETURNING id, target_id`,
    [
      records.map((r) => r.organizationId),
      records.map((r) => r.targetId),
      records.map((r) => r.revision),
      records.map((r) => r.jobId),
      records.map((r) => r.number),
      records.map((r) => r.worker),
    ],
  );
  return new Map(rows.map((row) => [row.target_id, row.id]));
}

/** A refused or held job: the target leaves the queue in `state`, and the attempt is recorded as refused. */
export async function recordRefusal(
  tx: EntityManager,
  record: AttemptRecord,
  state: TargetState,
  code: string,
  message: string,
): Promise<void> {
  await tx.query(`UPDATE post_targets SET state = $2, job_id = NULL, updated_at = now() WHERE id = $1`, [record.targetId, state]);
  await insertAttempt(tx, { ...record, outcome: 'refused', code, message });
}

/** A channel without a readable connection: the target fails (auth) and the attempt is recorded as such. */
export async function recordUnconnected(tx: EntityManager, record: AttemptRecord, code: string, message: string): Promise<void> {
  await tx.query(
    `UPDATE post_targets SET state = 'failed', job_id = NULL, last_error_kind = 'auth', last_error = $2, updated_at = now() WHERE id = $1`,
    [record.targetId, message],
  );
  await insertAttempt(tx, { ...record, outcome: 'auth', code, message });
}

async function insertAttempt(tx: EntityManager, record: AttemptRecord): Promise<string> {
  const finished = record.outcome !== undefined;
  const rows: Array<{ id: string }> = await tx.query(
    `INSERT INTO publish_attempts (organization_id, target_id, revision, job_id, number, worker, finished_at, outcome, code, message)
     VALUES ($1, $2, $3, $4, $5, $6, CASE WHEN $7::boolean THEN clock_timestamp() END, $8, $9, $10)
     RETURNING id`,
    [
      record.organizationId,
      record.targetId,
      record.revision,
      record.jobId,
      record.number,
      record.worker,
      finished,
      record.outcome ?? null,
      record.code ?? null,
      record.message ?? null,
    ],
  );
  return returnedRow(rows, 'INSERT INTO publish_attempts').id;
}
