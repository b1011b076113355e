import { OrganizationItemParams } from '@kadens/api/core';
import { RequirePermission } from '@kadens/api/organizations';
import type { NextFreeSlotView, StaffedPeriod, Violation } from '@kadens/shared/contracts';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

import { NextFreeSlotQueryDto, StaffedPeriodsQueryDto, ViolationsQueryDto } from './plan-query.dto';
import { PlanViewService } from './plan-view.service';

@ApiTags('promises')
@Controller('organizations/:organizationId')
export class PlanController {
  constructor(private readonly plan: PlanViewService) {}

  /** Broken promises in a range: blocking rules and warnings (thin weeks, silences) per channel. */
  @Get('calendar/violations')
  @RequirePermission('posts.read')
  violations(@Param('organizationId') organizationId: string, @Query() query: ViolationsQueryDto): Promise<Violation[]> {
    return this.plan.violations(organizationId, query.from, query.to, query.channelIds);
  }

  /** When each channel is staffed in a range (at most 62 days), in the organisation's zone and holidays. */
  @Get('calendar/staffed-periods')
  @RequirePermission('posts.read')
  staffedPeriods(@Param('organizationId') organizationId: string, @Query() query: StaffedPeriodsQueryDto): Promise<StaffedPeriod[]> {
    return this.plan.staffedPeriods(organizationId, query.from, query.to, query.channelIds);
  }

  /** The next time that breaks none of the channel's blocking rules, preferring its preferred slots. */
  @Get('channels/:id/next-free-slot')
  @RequirePermission('posts.read')
  nextFreeSlot(@Param() params: OrganizationItemParams, @Query() query: NextFreeSlotQueryDto): Promise<NextFreeSlotView> {
    return this.plan.nextFreeSlot(params.organizationId, params.id, {
      from: query.from ?? new Date().toISOString(),
      invitesDialogue: query.invitesDialogue === 'true',
      postId: query.postId,
    });
  }
}
