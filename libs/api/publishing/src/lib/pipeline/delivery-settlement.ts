import type { PublishResult } from '@kadens/api/platforms';
import type { AttemptOutcome } from '@kadens/shared/contracts';
import type { Settlement } from '@kadens/shared/rules';
import type { EntityManager } from 'typeorm';

import type { ConnectionsService } from '../connections/connections.service';
import { lockPostOfTarget } from './delivery-claim';

export interface SettledFailure {
  outcome: AttemptOutcome;
  status: number | null;
  code: string | null;
  message: string;
  settlement: Settlement;
}

interface AttemptRef {
  attemptId: string;
  channelId: string;
}

/**
 * The platform has the post. A target the reconciler already gave up on (unconfirmed) is published
 * after all: this answer is better knowledge than the timeout's guess.
 */
export async function recordSuccess(tx: EntityManager, connections: ConnectionsService, targetId: string, attempt: AttemptRef, result: PublishResult): Promise<void> {
  await lockPostOfTarget(tx, targetId);
  await tx.query(
    `UPDATE publish_attempts SET finished_at = clock_timestamp(), outcome = 'published', external_id = $2, external_url = $3, status = NULL, code = NULL, message = NULL WHERE id = $1`,
    [attempt.attemptId, result.externalId.slice(0, 500), result.url?.slice(0, 2048) ?? null],
  );
  await tx.query(
    `UPDATE post_targets
        SET state = 'published', external_id = $2, external_url = $3, published_at = now(), job_id = NULL, not_before = NULL,
            last_error = NULL, last_error_kind = NULL, updated_at = now()
      WHERE id = $1 AND state IN ('publishing', 'unconfirmed')`,
    [targetId, result.externalId.slice(0, 500), result.url?.slice(0, 2048) ?? null],
  );
  await connections.markConnected(tx, attempt.channelId);
}

export async function recordFailure(tx: EntityManager, connections: ConnectionsService, targetId: string, attempt: AttemptRef, failure: SettledFailure): Promise<void> {
  const { settlement } = failure;
  await lockPostOfTarget(tx, targetId);
  const retryAt = settlement.notBefore === null ? null : new Date(settlement.notBefore);
  await tx.query(
    `UPDATE publish_attempts SET finished_at = clock_timestamp(), outcome = $2, status = $3, code = $4, message = $5, retry_at = $6 WHERE id = $1 AND (finished_at IS NULL OR outcome = 'timed_out')`,
    [attempt.attemptId, failure.outcome, failure.status, failure.code?.slice(0, 200) ?? null, failure.message, retryAt],
  );
  await tx.query(
    `UPDATE post_targets
        SET state = $2, not_before = $3, job_id = NULL, last_error_kind = $4, last_error = $5, updated_at = now()
      WHERE id = $1 AND state = 'publishing'`,
    [targetId, settlement.targetState, retryAt, failure.outcome, failure.message],
  );
  if (settlement.reconnect) await connections.markReconnectNeeded(tx, attempt.channelId, failure.message);
}
