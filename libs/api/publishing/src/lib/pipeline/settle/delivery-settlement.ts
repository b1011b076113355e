import type { PublishResult } from '@kadens/api/platforms';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

import { ConnectionsService } from '../../connections/connections.service';
import { Batcher } from '../batcher';
import type { Outcome, SettledFailure } from '../delivery-attempt';
import { lockPostsOfTargets } from '../post-locks';
import { retryWhileDatabaseIsDown } from './retry-database';

/**
 * The publisher's last step: writes what an attempt ended with — the target published, failed, scheduled
 * again or unconfirmed, the attempt finished, the channel's connection marked connected or "reconnect
 * needed". Outcomes are written in batches (see Batcher); a batch that meets a database outage is retried
 * for up to ten minutes (retryWhileDatabaseIsDown), because the platform has already answered and a lost
 * database must not lose the answer. The SQL is below, in this file.
 */
@Injectable()
export class DeliverySettlement {
  private readonly logger = new Logger(DeliverySettlement.name);
  private readonly settlements: Batcher<Outcome, void>;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly connections: ConnectionsService,
  ) {
    this.settlements = new Batcher(
      'outcomes',
      (outcomes) =>
        retryWhileDatabaseIsDown(() => this.db.transaction((tx) => settleOutcomes(tx, this.connections, outcomes)), this.logger).then(() =>
          outcomes.map(() => undefined),
        ),
      this.logger,
    );
  }

  settle(outcome: Outcome): Promise<void> {
    return this.settlements.submit(outcome);
  }
}

/**
 * Records outcomes in one transaction, many at once: the posts are locked first, in id order (the lock
 * order every writer of targets keeps, see post-locks.ts), then one statement settles the successes and
 * one the failures — so the post's calendar entry is rewritten once per post and batch, not once per
 * target.
 * A success also lands on a target the reconciler already gave up on (unconfirmed): the platform's
 * answer is better knowledge than the timeout's guess.
 */
async function settleOutcomes(tx: EntityManager, connections: ConnectionsService, outcomes: readonly Outcome[]): Promise<void> {
  await lockPostsOfTargets(
    tx,
    outcomes.map((o) => o.targetId),
    'update',
  );
  const successes = outcomes.filter((o): o is Outcome & { result: PublishResult } => o.result !== undefined);
  const failures = outcomes.filter((o): o is Outcome & { failure: SettledFailure } => o.failure !== undefined);
  if (successes.length > 0) {
    await tx.query(
      `WITH s AS (SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[]) AS s (target_id, attempt_id, external_id, external_url)),
            attempt AS (
              UPDATE publish_attempts a SET finished_at = clock_timestamp(), outcome = 'published', external_id = s.external_id, external_url = s.external_url,
                     status = NULL, code = NULL, message = NULL
                FROM s WHERE a.id = s.attempt_id)
       UPDATE post_targets t
          SET state = 'published', external_id = s.external_id, external_url = s.external_url, published_at = now(), job_id = NULL, not_before = NULL,
              last_error = NULL, last_error_kind = NULL, updated_at = now()
         FROM s WHERE t.id = s.target_id AND t.state IN ('publishing', 'unconfirmed')`,
      [
        successes.map((o) => o.targetId),
        successes.map((o) => o.attempt.attemptId),
        successes.map((o) => o.result.externalId.slice(0, 500)),
        successes.map((o) => o.result.url?.slice(0, 2048) ?? null),
      ],
    );
    for (const channelId of new Set(successes.filter((o) => o.attempt.connectionStatus !== 'connected').map((o) => o.attempt.channelId))) {
      await connections.markConnected(tx, channelId);
    }
  }
  if (failures.length > 0) {
    const retryAt = (o: { failure: SettledFailure }) =>
      o.failure.settlement.notBefore === null ? null : new Date(o.failure.settlement.notBefore);
    await tx.query(
      `WITH f AS (SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::timestamptz[], $5::text[], $6::text[], $7::int[], $8::text[])
                    AS f (target_id, attempt_id, state, retry_at, outcome, message, status, code)),
            attempt AS (
              UPDATE publish_attempts a SET finished_at = clock_timestamp(), outcome = f.outcome, status = f.status, code = f.code, message = f.message, retry_at = f.retry_at
                FROM f WHERE a.id = f.attempt_id AND (a.finished_at IS NULL OR a.outcome = 'timed_out'))
       UPDATE post_targets t
          SET state = f.state, not_before = f.retry_at, job_id = NULL, last_error_kind = f.outcome, last_error = f.message, updated_at = now()
         FROM f WHERE t.id = f.target_id AND t.state = 'publishing'`,
      [
        failures.map((o) => o.targetId),
        failures.map((o) => o.attempt.attemptId),
        failures.map((o) => o.failure.settlement.targetState),
        failures.map(retryAt),
        failures.map((o) => o.failure.outcome),
        failures.map((o) => o.failure.message),
        failures.map((o) => o.failure.status),
        failures.map((o) => o.failure.code?.slice(0, 200) ?? null),
      ],
    );
    for (const failed of failures.filter((o) => o.failure.settlement.reconnect)) {
      await connections.markReconnectNeeded(tx, failed.attempt.channelId, failed.failure.message);
    }
  }
}
