import { Logger } from '@nestjs/common';

import { type PublishJob, type PublishJobHandler, PublishQueue } from '../publish-job';

/**
 * The embedded default: timers in this process, at most `concurrency` jobs at once. A restart loses
 * the timers, never the targets — the reconciler finds queued targets without a live job.
 */
export class InProcessPublishQueue extends PublishQueue {
  readonly kind = 'in-process';
  private readonly logger = new Logger('PublishQueue');
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly ready: PublishJob[] = [];
  private readonly running = new Set<string>();
  private handler: PublishJobHandler | null = null;
  private concurrency = 1;
  private closed = false;

  async enqueue(jobs: readonly PublishJob[]): Promise<void> {
    for (const job of jobs) {
      if (this.closed || this.timers.has(job.jobId) || this.running.has(job.jobId) || this.ready.some((r) => r.jobId === job.jobId))
        continue;
      const delay = Math.max(0, job.runAt - Date.now());
      // setTimeout takes at most ~24.8 days; the dispatcher only enqueues what is due within minutes.
      this.timers.set(
        job.jobId,
        setTimeout(() => this.release(job), Math.min(delay, 2 ** 31 - 1)),
      );
    }
  }

  async liveJobIds(jobIds: readonly string[]): Promise<Set<string>> {
    return new Set(jobIds.filter((id) => this.timers.has(id) || this.running.has(id) || this.ready.some((job) => job.jobId === id)));
  }

  startWorker(handler: PublishJobHandler, concurrency: number): void {
    this.handler = handler;
    this.concurrency = concurrency;
    this.pump();
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.ready.length = 0;
    while (this.running.size > 0) await new Promise((resolve) => setTimeout(resolve, 20));
  }

  private release(job: PublishJob): void {
    this.timers.delete(job.jobId);
    this.ready.push(job);
    this.pump();
  }

  private pump(): void {
    const handler = this.handler;
    if (!handler) return;
    while (!this.closed && this.running.size < this.concurrency && this.ready.length > 0) {
      const job = this.ready.shift() as PublishJob;
      this.running.add(job.jobId);
      handler(job)
        .catch((error: unknown) => this.logger.error(`publish job ${job.jobId} failed: ${String(error)}`))
        .finally(() => {
          this.running.delete(job.jobId);
          this.pump();
        });
    }
  }
}
