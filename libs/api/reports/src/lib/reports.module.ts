import { OrganizationsModule } from '@kadens/api/organizations';
import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';

import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';
import { RollupRuntime } from './rollups/rollup-runtime';

/** Reports (issue 13): the summary and the per-post list (JSON and CSV) from daily rollups of target_results. */
@Module({
  imports: [ScheduleModule.forRoot(), OrganizationsModule],
  controllers: [ReportsController],
  providers: [ReportsService, RollupRuntime],
})
export class ReportsModule {}
