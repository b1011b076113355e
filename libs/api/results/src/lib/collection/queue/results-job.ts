/** The BullMQ queue and job name of results collection; the `.v1` lets a later payload shape run beside this one. */
export const RESULTS_QUEUE = 'results';
export const RESULTS_JOB = 'collect-results.v1';

/** A job carries the snapshot's id only; the worker reloads everything else from PostgreSQL. */
export interface ResultsJobData {
  snapshotId: string;
}

export interface ResultsJob extends ResultsJobData {
  /** `r.snapshotId.dispatch` (BullMQ reserves `:`) — the snapshot's `job_id` while it is queued. */
  jobId: string;
  /** When the job should run (epoch ms); the queue delays it until then. */
  runAt: number;
}

export type ResultsJobHandler = (job: ResultsJob) => Promise<void>;

/**
 * Delivers collection jobs to the handler at their time: BullMQ on Redis when REDIS_URL is set, else
 * timers in this process. Both only deliver; what is due and what was read lives in PostgreSQL.
 */
export abstract class ResultsQueue {
  abstract readonly kind: 'bullmq' | 'in-process';
  /** Adds the jobs; a job whose id is already in the queue is not added twice. */
  abstract enqueue(jobs: readonly ResultsJob[]): Promise<void>;
  /** Which of these job ids the queue still holds (waiting, delayed or running). */
  abstract liveJobIds(jobIds: readonly string[]): Promise<Set<string>>;
  /** Starts taking jobs in this process. */
  abstract startWorker(handler: ResultsJobHandler, concurrency: number): void;
  abstract close(): Promise<void>;
}
