import { OrganizationItemParams } from '@kadens/api/core';
import { RequirePermission } from '@kadens/api/organizations';
import type { InitiativeView } from '@kadens/shared/contracts';
import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiTags } from '@nestjs/swagger';

import { CreateInitiativeDto, UpdateInitiativeDto } from './initiative.dto';
import { InitiativesService } from './initiatives.service';

@ApiTags('initiatives')
@Controller('organizations/:organizationId/initiatives')
export class InitiativesController {
  constructor(private readonly initiatives: InitiativesService) {}

  /** Every initiative, oldest first, with its channels and audiences. */
  @Get()
  @RequirePermission('strategy.read')
  list(@Param('organizationId') organizationId: string): Promise<InitiativeView[]> {
    return this.initiatives.list(organizationId);
  }

  @Get(':id')
  @RequirePermission('strategy.read')
  get(@Param() params: OrganizationItemParams): Promise<InitiativeView> {
    return this.initiatives.get(params.organizationId, params.id);
  }

  @Post()
  @RequirePermission('strategy.edit')
  @ApiBadRequestResponse({
    description: 'Invalid fields, or channelIds / audienceIds not of this organisation or archived (code unknown_reference).',
  })
  create(@Param('organizationId') organizationId: string, @Body() body: CreateInitiativeDto): Promise<InitiativeView> {
    return this.initiatives.create(organizationId, body);
  }

  /** Given channelIds or audienceIds replace the old ones; an audience archived since it was chosen may stay. */
  @Patch(':id')
  @RequirePermission('strategy.edit')
  @ApiBadRequestResponse({
    description: 'Invalid fields, or channelIds / audienceIds not of this organisation or archived (code unknown_reference).',
  })
  update(@Param() params: OrganizationItemParams, @Body() body: UpdateInitiativeDto): Promise<InitiativeView> {
    return this.initiatives.update(params.organizationId, params.id, body);
  }

  /** Only an initiative no post belongs to can be deleted; set the others to dropped. */
  @Delete(':id')
  @RequirePermission('strategy.edit')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiConflictResponse({ description: 'Posts belong to this initiative; set it to dropped instead (code initiative_in_use).' })
  remove(@Param() params: OrganizationItemParams): Promise<void> {
    return this.initiatives.remove(params.organizationId, params.id);
  }
}
