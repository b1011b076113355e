import type { Logger } from '@nestjs/common';

const GIVE_UP_AFTER_MS = 10 * 60_000;

/**
 * Settling an outcome the platform already gave must not be lost to a database restart: the post
 * exists (or definitely does not) and only PostgreSQL does not know yet. Retries with backoff for up
 * to ten minutes; after that the reconciler's timeout marks the attempt unconfirmed.
 */
export async function retryWhileDatabaseIsDown<T>(work: () => Promise<T>, logger: Logger, giveUpAfterMs = GIVE_UP_AFTER_MS): Promise<T> {
  const started = Date.now();
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (!isConnectionFailure(error) || Date.now() - started > giveUpAfterMs) throw error;
      const delay = Math.min(10_000, 250 * 2 ** Math.min(attempt, 6));
      logger.warn(
        `recording a publish outcome failed (${error instanceof Error ? error.message : String(error)}); retrying in ${delay} ms`,
      );
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

/** Lost connections and a server shutting down or starting (SQLSTATE classes 08 and 57P); not a constraint or a bug. */
export function isConnectionFailure(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && /^(08|57P)/.test(code)) return true;
  if (typeof code === 'string' && /^(ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT)$/.test(code)) return true;
  // TypeORM releases a transaction's query runner when its connection dies; the next statement then
  // throws one of these, with no SQLSTATE. The transaction did not commit, so running it again is safe.
  const name = error instanceof Error ? error.name : '';
  if (name === 'QueryRunnerAlreadyReleasedError' || name === 'QueryRunnerProviderAlreadyReleasedError') return true;
  const message = error instanceof Error ? error.message : '';
  return /Connection terminated|connection is closed|already released|the database system is (starting up|shutting down)|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(
    message,
  );
}
