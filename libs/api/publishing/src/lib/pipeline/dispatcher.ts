import { APP_CONFIG, type AppConfig } from '@kadens/api/core';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

import { type PublishJob, PublishQueue } from './publish-job';
import { returnedRows } from './returning';

const BATCH = 1_000;

interface ClaimedRow {
  id: string;
  state: 'queued' | 'held';
  job_id: string | null;
  revision: number;
  due_at: Date;
}

/**
 * The scheduler's every-few-seconds step: claims approved targets due within the lookahead with
 * `FOR UPDATE SKIP LOCKED` (so two schedulers never claim the same target), marks them queued with
 * the job id `target.revision.dispatch`, and enqueues delayed jobs before committing — if Redis
 * refuses, the transaction rolls back and the targets stay scheduled for the next tick. A target of a
 * paused organisation or channel whose time has come is held instead, for a person to decide.
 */
@Injectable()
export class Dispatcher {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
    private readonly queue: PublishQueue,
  ) {}

  /** Claims and enqueues until nothing due is left; returns how many targets were queued and held. */
  async dispatchDue(): Promise<{ queued: number; held: number }> {
    const total = { queued: 0, held: 0 };
    for (;;) {
      const batch = await this.dispatchBatch();
      total.queued += batch.queued;
      total.held += batch.held;
      if (batch.queued + batch.held < BATCH) return total;
    }
  }

  private dispatchBatch(): Promise<{ queued: number; held: number }> {
    return this.db.transaction(async (tx) => {
      const rows = returnedRows<ClaimedRow>(
        await tx.query(
          `WITH due AS (
           SELECT t.id, p.revision,
                  GREATEST(p.planned_at, COALESCE(t.not_before, p.planned_at)) AS due_at,
                  (o.publishing_paused_at IS NOT NULL OR c.publishing_paused_at IS NOT NULL OR c.status <> 'active') AS paused
             FROM post_targets t
             JOIN posts p ON p.id = t.post_id
             JOIN channels c ON c.id = t.channel_id
             JOIN organizations o ON o.id = t.organization_id
            WHERE t.state = 'scheduled' AND p.state = 'approved' AND p.planned_at IS NOT NULL
              AND GREATEST(p.planned_at, COALESCE(t.not_before, p.planned_at)) <= now() + make_interval(secs => $1::double precision / 1000)
              AND NOT ((o.publishing_paused_at IS NOT NULL OR c.publishing_paused_at IS NOT NULL OR c.status <> 'active')
                       AND GREATEST(p.planned_at, COALESCE(t.not_before, p.planned_at)) > now())
            ORDER BY 3
            LIMIT $2
              FOR UPDATE OF t SKIP LOCKED)
         UPDATE post_targets t
            SET state = CASE WHEN due.paused THEN 'held' ELSE 'queued' END,
                dispatch_count = t.dispatch_count + CASE WHEN due.paused THEN 0 ELSE 1 END,
                job_id = CASE WHEN due.paused THEN NULL ELSE t.id || '.' || due.revision || '.' || (t.dispatch_count + 1) END,
                queued_revision = CASE WHEN due.paused THEN t.queued_revision ELSE due.revision END,
                queued_at = CASE WHEN due.paused THEN t.queued_at ELSE now() END,
                updated_at = now()
           FROM due
          WHERE t.id = due.id
      RETURNING t.id, t.state, t.job_id, due.revision, due.due_at`,
          [this.config.publishing.lookaheadMs, BATCH],
        ),
      );
      const jobs: PublishJob[] = rows
        .filter((row) => row.state === 'queued')
        .map((row) => ({ targetId: row.id, revision: row.revision, jobId: row.job_id as string, runAt: row.due_at.getTime() }));
      await this.queue.enqueue(jobs);
      return { queued: jobs.length, held: rows.length - jobs.length };
    });
  }
}
