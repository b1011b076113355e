import { Logger } from '@nestjs/common';
import { Queue, Worker } from 'bullmq';

import { PUBLISH_JOB, PUBLISH_QUEUE, type PublishJob, type PublishJobData, type PublishJobHandler, PublishQueue } from '../publish-job';

const ENQUEUE_TIMEOUT_MS = 10_000;
const LIVE_STATES = new Set(['waiting', 'delayed', 'active', 'prioritized', 'waiting-children']);

/**
 * BullMQ on Redis: jobs are delayed to their minute and taken by any worker process. Retries are not
 * BullMQ's: a failed attempt goes back to PostgreSQL with its next time, and the dispatcher enqueues it
 * again — so one policy decides, whatever the queue.
 */
export class BullMqPublishQueue extends PublishQueue {
  readonly kind = 'bullmq';
  private readonly logger = new Logger('PublishQueue');
  readonly queue: Queue<PublishJobData>;
  private worker: Worker<PublishJobData> | null = null;

  constructor(
    private readonly redisUrl: string,
    private readonly prefix = 'kadens',
  ) {
    super();
    this.queue = new Queue<PublishJobData>(PUBLISH_QUEUE, { connection: connectionOptions(redisUrl), prefix });
    this.queue.on('error', (error) => this.logger.warn(`queue: ${error.message}`));
  }

  async enqueue(jobs: readonly PublishJob[]): Promise<void> {
    if (jobs.length === 0) return;
    const now = Date.now();
    // A Redis outage must fail the dispatcher's transaction (the targets stay scheduled), not hang it.
    await withTimeout(
      ENQUEUE_TIMEOUT_MS,
      this.queue.addBulk(
        jobs.map((job) => ({
          name: PUBLISH_JOB,
          data: { targetId: job.targetId, revision: job.revision },
          opts: {
            jobId: job.jobId,
            delay: Math.max(0, job.runAt - now),
            attempts: 1,
            removeOnComplete: { age: 24 * 3600, count: 5_000 },
            removeOnFail: { age: 7 * 24 * 3600 },
          },
        })),
      ),
    );
  }

  async liveJobIds(jobIds: readonly string[]): Promise<Set<string>> {
    const states = await withTimeout(ENQUEUE_TIMEOUT_MS, Promise.all(jobIds.map((id) => this.queue.getJobState(id))));
    return new Set(jobIds.filter((_, index) => LIVE_STATES.has(states[index] ?? 'unknown')));
  }

  startWorker(handler: PublishJobHandler, concurrency: number): void {
    this.worker = new Worker<PublishJobData>(
      PUBLISH_QUEUE,
      async (job) => {
        const runAt = job.timestamp + (job.opts.delay ?? 0);
        await handler({ ...job.data, jobId: job.id ?? '', runAt });
      },
      // A worker that dies mid-job leaves it active until the stalled check; look every 10 s, not 30 s.
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

async function withTimeout<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Redis did not answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
