import { APP_CONFIG, type AppConfig } from '@kadens/api/core';
import { PlatformRegistry } from '@kadens/api/platforms';
import type { Platform } from '@kadens/shared/contracts';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

import { lockPostOfTarget } from './post-locks';
import { type PublishJob, PublishQueue } from './publish-job';
import { returnedRows } from './returning';
import { settleAmbiguous, withNote } from './settle/ambiguous-settlement';
import { recordFoundByLookup } from './settle/lookup-statements';
import { type LookupVerdict, PublishedLookups } from './settle/published-lookup';

const BATCH = 1_000;

interface QueuedRow {
  id: string;
  job_id: string;
  queued_revision: number;
}

interface StuckRow {
  attempt_id: string;
  target_id: string;
  number: number;
  /** The attempt's number since a person last sent the target again: what the retry policy counts. */
  automatic_attempt: number;
  revision: number;
  platform: Platform;
  channel_id: string;
  /** The revision's text, null when the post has moved on to another revision since. */
  text: string | null;
  link: string | null;
  media_urls: string[];
  first_attempt_at: Date;
  started_at: Date;
}

/** Platforms asked at once while settling silent attempts. */
const LOOKUPS_AT_ONCE = 8;

/**
 * Repairs what a crash or a lost Redis leaves behind. PostgreSQL says what should be happening; the
 * reconciler compares it with the queue and the clock:
 * - a queued target whose time is past and whose job the queue no longer holds (Redis flushed, the
 *   process with the in-process queue restarted) is dispatched again under a new job id — the old job,
 *   should it surface, finds another id on the target and stands down;
 * - an attempt silent past the timeout (its worker died mid-call) is ambiguous: the platform is asked
 *   first where it can tell (`lookUpPublished`) — found → published, not there → sent again — and
 *   otherwise it is retried where the platform deduplicates, or left unconfirmed for a person to check
 *   (settle/ambiguous-settlement.ts).
 */
@Injectable()
export class Reconciler {
  private readonly logger = new Logger(Reconciler.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
    private readonly queue: PublishQueue,
    private readonly registry: PlatformRegistry,
    private readonly lookups: PublishedLookups,
  ) {}

  async reconcile(): Promise<{ requeued: number; timedOut: number }> {
    const requeued = await this.requeueLostJobs();
    const timedOut = await this.settleStuckAttempts();
    if (requeued + timedOut > 0) this.logger.warn(`reconciled: ${requeued} lost jobs enqueued again, ${timedOut} silent attempts settled`);
    return { requeued, timedOut };
  }

  private async requeueLostJobs(): Promise<number> {
    const { lostJobAfterMs } = this.config.publishing;
    const candidates: QueuedRow[] = await this.db.query(
      `SELECT t.id, t.job_id, t.queued_revision
         FROM post_targets t JOIN posts p ON p.id = t.post_id
        WHERE t.state = 'queued' AND t.job_id IS NOT NULL
          AND GREATEST(p.planned_at, COALESCE(t.not_before, p.planned_at), t.queued_at) < now() - make_interval(secs => $1::double precision / 1000)
        LIMIT $2`,
      [lostJobAfterMs, BATCH],
    );
    if (candidates.length === 0) return 0;
    const live = await this.queue.liveJobIds(candidates.map((row) => row.job_id));
    const lost = candidates.filter((row) => !live.has(row.job_id));
    if (lost.length === 0) return 0;
    return this.db.transaction(async (tx) => {
      const rows = returnedRows<{ id: string; job_id: string; queued_revision: number }>(
        await tx.query(
          `UPDATE post_targets t
            SET dispatch_count = t.dispatch_count + 1,
                job_id = t.id || '.' || t.queued_revision || '.' || (t.dispatch_count + 1),
                queued_at = now(), updated_at = now()
           FROM unnest($1::uuid[], $2::text[]) AS lost (id, job_id)
          WHERE t.id = lost.id AND t.job_id = lost.job_id AND t.state = 'queued'
      RETURNING t.id, t.job_id, t.queued_revision`,
          [lost.map((row) => row.id), lost.map((row) => row.job_id)],
        ),
      );
      const now = Date.now();
      const jobs: PublishJob[] = rows.map((row) => ({ targetId: row.id, revision: row.queued_revision, jobId: row.job_id, runAt: now }));
      await this.queue.enqueue(jobs);
      return jobs.length;
    });
  }

