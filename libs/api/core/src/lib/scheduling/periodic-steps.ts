import type { Logger } from '@nestjs/common';
import type { SchedulerRegistry } from '@nestjs/schedule';

/**
 * The steps a process runs on intervals — dispatchers, reconcilers, the rollup refresher, the digests:
 * each runs at once and then every `intervalMs`; a step still running when its next turn comes is not
 * started twice; a failure is logged as a warning and the next turn tries again. The intervals are
 * registered by name with @nestjs/schedule's SchedulerRegistry, and `stop()` (on module destroy) removes
 * exactly these.
 */
export class PeriodicSteps {
  private readonly busy = new Set<string>();
  private readonly names: string[] = [];

  constructor(
    private readonly scheduler: SchedulerRegistry,
    private readonly logger: Logger,
  ) {}

  every(name: string, intervalMs: number, step: () => Promise<unknown>): void {
    const run = () => {
      if (this.busy.has(name)) return;
      this.busy.add(name);
      step()
        .catch((error: unknown) => this.logger.warn(`${name}: ${error instanceof Error ? error.message : String(error)}`))
        .finally(() => this.busy.delete(name));
    };
    this.scheduler.addInterval(name, setInterval(run, intervalMs));
    this.names.push(name);
    run();
  }

  stop(): void {
    for (const name of this.names) if (this.scheduler.doesExist('interval', name)) this.scheduler.deleteInterval(name);
    this.names.length = 0;
  }
}
