import { APP_CONFIG, type AppConfig } from '@kadens/api/core';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';

import { ResultsPlanner } from '../planning/results-planner';
import { ResultsQueue } from './queue/results-job';
import { ResultsCollector } from './results-collector';
import { ResultsDispatcher } from './results-dispatcher';
import { ResultsReconciler } from './results-reconciler';

const STEPS = ['results.plan', 'results.dispatch', 'results.reconcile'] as const;

/**
 * Starts what this process's roles ask for, as publishing's runtime does: the scheduler role plans
 * newly published targets, dispatches due snapshots and reconciles lost jobs on intervals; the worker
 * role reads results from the queue. Without Redis the queue lives in this process, so whichever
 * process dispatches also reads.
 */
@Injectable()
export class ResultsRuntime implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Results');
  private readonly busy = new Set<string>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly scheduler: SchedulerRegistry,
    private readonly queue: ResultsQueue,
    private readonly planner: ResultsPlanner,
    private readonly dispatcher: ResultsDispatcher,
    private readonly reconciler: ResultsReconciler,
    private readonly collector: ResultsCollector,
  ) {}

  onApplicationBootstrap(): void {
    const { roles, results } = this.config;
    const reading = this.queue.kind === 'in-process' || roles.includes('worker');
    if (reading) this.queue.startWorker((job) => this.collector.handle(job), results.concurrency);
    if (roles.includes('scheduler')) {
      this.every('results.plan', results.planIntervalMs, () => this.planner.plan());
      this.every('results.dispatch', results.dispatchIntervalMs, () => this.dispatcher.dispatchDue());
      this.every('results.reconcile', results.reconcileIntervalMs, () => this.reconciler.reconcile());
    }
    this.logger.log(
      `results: ${this.queue.kind} queue; ${roles.includes('scheduler') ? 'planning and dispatching' : 'not dispatching'}; ${reading ? `reading ${results.concurrency} at a time` : 'not reading'}; stages ${results.stages.map((stage) => stage.label).join(', ')}`,
    );
  }

  async onModuleDestroy(): Promise<void> {
    for (const name of STEPS) if (this.scheduler.doesExist('interval', name)) this.scheduler.deleteInterval(name);
    await this.queue.close();
  }

  /** Runs the step now and then on an interval; a step still running when the next is due is not started twice. */
  private every(name: (typeof STEPS)[number], intervalMs: number, step: () => Promise<unknown>): void {
    const run = () => {
      if (this.busy.has(name)) return;
      this.busy.add(name);
      step()
        .catch((error: unknown) => this.logger.warn(`${name}: ${error instanceof Error ? error.message : String(error)}`))
        .finally(() => this.busy.delete(name));
    };
    this.scheduler.addInterval(name, setInterval(run, intervalMs));
    run();
  }
}
