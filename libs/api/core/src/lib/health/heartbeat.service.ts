import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { rm, rename, writeFile } from 'node:fs/promises';

import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { HealthService } from './health.service';

/** How often the file is rewritten; `healthcheck.mjs` calls it stale after 30 s (six missed beats). */
export const HEARTBEAT_INTERVAL_MS = 5_000;

/**
 * A health check for processes without HTTP (workers, schedulers): while this process is ready (the
 * readiness check of HealthService passes), it rewrites HEALTH_FILE every few seconds; `healthcheck.mjs`
 * (shipped beside main.js) passes while the file is fresh. A process that hangs or loses what it needs
 * stops writing, and the container turns unhealthy. Off unless HEALTH_FILE is set.
 */
@Injectable()
export class HeartbeatService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Heartbeat');
  private timer: NodeJS.Timeout | null = null;
  private beating: Promise<void> | null = null;
  private lastStatus: string | null = null;
  private stopped = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly health: HealthService,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.healthFile) return;
    this.beat();
    this.timer = setInterval(() => this.beat(), HEARTBEAT_INTERVAL_MS);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.beating;
    // A stopped process is not healthy: leave no fresh file behind.
    if (this.config.healthFile) await rm(this.config.healthFile, { force: true });
  }

  private beat(): void {
    const file = this.config.healthFile;
    if (!file || this.beating || this.stopped) return;
    this.beating = (async () => {
      const view = await this.health.ready();
      if (view.status !== this.lastStatus) this.logger.log(`readiness: ${view.status} (database ${view.database}, redis ${view.redis})`);
      this.lastStatus = view.status;
      if (view.status !== 'ok' || this.stopped) return;
      const temporary = `${file}.${process.pid}.tmp`;
      await writeFile(temporary, `${JSON.stringify({ at: new Date().toISOString(), pid: process.pid, ...view })}\n`);
      await rename(temporary, file);
    })()
      .catch((error: unknown) => this.logger.warn(`cannot write ${file}: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => (this.beating = null));
  }
}
