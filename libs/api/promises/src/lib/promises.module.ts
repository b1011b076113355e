import { AuditModule } from '@kadens/api/audit';
import { OrganizationsModule } from '@kadens/api/organizations';
import { Module } from '@nestjs/common';

import { ChannelPromisesController } from './channel-promises/channel-promises.controller';
import { ChannelPromisesService } from './channel-promises/channel-promises.service';
import { PlanController } from './plan/plan.controller';
import { PlanCheckService } from './plan/plan-check.service';
import { PlanRulesService } from './plan/plan-rules.service';
import { PlanViewService } from './plan/plan-view.service';

@Module({
  imports: [OrganizationsModule, AuditModule],
  controllers: [ChannelPromisesController, PlanController],
  providers: [ChannelPromisesService, PlanRulesService, PlanViewService, PlanCheckService],
  exports: [PlanRulesService],
})
export class PromisesModule {}
