import { bullMqConnection, liveJobIds, withRedisTimeout } from '@kadens/api/core';
import { Logger } from '@nestjs/common';
import { Queue, Worker } from 'bullmq';

import { RESULTS_JOB, RESULTS_QUEUE, type ResultsJob, type ResultsJobData, type ResultsJobHandler, ResultsQueue } from './results-job';

const REDIS_TIMEOUT_MS = 10_000;

/**
 * BullMQ on Redis, its own queue (`results`) beside publishing's: jobs are delayed to their time and
 * taken by any worker process. Retries are not BullMQ's: a failed reading goes back to PostgreSQL
 * with its next time, and the dispatcher enqueues it again.
 */
export class BullMqResultsQueue extends ResultsQueue {
  readonly kind = 'bullmq';
  private readonly logger = new Logger('ResultsQueue');
  readonly queue: Queue<ResultsJobData>;
  private worker: Worker<ResultsJobData> | null = null;

  constructor(
    private readonly redisUrl: string,
    private readonly prefix = 'kadens',
  ) {
    super();
    this.queue = new Queue<ResultsJobData>(RESULTS_QUEUE, { connection: bullMqConnection(redisUrl), prefix });
    this.queue.on('error', (error) => this.logger.warn(`queue: ${error.message}`));
  }

  async enqueue(jobs: readonly ResultsJob[]): Promise<void> {
    if (jobs.length === 0) return;
    const now = Date.now();
    // A Redis outage must fail the dispatcher's transaction (the snapshots stay due), not hang it.
    await withRedisTimeout(
      REDIS_TIMEOUT_MS,
      this.queue.addBulk(
        jobs.map((job) => ({
          name: RESULTS_JOB,
          data: { snapshotId: job.snapshotId },
          opts: {
            jobId: job.jobId,
            delay: Math.max(0, job.runAt - now),
            attempts: 1,
            removeOnComplete: { age: 3600, count: 1_000 },
            removeOnFail: { age: 24 * 3600 },
          },
        })),
      ),
    );
  }

  async liveJobIds(jobIds: readonly string[]): Promise<Set<string>> {
    return liveJobIds(this.queue, jobIds, REDIS_TIMEOUT_MS);
  }

  startWorker(handler: ResultsJobHandler, concurrency: number): void {
    this.worker = new Worker<ResultsJobData>(
      RESULTS_QUEUE,
      async (job) => handler({ ...job.data, jobId: job.id ?? '', runAt: job.timestamp + (job.opts.delay ?? 0) }),
      { connection: bullMqConnection(this.redisUrl), prefix: this.prefix, concurrency, lockDuration: 20_000, stalledInterval: 10_000 },
    );
    this.worker.on('error', (error) => this.logger.warn(`worker: ${error.message}`));
  }

  async close(): Promise<void> {
    await this.worker?.close();
    await this.queue.close();
  }
}
