import { APP_CONFIG, type AppConfig } from '@kadens/api/core';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

import { type ResultsJob, ResultsQueue } from './queue/results-job';

const BATCH = 1_000;

/**
 * Repairs what a crash or a lost Redis leaves behind: a queued snapshot whose time is past and whose job
 * the queue no longer holds (Redis flushed, the process with the in-process queue restarted, a stalled
 * BullMQ job given up) is enqueued again under a new job id — the old job, should it surface, finds
 * another id on the snapshot and stands down. A reading still running is a live job and is left alone.
 */
@Injectable()
export class ResultsReconciler {
  private readonly logger = new Logger(ResultsReconciler.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
    private readonly queue: ResultsQueue,
  ) {}

  async reconcile(): Promise<{ requeued: number }> {
    const candidates: Array<{ id: string; job_id: string }> = await this.db.query(
      `SELECT id::text, job_id FROM result_snapshots
        WHERE state = 'queued' AND job_id IS NOT NULL
          AND GREATEST(due_at, COALESCE(not_before, due_at), queued_at) < now() - make_interval(secs => $1::double precision / 1000)
        ORDER BY queued_at
        LIMIT $2`,
      [this.config.results.lostJobAfterMs, BATCH],
    );
    if (candidates.length === 0) return { requeued: 0 };
    const live = await this.queue.liveJobIds(candidates.map((row) => row.job_id));
    const lost = candidates.filter((row) => !live.has(row.job_id));
    if (lost.length === 0) return { requeued: 0 };
    const requeued = await this.db.transaction(async (tx) => {
      const rows: Array<{ id: string; job_id: string }> = await tx.query(
        `WITH requeued AS (
           UPDATE result_snapshots s
              SET dispatch_count = s.dispatch_count + 1, job_id = 'r.' || s.id || '.' || (s.dispatch_count + 1), queued_at = now()
             FROM unnest($1::bigint[], $2::text[]) AS lost (id, job_id)
            WHERE s.id = lost.id AND s.job_id = lost.job_id AND s.state = 'queued'
        RETURNING s.id::text, s.job_id)
         SELECT * FROM requeued`,
        [lost.map((row) => row.id), lost.map((row) => row.job_id)],
      );
      const now = Date.now();
      const jobs: ResultsJob[] = rows.map((row) => ({ snapshotId: row.id, jobId: row.job_id, runAt: now }));
      await this.queue.enqueue(jobs);
      return jobs.length;
    });
    if (requeued > 0) this.logger.warn(`reconciled: ${requeued} lost results jobs enqueued again`);
    return { requeued };
  }
}
