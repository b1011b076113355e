import { AuditModule } from '@kadens/api/audit';
import { OrganizationsModule } from '@kadens/api/organizations';
import { PlatformsModule } from '@kadens/api/platforms';
import { ConnectionsModule } from '@kadens/api/publishing';
import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';

import { ResultsQueueModule } from './collection/queue/results-queue.module';
import { ReadingSettlement } from './collection/reading-settlement';
import { ResultsCollector } from './collection/results-collector';
import { ResultsDispatcher } from './collection/results-dispatcher';
import { ResultsReconciler } from './collection/results-reconciler';
import { ResultsRuntime } from './collection/results-runtime';
import { TargetResultsController } from './manual/target-results.controller';
import { TargetResultsService } from './manual/target-results.service';
import { ResultsPlanner } from './planning/results-planner';

/**
 * Results from the platforms (issue 13), scheduled the way publishing is: the planner gives every
 * published target its results row and snapshots, the dispatcher enqueues due snapshots, the collector
 * reads them with the channel's credentials (ConnectionsModule's), the reconciler repairs lost jobs; the
 * runtime starts them for this process's roles. The controller shows a target's results and takes the
 * numbers people enter.
 */
@Module({
  imports: [ScheduleModule.forRoot(), OrganizationsModule, AuditModule, PlatformsModule, ConnectionsModule, ResultsQueueModule],
  controllers: [TargetResultsController],
  providers: [
    ResultsPlanner,
    ResultsDispatcher,
    ResultsCollector,
    ReadingSettlement,
    ResultsReconciler,
    ResultsRuntime,
    TargetResultsService,
  ],
  exports: [ResultsPlanner, ResultsDispatcher, ResultsReconciler, ResultsQueueModule],
})
export class ResultsModule {}
