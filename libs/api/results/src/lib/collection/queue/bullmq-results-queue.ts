import { Logger } from '@nestjs/common';
import { Queue, Worker } from 'bullmq';

import { RESULTS_JOB, RESULTS_QUEUE, type ResultsJob, type ResultsJobData, type ResultsJobHandler, ResultsQueue } from './results-job';

const REDIS_TIMEOUT_MS = 10_000;
const LIVE_STATES = new Set(['waiting', 'delayed', 'active', 'prioritized', 'waiting-children']);

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
    this.queue = new Queue<ResultsJobData>(RESULTS_QUEUE, { connection: connectionOptions(redisUrl), prefix });
    this.queue.on('error', (error) => this.logger.warn(`queue: ${error.message}`));
  }

  async enqueue(jobs: readonly ResultsJob[]): Promise<void> {
    if (jobs.length === 0) return;
    const now = Date.now();
    // A Redis outage must fail the dispatcher's transaction (the snapshots stay due), not hang it.
    await withTimeout(
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
    const states = await withTimeout(Promise.all(jobIds.map((id) => this.queue.getJobState(id))));
    return new Set(jobIds.filter((_, index) => LIVE_STATES.has(states[index] ?? 'unknown')));
  }

  startWorker(handler: ResultsJobHandler, concurrency: number): void {
    this.worker = new Worker<ResultsJobData>(
      RESULTS_QUEUE,
      async (job) => handler({ ...job.data, jobId: job.id ?? '', runAt: job.timestamp + (job.opts.delay ?? 0) }),
      { connection: connectionOptions(this.redisUrl), prefix: this.prefix, concurrency, lockDuration: 20_000, stalledInterval: 10_000 },
    );
    this.worker.on('error', (error) => this.logger.warn(`worker: ${error.message}`));
  }

  async close(): Promise<void> {
    await this.worker?.close();
    await this.queue.close();
  }
}

/** BullMQ wants `maxRetriesPerRequest: null` for workers; a Redis outage then waits instead of throwing. */
function connectionOptions(redisUrl: string) {
  const url = new URL(redisUrl);
  return {
    host: url.hostname,
    port: Number(url.port || 6379),
    username: url.username ? decodeURIComponent(url.username) : undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    db: url.pathname.length > 1 ? Number(url.pathname.slice(1)) : 0,
    tls: url.protocol === 'rediss:' ? {} : undefined,
    maxRetriesPerRequest: null,
  };
}

async function withTimeout<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Redis did not answer within ${REDIS_TIMEOUT_MS} ms`)), REDIS_TIMEOUT_MS);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
