import { OrganizationItemParams } from '@kadens/api/core';
import { RequirePermission } from '@kadens/api/organizations';
import type { AudienceView } from '@kadens/shared/contracts';
import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiTags } from '@nestjs/swagger';

import { ArchivedFilterQuery } from '../shared/archived-filter.dto';
import { CreateAudienceDto, UpdateAudienceDto } from './audience.dto';
import { AudiencesService } from './audiences.service';

@ApiTags('audiences')
@Controller('organizations/:organizationId/audiences')
export class AudiencesController {
  constructor(private readonly audiences: AudiencesService) {}

  /** The organisation's audiences by name, each with its channels; archived ones only when asked for. */
  @Get()
  @RequirePermission('strategy.read')
  list(@Param('organizationId') organizationId: string, @Query() query: ArchivedFilterQuery): Promise<AudienceView[]> {
    return this.audiences.list(organizationId, query.includeArchived ?? false);
  }

  @Get(':id')
  @RequirePermission('strategy.read')
  get(@Param() params: OrganizationItemParams): Promise<AudienceView> {
    return this.audiences.get(params.organizationId, params.id);
  }

  @Post()
  @RequirePermission('strategy.edit')
  @ApiBadRequestResponse({ description: 'Invalid fields, or channelIds not of this organisation (code unknown_reference).' })
  @ApiConflictResponse({ description: 'Another audience has this name (code name_taken).' })
  create(@Param('organizationId') organizationId: string, @Body() body: CreateAudienceDto): Promise<AudienceView> {
    return this.audiences.create(organizationId, body);
  }

  /** Given channelIds replace the old ones; `effectTarget: null` clears the target; `archived` archives or restores. */
  @Patch(':id')
  @RequirePermission('strategy.edit')
  @ApiBadRequestResponse({ description: 'Invalid fields, or channelIds not of this organisation (code unknown_reference).' })
  @ApiConflictResponse({ description: 'Another audience has this name (code name_taken).' })
  update(@Param() params: OrganizationItemParams, @Body() body: UpdateAudienceDto): Promise<AudienceView> {
    return this.audiences.update(params.organizationId, params.id, body);
  }

  /** Only an audience no post or initiative is for can be deleted; archive the others. */
  @Delete(':id')
  @RequirePermission('strategy.edit')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiConflictResponse({ description: 'Posts or initiatives are for this audience; archive it instead (code audience_in_use).' })
  remove(@Param() params: OrganizationItemParams): Promise<void> {
    return this.audiences.remove(params.organizationId, params.id);
  }
}
