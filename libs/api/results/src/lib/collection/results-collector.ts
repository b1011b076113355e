import { APP_CONFIG, type AppConfig } from '@kadens/api/core';
import { type ChannelConnection, PlatformRegistry } from '@kadens/api/platforms';
import { Batcher, ConnectionCredentials, ConnectionsService } from '@kadens/api/publishing';
import type { Platform } from '@kadens/shared/contracts';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

import type { ResultsJob } from './queue/results-job';
import { type ReadingOutcome, settleReadingFailure } from './reading-outcome';
import { ReadingSettlement } from './reading-settlement';

interface SnapshotRow {
  id: string;
  state: string;
  job_id: string | null;
  attempts: number;
  target_state: string;
  external_id: string | null;
  external_url: string | null;
  published_at: Date | null;
  channel_id: string;
  platform: Platform;
  connection_status: string | null;
}

/** A job's snapshot as loaded, with the channel's connection (null: none; an Error: it cannot be read). */
interface Loaded {
  row: SnapshotRow;
  connection: ChannelConnection | null | Error;
}

/**
 * The worker's job: reads one snapshot's numbers from the platform and settles the answer.
 * 1. load (batched: the jobs that arrive together are read in one statement, each channel's
 *    connection decrypted once per batch) — `FOR SHARE`, so a job that arrives before the dispatcher
 *    committed waits for that commit; a job that is not the snapshot's current one (delivered twice,
 *    overtaken by the reconciler) stands down without calling anyone;
 * 2. call the adapter's `fetchMetrics` through the registry, outside any transaction, with the
 *    channel's credentials as publishing uses them — renewed first (`ConnectionCredentials.fresh`) on
 *    platforms whose tokens expire;
 * 3. hand the outcome to the settlement (batched writes). A read is safe to repeat, so no claim step
 *    is needed: the snapshot stays queued while it is read, and the write is conditional on the job id.
 */
@Injectable()
export class ResultsCollector {
  private readonly logger = new Logger(ResultsCollector.name);
  private readonly loads: Batcher<ResultsJob, Loaded | null>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
    private readonly registry: PlatformRegistry,
    private readonly connections: ConnectionsService,
    private readonly credentials: ConnectionCredentials,
    private readonly settlement: ReadingSettlement,
  ) {
    this.loads = new Batcher('result loads', (jobs) => this.load(jobs), this.logger);
  }

  async handle(job: ResultsJob): Promise<void> {
    const loaded = await this.loads.submit(job);
    if (loaded === null) return;
    const outcome = await this.read(loaded);
    await this.settlement.settle({ snapshotId: job.snapshotId, jobId: job.jobId, channelId: loaded.row.channel_id, outcome });
  }

  private async load(jobs: readonly ResultsJob[]): Promise<Array<Loaded | null>> {
    const rows: SnapshotRow[] = await this.db.query(
      `SELECT s.id::text, s.state, s.job_id, s.attempts, t.state AS target_state, t.external_id, t.external_url, t.published_at,
              t.channel_id, c.platform, cc.status AS connection_status
         FROM result_snapshots s
         JOIN post_targets t ON t.id = s.target_id
         JOIN channels c ON c.id = t.channel_id
         LEFT JOIN channel_connections cc ON cc.channel_id = t.channel_id
        WHERE s.id = ANY($1::bigint[])
          FOR SHARE OF s`,
      [jobs.map((job) => job.snapshotId)],
    );
    const byId = new Map(rows.map((row) => [row.id, row]));
    const connections = new Map<string, Promise<ChannelConnection | null | Error>>();
    const connectionOf = (channelId: string) => {
      let connection = connections.get(channelId);
      if (connection === undefined) {
        connection = this.connections
          .forPublishing(this.db.manager, channelId)
          .catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))));
        connections.set(channelId, connection);
      }
      return connection;
    };
    const answers: Array<Loaded | null> = [];
    for (const job of jobs) {
      const row = byId.get(job.snapshotId);
      if (row === undefined || row.state !== 'queued' || row.job_id !== job.jobId) answers.push(null);
      else answers.push({ row, connection: row.connection_status === null ? null : await connectionOf(row.channel_id) });
    }
    return answers;
  }

  private async read({ row, connection: stored }: Loaded): Promise<ReadingOutcome> {
    const adapter = this.registry.adapterFor(row.platform);
    if (row.target_state !== 'published' || row.published_at === null || row.external_id === null) {
      return { kind: 'skipped', errorKind: 'not_published', message: 'The post is no longer published on this channel' };
    }
    if (!adapter.capabilities.metrics || adapter.fetchMetrics === undefined) {
      return { kind: 'skipped', errorKind: 'not_collected', message: 'Kadens reads no results from this platform' };
    }
    if (stored === null) {
      return { kind: 'failed', errorKind: 'not_connected', message: 'The channel is not connected to its platform', reconnect: false };
    }
    if (stored instanceof Error) {
      return {
        kind: 'failed',
        errorKind: 'not_connected',
        message: `The channel's connection cannot be read: ${stored.message}`,
        reconnect: false,
      };
    }
    if (row.connection_status === 'reconnect_needed') {
      // Every snapshot of a refused channel would meet the same 401; ask once it is reconnected.
      return { kind: 'failed', errorKind: 'auth', message: 'The channel needs reconnecting', reconnect: false };
    }
    try {
      // Platforms whose tokens expire get them renewed first, once for all workers (as publishing does);
      // a refused renewal throws PlatformAuthError, settled below like any auth failure.
      const connection = adapter.refreshCredentials ? ((await this.credentials.fresh(row.channel_id)) ?? stored) : stored;
      const reading = await adapter.fetchMetrics({
        externalId: row.external_id,
        externalUrl: row.external_url,
        publishedAt: row.published_at,
        connection,
        timeoutMs: this.config.results.requestTimeoutMs,
      });
      return { kind: 'collected', reading };
    } catch (error) {
      const outcome = settleReadingFailure(error, {
        attempts: row.attempts,
        maxAttempts: this.config.results.maxAttempts,
        retryBaseMs: this.config.results.retryBaseMs,
        now: Date.now(),
      });
      if (outcome.kind === 'failed' && outcome.errorKind === 'error') {
        this.logger.error(
          `reading results failed unexpectedly: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
        );
      }
      return outcome;
    }
  }
}