  private async settleStuckAttempts(): Promise<number> {
    const { stuckAfterMs } = this.config.publishing;
    const stuck: StuckRow[] = await this.db.query(
      `SELECT a.id AS attempt_id, t.id AS target_id, a.number, a.revision, a.started_at, c.platform, t.channel_id,
              CASE WHEN p.revision = a.revision THEN COALESCE(t.text_variant, p.body) END AS text, p.link, p.media_urls,
              (SELECT min(f.started_at) FROM publish_attempts f WHERE f.target_id = t.id AND f.revision = a.revision AND f.outcome IS DISTINCT FROM 'refused') AS first_attempt_at,
              a.number - t.retries_from AS automatic_attempt
         FROM publish_attempts a
         JOIN post_targets t ON t.id = a.target_id AND t.state = 'publishing'
         JOIN posts p ON p.id = t.post_id
         JOIN channels c ON c.id = t.channel_id
        WHERE a.finished_at IS NULL AND a.started_at < clock_timestamp() - make_interval(secs => $1::double precision / 1000)
        ORDER BY a.started_at
        LIMIT $2`,
      [stuckAfterMs, BATCH],
    );
    let settled = 0;
    // The platforms are asked outside any transaction, a few at a time; each target is then settled under its locks.
    for (let from = 0; from < stuck.length; from += LOOKUPS_AT_ONCE) {
      const rows = stuck.slice(from, from + LOOKUPS_AT_ONCE);
      const verdicts = await Promise.all(rows.map((row) => this.lookUp(row)));
      for (const [index, row] of rows.entries()) if (await this.settleStuck(row, verdicts[index] ?? null)) settled++;
    }
    return settled;
  }

  /** Asks the platform whether the silent attempt made its post (null: its adapter cannot look up). */
  private lookUp(row: StuckRow): Promise<LookupVerdict | null> {
    if (!this.lookups.canLookUp(row.platform)) return Promise.resolve(null);
    return this.lookups.lookUp({
      platform: row.platform,
      channelId: row.channel_id,
      idempotencyKey: `${row.target_id}.${row.revision}`,
      firstAttemptAt: row.first_attempt_at.getTime(),
      content: row.text === null ? undefined : { text: row.text, link: row.link, mediaUrls: row.media_urls },
    });
  }

  /**
   * One target at a time, post lock first (see post-locks.ts), re-checked under the locks: the worker's
   * own answer may have come in while the platform was being asked, and it wins.
   */
  private settleStuck(row: StuckRow, verdict: LookupVerdict | null): Promise<boolean> {
    const { stuckAfterMs, maxAttempts, retryBaseMs } = this.config.publishing;
    return this.db.transaction(async (tx) => {
      await lockPostOfTarget(tx, row.target_id);
      const still: unknown[] = await tx.query(
        `SELECT 1 FROM post_targets t JOIN publish_attempts a ON a.target_id = t.id
          WHERE t.id = $1 AND t.state = 'publishing' AND a.id = $2 AND a.finished_at IS NULL FOR UPDATE OF t`,
        [row.target_id, row.attempt_id],
      );
      if (still.length === 0) return false;
      const capabilities = this.registry.adapterFor(row.platform).capabilities;
      const outcome = settleAmbiguous(verdict, {
        attempt: row.automatic_attempt,
        maxAttempts,
        idempotent: capabilities.idempotentPublish,
        idempotencyWindowMs: capabilities.idempotencyWindowMs,
        firstAttemptAt: row.first_attempt_at.getTime(),
        now: Date.now(),
        retryBaseMs,
      });
      const silence = `No answer from the worker within ${Math.round(stuckAfterMs / 1000)} s`;
      if (outcome.published) {
        const found = { targetId: row.target_id, attemptId: row.attempt_id, publishedAt: row.started_at, ...outcome.published };
        await recordFoundByLookup(tx, found, withNote(silence, outcome.note));
        return true;
      }
      const notThere = verdict?.kind === 'absent' && verdict.because === 'not_on_platform';
      const message = withNote(notThere ? silence : `${silence}; the platform may or may not have the post`, outcome.note);
      const { settlement } = outcome;
      const retryAt = settlement.notBefore === null ? null : new Date(settlement.notBefore);
      await tx.query(
        `UPDATE publish_attempts SET finished_at = clock_timestamp(), outcome = 'timed_out', message = $2, retry_at = $3 WHERE id = $1`,
        [row.attempt_id, message, retryAt],
      );
      await tx.query(
        `UPDATE post_targets SET state = $2, not_before = $3, job_id = NULL, last_error_kind = 'timed_out', last_error = $4, updated_at = now() WHERE id = $1`,
        [row.target_id, settlement.targetState, retryAt, message],
      );
      return true;
    });
  }
}
