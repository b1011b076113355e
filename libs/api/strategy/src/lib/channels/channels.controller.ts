import { OrganizationItemParams } from '@kadens/api/core';
import { RequirePermission } from '@kadens/api/organizations';
import type { ChannelView } from '@kadens/shared/contracts';
import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiTags } from '@nestjs/swagger';

import { CreateChannelDto, UpdateChannelDto } from './channel.dto';
import { ChannelsService } from './channels.service';

@ApiTags('channels')
@Controller('organizations/:organizationId/channels')
export class ChannelsController {
  constructor(private readonly channels: ChannelsService) {}

  /** The organisation's channels by name. */
  @Get()
  @RequirePermission('strategy.read')
  list(@Param('organizationId') organizationId: string): Promise<ChannelView[]> {
    return this.channels.list(organizationId);
  }

  @Get(':id')
  @RequirePermission('strategy.read')
  get(@Param() params: OrganizationItemParams): Promise<ChannelView> {
    return this.channels.get(params.organizationId, params.id);
  }

  @Post()
  @RequirePermission('strategy.edit')
  @ApiBadRequestResponse({ description: 'Invalid fields, or a responsible person who is not a member (code not_a_member).' })
  @ApiConflictResponse({ description: 'Another channel has this name (code name_taken).' })
  create(@Param('organizationId') organizationId: string, @Body() body: CreateChannelDto): Promise<ChannelView> {
    return this.channels.create(organizationId, body);
  }

  /** Everything but the platform, which is fixed at creation. */
  @Patch(':id')
  @RequirePermission('strategy.edit')
  @ApiBadRequestResponse({
    description: 'Invalid fields (platform among them), or a responsible person who is not a member (code not_a_member).',
  })
  @ApiConflictResponse({ description: 'Another channel has this name (code name_taken).' })
  update(@Param() params: OrganizationItemParams, @Body() body: UpdateChannelDto): Promise<ChannelView> {
    return this.channels.update(params.organizationId, params.id, body);
  }

  /** Audiences that listed the channel just stop listing it. */
  @Delete(':id')
  @RequirePermission('strategy.edit')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiConflictResponse({ description: 'Posts or initiatives use this channel (code channel_in_use).' })
  remove(@Param() params: OrganizationItemParams): Promise<void> {
    return this.channels.remove(params.organizationId, params.id);
  }
}
