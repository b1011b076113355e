import { APP_CONFIG, type AppConfig } from '@kadens/api/core';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

import { type ResultsJob, ResultsQueue } from './queue/results-job';

const BATCH = 1_000;

interface ClaimedRow {
  id: string;
  state: 'queued' | 'skipped';
  job_id: string | null;
  run_at: Date;
}

/**
 * The scheduler's step that hands due snapshots to the queue, as publishing's dispatcher does targets:
 * claims snapshots due within the lookahead (and past any `not_before` a rate limit set) with
 * `FOR UPDATE SKIP LOCKED`, marks them queued with the job id `r.<snapshot>.<dispatch>`, and enqueues
 * delayed jobs before committing — if Redis refuses, the transaction rolls back and they stay due.
 * A snapshot overtaken meanwhile (a later stage of its target is due, or already read) is skipped:
 * one reading then tells more than two.
 */
@Injectable()
export class ResultsDispatcher {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
    private readonly queue: ResultsQueue,
  ) {}

  /** Claims and enqueues until nothing due is left; returns how many snapshots were queued and skipped. */
  async dispatchDue(): Promise<{ queued: number; skipped: number }> {
    const total = { queued: 0, skipped: 0 };
    for (;;) {
      const batch = await this.dispatchBatch();
      total.queued += batch.queued;
      total.skipped += batch.skipped;
      if (batch.queued + batch.skipped < BATCH) return total;
    }
  }

  private dispatchBatch(): Promise<{ queued: number; skipped: number }> {
    return this.db.transaction(async (tx) => {
      const rows: ClaimedRow[] = await tx.query(
        `WITH due AS (
           SELECT s.id, GREATEST(s.due_at, COALESCE(s.not_before, s.due_at)) AS run_at,
                  EXISTS (SELECT 1 FROM result_snapshots later
                           WHERE later.target_id = s.target_id AND later.due_at > s.due_at AND later.due_at <= now()
                             AND later.state IN ('due', 'queued', 'collected')) AS overtaken
             FROM result_snapshots s
            WHERE s.state = 'due'
              AND s.due_at <= now() + make_interval(secs => $1::double precision / 1000)
              AND COALESCE(s.not_before, s.due_at) <= now() + make_interval(secs => $1::double precision / 1000)
            ORDER BY s.due_at
            LIMIT $2
              FOR UPDATE OF s SKIP LOCKED),
         claimed AS (
           UPDATE result_snapshots s
              SET state = CASE WHEN due.overtaken THEN 'skipped' ELSE 'queued' END,
                  dispatch_count = s.dispatch_count + CASE WHEN due.overtaken THEN 0 ELSE 1 END,
                  job_id = CASE WHEN due.overtaken THEN NULL ELSE 'r.' || s.id || '.' || (s.dispatch_count + 1) END,
                  queued_at = CASE WHEN due.overtaken THEN s.queued_at ELSE now() END
             FROM due
            WHERE s.id = due.id
        RETURNING s.id::text, s.state, s.job_id, due.run_at)
         SELECT * FROM claimed`,
        [this.config.results.lookaheadMs, BATCH],
      );
      const jobs: ResultsJob[] = rows
        .filter((row) => row.state === 'queued' && row.job_id !== null)
        .map((row) => ({ snapshotId: row.id, jobId: row.job_id as string, runAt: row.run_at.getTime() }));
      await this.queue.enqueue(jobs);
      return { queued: jobs.length, skipped: rows.length - jobs.length };
    });
  }
}
