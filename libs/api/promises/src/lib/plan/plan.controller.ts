import { OrganizationItemParams } from '@kadens/api/core';
import { RequirePermission } from '@kadens/api/organizations';
import type { NextFreeSlotView, PlanCheckView, StaffedPeriod, Violation } from '@kadens/shared/contracts';
import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { PlanCheckDto, PlanCheckViewDto } from './plan-check.dto';
import { PlanCheckService } from './plan-check.service';
import { ChannelsNextFreeSlotQueryDto, NextFreeSlotQueryDto, StaffedPeriodsQueryDto, ViolationsQueryDto } from './plan-query.dto';
import { PlanViewService } from './plan-view.service';

@ApiTags('promises')
@Controller('organizations/:organizationId')
export class PlanController {
  constructor(
    private readonly plan: PlanViewService,
    private readonly planCheck: PlanCheckService,
  ) {}

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

  /**
   * What a save of these planned values would be told by the promise checks — asked while the person
   * is still choosing; nothing is written, and the save still decides.
   */
  @Post('calendar/check')
  @HttpCode(HttpStatus.OK)
  @RequirePermission('posts.edit')
  @ApiOkResponse({ type: PlanCheckViewDto })
  @ApiBadRequestResponse({ description: 'A field is invalid; errors name it.' })
  @ApiNotFoundResponse({ description: 'A channel, the content type or the post is not this organisation’s.' })
  @ApiForbiddenResponse({ description: 'The role may not edit posts.' })
  async check(@Param('organizationId') organizationId: string, @Body() body: PlanCheckDto): Promise<PlanCheckView> {
    return { violations: await this.planCheck.check(organizationId, body) };
  }

  /** The next time that breaks no blocking rule on any of the channels, preferring their preferred slots. */
  @Get('calendar/next-free-slot')
  @RequirePermission('posts.read')
  @ApiNotFoundResponse({ description: 'A channel is not this organisation’s (code channel_not_found).' })
  nextFreeSlotOnChannels(
    @Param('organizationId') organizationId: string,
    @Query() query: ChannelsNextFreeSlotQueryDto,
  ): Promise<NextFreeSlotView> {
    return this.plan.nextFreeSlotOnChannels(organizationId, query.channelIds, {
      from: query.from ?? new Date().toISOString(),
      invitesDialogue: query.invitesDialogue === 'true',
      postId: query.postId,
    });
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
