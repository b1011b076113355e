import type { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';

import type { ConnectionsService } from '../connections/connections.service';
import { type Outcome, settleOutcomes } from './delivery-settlement';
import { retryWhileDatabaseIsDown } from './retry-database';

const MAX_BATCH = 200;

interface Waiting {
  outcome: Outcome;
  done: (error?: unknown) => void;
}

/**
 * Outcomes that arrive while a batch is being recorded wait for the next one: one transaction for
 * everything that finished meanwhile. At low load a batch is a single outcome and nothing waits; in a
 * burst, 50 concurrent publishes settle in a handful of transactions. A batch that fails for another
 * reason than a lost database is recorded again one outcome at a time, so one bad row cannot hold the
 * others back.
 */
export class SettlementBatcher {
  private readonly waiting: Waiting[] = [];
  private running = false;

  constructor(
    private readonly db: DataSource,
    private readonly connections: ConnectionsService,
    private readonly logger: Logger,
  ) {}

  settle(outcome: Outcome): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ outcome, done: (error) => (error === undefined ? resolve() : reject(error)) });
      if (!this.running) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      while (this.waiting.length > 0) {
        const batch = this.waiting.splice(0, MAX_BATCH);
        await this.record(batch);
      }
    } finally {
      this.running = false;
    }
  }

  private async record(batch: Waiting[]): Promise<void> {
    try {
      await this.inTransaction(batch.map((w) => w.outcome));
      for (const w of batch) w.done();
      return;
    } catch (error) {
      if (batch.length === 1) {
        batch[0].done(error);
        return;
      }
      this.logger.warn(`recording ${batch.length} publish outcomes together failed (${error instanceof Error ? error.message : String(error)}); recording them one by one`);
    }
    for (const w of batch) {
      try {
        await this.inTransaction([w.outcome]);
        w.done();
      } catch (error) {
        w.done(error);
      }
    }
  }

  private inTransaction(outcomes: Outcome[]): Promise<void> {
    return retryWhileDatabaseIsDown(() => this.db.transaction((tx) => settleOutcomes(tx, this.connections, outcomes)), this.logger);
  }
}
