import { bullMqConnection, liveJobIds, withRedisTimeout } from '@kadens/api/core';
import { Logger } from '@nestjs/common';
import { Queue, Worker } from 'bullmq';

import { PUBLISH_JOB, PUBLISH_QUEUE, type PublishJob, type PublishJobData, type PublishJobHandler, PublishQueue } from '../publish-job';

const ENQUEUE_TIMEOUT_MS = 10_000;

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
    this.queue = new Queue<PublishJobData>(PUBLISH_QUEUE, { connection: bullMqConnection(redisUrl), prefix });
    this.queue.on('error', (error) => this.logger.warn(`queue: ${error.message}`));
  }

  async enqueue(jobs: readonly PublishJob[]): Promise<void> {
    if (jobs.length === 0) return;
    const now = Date.now();
    // A Redis outage must fail the dispatcher's transaction (the targets stay scheduled), not hang it.
    await withRedisTimeout(
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
    return liveJobIds(this.queue, jobIds, ENQUEUE_TIMEOUT_MS);
  }

  startWorker(handler: PublishJobHandler, concurrency: number): void {
    this.worker = new Worker<PublishJobData>(
      PUBLISH_QUEUE,
      async (job) => {
        const runAt = job.timestamp + (job.opts.delay ?? 0);
        await handler({ ...job.data, jobId: job.id ?? '', runAt });
      },
      // A worker that dies mid-job leaves it active until the stalled check; look every 10 s, not 30 s.
      { connection: bullMqConnection(this.redisUrl), prefix: this.prefix, concurrency, lockDuration: 20_000, stalledInterval: 10_000 },
    );
    this.worker.on('error', (error) => this.logger.warn(`worker: ${error.message}`));
  }

  async close(): Promise<void> {
    await this.worker?.close();
    await this.queue.close();
  }
}
