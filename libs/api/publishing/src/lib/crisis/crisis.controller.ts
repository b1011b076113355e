import { CurrentMember, type CurrentMemberValue, RequirePermission } from '@kadens/api/organizations';
import type { PublishingStatus } from '@kadens/shared/contracts';
import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Put } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiTags } from '@nestjs/swagger';

import { CrisisService } from './crisis.service';
import { ChannelPauseParams, PauseDto } from './pause.dto';

/**
 * The crisis switch: stop everything (or one channel) from going out, now. Resuming releases nothing
 * by itself: targets that came due while paused stay held until a person publishes or reschedules them.
 */
@ApiTags('publishing')
@Controller('organizations/:organizationId')
export class CrisisController {
  constructor(private readonly crisis: CrisisService) {}

  /** Pauses, what they hold, how many targets need a person, and channels that need reconnecting (the banner on every page). */
  @Get('publishing/status')
  @RequirePermission('posts.read')
  status(@Param('organizationId') organizationId: string): Promise<PublishingStatus> {
    return this.crisis.status(organizationId);
  }

  /** Stops all publishing in the organisation. Pausing again changes the reason and keeps the start. */
  @Put('publishing/pause')
  @RequirePermission('publishing.pause')
  @ApiBadRequestResponse({ description: 'reason is missing, blank or longer than 500 characters.' })
  pause(
    @CurrentMember() member: CurrentMemberValue,
    @Param('organizationId') organizationId: string,
    @Body() body: PauseDto,
  ): Promise<PublishingStatus> {
    return this.crisis.pause({ organizationId }, member.user.id, body.reason);
  }

  /** Lets publishing run again; held targets stay held for a person to decide. */
  @Delete('publishing/pause')
  @HttpCode(HttpStatus.OK)
  @RequirePermission('publishing.pause')
  @ApiConflictResponse({ description: 'Publishing is not paused (code not_paused).' })
  resume(@CurrentMember() member: CurrentMemberValue, @Param('organizationId') organizationId: string): Promise<PublishingStatus> {
    return this.crisis.resume({ organizationId }, member.user.id);
  }

  /** Stops publishing on one channel. */
  @Put('channels/:channelId/publishing-pause')
  @RequirePermission('publishing.pause')
  @ApiBadRequestResponse({ description: 'reason is missing, blank or longer than 500 characters.' })
  pauseChannel(
    @CurrentMember() member: CurrentMemberValue,
    @Param() params: ChannelPauseParams,
    @Body() body: PauseDto,
  ): Promise<PublishingStatus> {
    return this.crisis.pause({ organizationId: params.organizationId, channelId: params.channelId }, member.user.id, body.reason);
  }

  @Delete('channels/:channelId/publishing-pause')
  @HttpCode(HttpStatus.OK)
  @RequirePermission('publishing.pause')
  @ApiConflictResponse({ description: 'Publishing on this channel is not paused (code not_paused).' })
  resumeChannel(@CurrentMember() member: CurrentMemberValue, @Param() params: ChannelPauseParams): Promise<PublishingStatus> {
    return this.crisis.resume({ organizationId: params.organizationId, channelId: params.channelId }, member.user.id);
  }
}
