import { APP_CONFIG, type AppConfig, PeriodicSteps } from '@kadens/api/core';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

import { refreshRollups } from './refresh-rollups';

/** How often the scheduler brings the rollups up to date: new numbers show in reports within about this long. */
export const ROLLUP_INTERVAL_MS = 20_000;
const INTERVAL_NAME = 'reports.rollups';

/**
 * Under the scheduler role, rebuilds the rollups of days with new numbers on an interval (@nestjs/schedule),
 * like publishing's dispatcher; a round still running when the next is due is not started twice, and a
 * second scheduler process waits on the same advisory lock rather than rebuilding a day twice.
 */
@Injectable()
export class RollupRuntime implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Reports');
  private readonly steps: PeriodicSteps;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    scheduler: SchedulerRegistry,
    @InjectDataSource() private readonly db: DataSource,
  ) {
    this.steps = new PeriodicSteps(scheduler, this.logger);
  }

  onApplicationBootstrap(): void {
    if (!this.config.roles.includes('scheduler')) return;
    this.steps.every(INTERVAL_NAME, ROLLUP_INTERVAL_MS, async () => {
      const { days } = await refreshRollups(this.db);
      if (days > 0) this.logger.debug(`rollups: ${days} day(s) rebuilt`);
    });
  }

  onModuleDestroy(): void {
    this.steps.stop();
  }
}
