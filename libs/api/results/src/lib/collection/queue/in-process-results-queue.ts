import { Logger } from '@nestjs/common';

import { type ResultsJob, type ResultsJobHandler, ResultsQueue } from './results-job';

/**
 * The embedded default: timers in this process, at most `concurrency` readings at once. A restart loses
 * the timers, never the snapshots — the reconciler finds queued snapshots without a live job.
 */
export class InProcessResultsQueue extends ResultsQueue {
  readonly kind = 'in-process';
  private readonly logger = new Logger('ResultsQueue');
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly ready = new Map<string, ResultsJob>();
  private readonly running = new Set<string>();
  private handler: ResultsJobHandler | null = null;
  private concurrency = 1;
  private closed = false;

  async enqueue(jobs: readonly ResultsJob[]): Promise<void> {
    for (const job of jobs) {
      if (this.closed || this.isLive(job.jobId)) continue;
      // setTimeout takes at most ~24.8 days; the dispatcher only enqueues what is due within minutes.
      const delay = Math.min(Math.max(0, job.runAt - Date.now()), 2 ** 31 - 1);
      this.timers.set(
        job.jobId,
        setTimeout(() => this.release(job), delay),
      );
    }
  }

  async liveJobIds(jobIds: readonly string[]): Promise<Set<string>> {
    return new Set(jobIds.filter((id) => this.isLive(id)));
  }

  startWorker(handler: ResultsJobHandler, concurrency: number): void {
    this.handler = handler;
    this.concurrency = concurrency;
    this.pump();
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.ready.clear();
    while (this.running.size > 0) await new Promise((resolve) => setTimeout(resolve, 20));
  }

  /** Forgets every job not yet running, as a restart would (tests of the reconciler). */
  forgetWaiting(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.ready.clear();
  }

  private isLive(jobId: string): boolean {
    return this.timers.has(jobId) || this.running.has(jobId) || this.ready.has(jobId);
  }

  private release(job: ResultsJob): void {
    this.timers.delete(job.jobId);
    this.ready.set(job.jobId, job);
    this.pump();
  }

  private pump(): void {
    const handler = this.handler;
    if (!handler) return;
    while (!this.closed && this.running.size < this.concurrency && this.ready.size > 0) {
      const [jobId, job] = this.ready.entries().next().value as [string, ResultsJob];
      this.ready.delete(jobId);
      this.running.add(jobId);
      handler(job)
        .catch((error: unknown) => this.logger.error(`results job ${jobId} failed: ${String(error)}`))
        .finally(() => {
          this.running.delete(jobId);
          this.pump();
        });
    }
  }
}
