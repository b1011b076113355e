/** The BullMQ queue and job name; the `.v1` lets a later payload shape run beside this one. */
export const PUBLISH_QUEUE = 'publishing';
export const PUBLISH_JOB = 'publish-post.v1';

/** A job carries ids only; the worker reloads everything else from PostgreSQL. */
export interface PublishJobData {
  targetId: string;
  revision: number;
}

export interface PublishJob extends PublishJobData {
  /** `targetId.revision.dispatch` (BullMQ reserves `:`) — the target's `job_id` while it is queued. */
  jobId: string;
  /** When the job should run (epoch ms); the queue delays it until then. */
  runAt: number;
}

export type PublishJobHandler = (job: PublishJob) => Promise<void>;

/**
 * Delivers jobs to the handler at their time. Redis (BullMQ) when REDIS_URL is set, else an in-process
 * timer queue; both only deliver: what is due and what was done lives in PostgreSQL.
 */
export abstract class PublishQueue {
  abstract readonly kind: 'bullmq' | 'in-process';
  /** Adds the jobs; a job whose id is already in the queue is not added twice. */
  abstract enqueue(jobs: readonly PublishJob[]): Promise<void>;
  /** Which of these job ids the queue still holds (waiting, delayed or running). */
  abstract liveJobIds(jobIds: readonly string[]): Promise<Set<string>>;
  /** Starts taking jobs in this process. */
  abstract startWorker(handler: PublishJobHandler, concurrency: number): void;
  abstract close(): Promise<void>;
}
