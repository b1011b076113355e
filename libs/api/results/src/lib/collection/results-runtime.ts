import { APP_CONFIG, type AppConfig, PeriodicSteps } from '@kadens/api/core';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';

import { ResultsPlanner } from '../planning/results-planner';
import { ResultsQueue } from './queue/results-job';
import { ResultsCollector } from './results-collector';
import { ResultsDispatcher } from './results-dispatcher';
import { ResultsReconciler } from './results-reconciler';

/**
 * Starts what this process's roles ask for, as publishing's runtime does: the scheduler role plans
 * newly published targets, dispatches due snapshots and reconciles lost jobs on intervals; the worker
 * role reads results from the queue. Without Redis the queue lives in this process, so whichever
 * process dispatches also reads.
 */
@Injectable()
export class ResultsRuntime implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Results');
  private readonly steps: PeriodicSteps;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly scheduler: SchedulerRegistry,
    private readonly queue: ResultsQueue,
    private readonly planner: ResultsPlanner,
    private readonly dispatcher: ResultsDispatcher,
    private readonly reconciler: ResultsReconciler,
    private readonly collector: ResultsCollector,
  ) {
    this.steps = new PeriodicSteps(scheduler, this.logger);
  }

  onApplicationBootstrap(): void {
    const { roles, results } = this.config;
    const reading = this.queue.kind === 'in-process' || roles.includes('worker');
    if (reading) this.queue.startWorker((job) => this.collector.handle(job), results.concurrency);
    if (roles.includes('scheduler')) {
      this.steps.every('results.plan', results.planIntervalMs, () => this.planner.plan());
      this.steps.every('results.dispatch', results.dispatchIntervalMs, () => this.dispatcher.dispatchDue());
      this.steps.every('results.reconcile', results.reconcileIntervalMs, () => this.reconciler.reconcile());
    }
    this.logger.log(
      `results: ${this.queue.kind} queue; ${roles.includes('scheduler') ? 'planning and dispatching' : 'not dispatching'}; ${reading ? `reading ${results.concurrency} at a time` : 'not reading'}; stages ${results.stages.map((stage) => stage.label).join(', ')}`,
    );
  }

  async onModuleDestroy(): Promise<void> {
    this.steps.stop();
    await this.queue.close();
  }
}
