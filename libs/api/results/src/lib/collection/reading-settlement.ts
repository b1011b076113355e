import { Batcher, ConnectionsService } from '@kadens/api/publishing';
import { RESULT_METRICS, type ResultNumbers } from '@kadens/shared/contracts';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

import { METRIC_COLUMN_LIST } from '../result-columns';
import { missingMetricsText, type ReadingOutcome } from './reading-outcome';

/** One settled job: the snapshot it read, the job that read it, the channel it read on. */
export interface SettledReading {
  snapshotId: string;
  jobId: string;
  channelId: string;
  outcome: ReadingOutcome;
}

const COLUMNS = METRIC_COLUMN_LIST;

/**
 * Writes what collection jobs ended with, many at once (the Batcher from publishing: what arrives while
 * a batch is written goes in the next one). Every write is conditional on the snapshot still being
 * queued under the job's id, so a job delivered twice, or overtaken by the reconciler's new one, writes
 * nothing. A collected snapshot brings its target's latest numbers up to date — metric by metric, only
 * when no newer reading is there — and marks the target's rollup pending.
 */
@Injectable()
export class ReadingSettlement {
  private readonly logger = new Logger(ReadingSettlement.name);
  private readonly batches: Batcher<SettledReading, void>;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly connections: ConnectionsService,
  ) {
    this.batches = new Batcher(
      'results',
      (items) => this.db.transaction((tx) => this.write(tx, items)).then(() => items.map(() => undefined)),
      this.logger,
    );
  }

  settle(settled: SettledReading): Promise<void> {
    return this.batches.submit(settled);
  }

  private async write(tx: EntityManager, items: readonly SettledReading[]): Promise<void> {
    const collected = items.filter(
      (item): item is SettledReading & { outcome: { kind: 'collected' } } => item.outcome.kind === 'collected',
    );
    const others = items.filter((item) => item.outcome.kind !== 'collected');
    if (collected.length > 0) await writeCollected(tx, collected);
    if (others.length > 0) await writeOthers(tx, others);
    const reconnect = new Map<string, string>();
    for (const item of others)
      if (item.outcome.kind === 'failed' && item.outcome.reconnect) reconnect.set(item.channelId, item.outcome.message);
    for (const [channelId, message] of reconnect) await this.connections.markReconnectNeeded(tx, channelId, message);
  }
}

async function writeCollected(tx: EntityManager, items: ReadonlyArray<SettledReading & { outcome: { kind: 'collected' } }>): Promise<void> {
  const numbers = (metric: (typeof RESULT_METRICS)[number]) => items.map((item) => numberOf(item.outcome.reading.numbers, metric));
  const metricArrays = RESULT_METRICS.map(numbers);
  const first = 5;
  await tx.query(
    `WITH r AS (
       SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], ${COLUMNS.map((_, i) => `$${first + i}::bigint[]`).join(', ')})
         AS r (id, job_id, raw, error, ${COLUMNS.join(', ')})),
     s AS (
       UPDATE result_snapshots s
          SET state = 'collected', collected_at = clock_timestamp(), job_id = NULL, not_before = NULL, attempts = s.attempts + 1,
              raw = r.raw::jsonb, error_kind = CASE WHEN r.error IS NULL THEN NULL ELSE 'metrics_missing' END, error = r.error,
              ${COLUMNS.map((column) => `${column} = r.${column}`).join(', ')}
         FROM r
        WHERE s.id = r.id AND s.state = 'queued' AND s.job_id = r.job_id
    RETURNING s.target_id, s.collected_at, ${COLUMNS.map((column) => `s.${column}`).join(', ')}),
     newest AS (SELECT DISTINCT ON (target_id) * FROM s ORDER BY target_id, collected_at DESC)
     UPDATE target_results t
        SET ${COLUMNS.map((column) => `${column} = COALESCE(n.${column}, t.${column})`).join(', ')},
            collected_at = n.collected_at, rollup_pending = true, updated_at = now()
       FROM newest n
      WHERE t.target_id = n.target_id AND (t.collected_at IS NULL OR t.collected_at <= n.collected_at)`,
    [
      items.map((item) => item.snapshotId),
      items.map((item) => item.jobId),
      items.map((item) => rawJson(item.outcome.reading.raw)),
      items.map((item) => missingMetricsText(item.outcome.reading)),
      ...metricArrays,
    ],
  );
}

async function writeOthers(tx: EntityManager, items: readonly SettledReading[]): Promise<void> {
  const field = <T>(read: (outcome: Exclude<ReadingOutcome, { kind: 'collected' }>) => T) =>
    items.map((item) => read(item.outcome as Exclude<ReadingOutcome, { kind: 'collected' }>));
  await tx.query(
    `WITH f AS (
       SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::timestamptz[], $5::text[], $6::text[], $7::int[])
         AS f (id, job_id, state, not_before, error_kind, error, counted))
     UPDATE result_snapshots s
        SET state = f.state, not_before = f.not_before, job_id = NULL, error_kind = f.error_kind, error = f.error,
            attempts = s.attempts + f.counted
       FROM f
      WHERE s.id = f.id AND s.state = 'queued' AND s.job_id = f.job_id`,
    [
      items.map((item) => item.snapshotId),
      items.map((item) => item.jobId),
      field((outcome) => (outcome.kind === 'retry' ? 'due' : outcome.kind)),
      field((outcome) => (outcome.kind === 'retry' ? outcome.notBefore : null)),
      field((outcome) => outcome.errorKind.slice(0, 40)),
      field((outcome) => outcome.message.slice(0, 2000)),
      field((outcome) => (outcome.kind === 'retry' ? (outcome.counted ? 1 : 0) : outcome.kind === 'failed' ? 1 : 0)),
    ],
  );
}

/** A count the platform gave, as a whole non-negative number; anything else is "not said" (NULL), never 0. */
function numberOf(numbers: ResultNumbers, metric: (typeof RESULT_METRICS)[number]): string | null {
  const value = numbers[metric];
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? String(Math.round(value)) : null;
}

/** The platform's answer as JSON text; null when there was none, or it cannot be written as JSON. */
function rawJson(raw: unknown): string | null {
  if (raw === undefined) return null;
  try {
    // PostgreSQL's jsonb refuses \u0000 in strings; a platform's answer may carry one.
    return JSON.stringify(raw).replace(/\\u0000/g, '');
  } catch {
    return null;
  }
}
