import { RequirePermission } from '@kadens/api/organizations';
import type { StrategyWorkload } from '@kadens/shared/contracts';
import { Controller, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

import { WorkloadService } from './workload.service';

@ApiTags('strategy')
@Controller('organizations/:organizationId/strategy/workload')
export class WorkloadController {
  constructor(private readonly workload: WorkloadService) {}

  /**
   * Hours per week of the active initiatives (and of the core ones among them) and of the ideas, against
   * the organisation's capacity; overCapacity when the active ones cost more (never when no capacity is set).
   */
  @Get()
  @RequirePermission('strategy.read')
  get(@Param('organizationId') organizationId: string): Promise<StrategyWorkload> {
    return this.workload.get(organizationId);
  }
}
