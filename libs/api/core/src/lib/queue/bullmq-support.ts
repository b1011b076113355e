import type { Queue } from 'bullmq';

/** The states in which BullMQ still holds a job that will run or is running. */
const LIVE_STATES = new Set(['waiting', 'delayed', 'active', 'prioritized', 'waiting-children']);

/**
 * BullMQ's connection for a Redis URL (`redis://` or `rediss://`, user, password, database). Workers need
 * `maxRetriesPerRequest: null`; a Redis outage then waits instead of throwing. Shared by the publishing
 * and the results queues.
 */
export function bullMqConnection(redisUrl: string) {
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

/** A Redis outage must fail the caller (a dispatcher's transaction rolls back), not hang it. */
export async function withRedisTimeout<T>(ms: number, work: Promise<T>): Promise<T> {
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

/** Which of these job ids the queue still holds (waiting, delayed, active…): what a reconciler must not enqueue again. */
export async function liveJobIds(queue: Queue, jobIds: readonly string[], timeoutMs: number): Promise<Set<string>> {
  const states = await withRedisTimeout(timeoutMs, Promise.all(jobIds.map((id) => queue.getJobState(id))));
  return new Set(jobIds.filter((_, index) => LIVE_STATES.has(states[index] ?? 'unknown')));
}
