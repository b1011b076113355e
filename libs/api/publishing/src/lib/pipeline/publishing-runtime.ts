import { APP_CONFIG, type AppConfig, PeriodicSteps } from '@kadens/api/core';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';

import { Dispatcher } from './dispatcher';
import { PublishQueue } from './publish-job';
import { Publisher } from './publisher';
import { Reconciler } from './reconciler';

/**
 * Starts what this process's roles ask for: the scheduler role runs the dispatcher and the reconciler
 * on intervals (@nestjs/schedule); the worker role takes BullMQ jobs. Without Redis the queue lives in
 * this process, so whichever process dispatches also publishes.
 */
@Injectable()
export class PublishingRuntime implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Publishing');
  private readonly steps: PeriodicSteps;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly scheduler: SchedulerRegistry,
    private readonly queue: PublishQueue,
    private readonly dispatcher: Dispatcher,
    private readonly reconciler: Reconciler,
    private readonly publisher: Publisher,
  ) {
    this.steps = new PeriodicSteps(scheduler, this.logger);
  }

  onApplicationBootstrap(): void {
    const { roles, publishing } = this.config;
    if (this.queue.kind === 'in-process' || roles.includes('worker')) {
      // The platform calls (the publisher's slots) and the jobs claimed ahead of them.
      this.queue.startWorker((job) => this.publisher.handle(job), publishing.concurrency + publishing.claimAhead);
    }
    if (roles.includes('scheduler')) {
      this.steps.every('publishing.dispatch', publishing.dispatchIntervalMs, () => this.dispatcher.dispatchDue());
      this.steps.every('publishing.reconcile', publishing.reconcileIntervalMs, () => this.reconciler.reconcile());
    }
    this.logger.log(
      `publishing: ${this.queue.kind} queue; ${roles.includes('scheduler') ? 'dispatching' : 'not dispatching'}; ${this.queue.kind === 'in-process' || roles.includes('worker') ? `publishing ${publishing.concurrency} at a time, claiming ${publishing.claimAhead} ahead` : 'not publishing'}`,
    );
  }

  async onModuleDestroy(): Promise<void> {
    this.steps.stop();
    await this.queue.close();
  }
}
