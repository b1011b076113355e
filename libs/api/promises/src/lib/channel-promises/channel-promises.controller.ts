import { OrganizationItemParams } from '@kadens/api/core';
import { RequirePermission } from '@kadens/api/organizations';
import type { ChannelPromisesView } from '@kadens/shared/contracts';
import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBadRequestResponse, ApiTags } from '@nestjs/swagger';

import { ChannelPromisesDto } from './channel-promises.dto';
import { ChannelPromisesService } from './channel-promises.service';

@ApiTags('promises')
@Controller('organizations/:organizationId/channels/:id/promises')
export class ChannelPromisesController {
  constructor(private readonly promises: ChannelPromisesService) {}

  /** The channel's cadence and service hours (null when it documents none). */
  @Get()
  @RequirePermission('strategy.read')
  get(@Param() params: OrganizationItemParams): Promise<ChannelPromisesView> {
    return this.promises.get(params.organizationId, params.id);
  }

  /** Replaces both promises. Opening hours are checked with the opening_hours parser for the organisation's country. */
  @Put()
  @RequirePermission('strategy.edit')
  @ApiBadRequestResponse({
    description:
      'A field is invalid: e.g. serviceHours.openingHours with the parser’s message, or a cadence minimum above its maximum (code invalid_promises).',
  })
  replace(@Param() params: OrganizationItemParams, @Body() body: ChannelPromisesDto): Promise<ChannelPromisesView> {
    return this.promises.replace(params.organizationId, params.id, body);
  }
}
