import { OrganizationItemParams } from '@kadens/api/core';
import { RequirePermission } from '@kadens/api/organizations';
import type { ContentTypeView } from '@kadens/shared/contracts';
import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiTags } from '@nestjs/swagger';

import { CreateContentTypeDto, ListContentTypesQuery, UpdateContentTypeDto } from './content-type.dto';
import { ContentTypesService } from './content-types.service';

@ApiTags('content types')
@Controller('organizations/:organizationId/content-types')
export class ContentTypesController {
  constructor(private readonly contentTypes: ContentTypesService) {}

  @Get()
  @RequirePermission('posts.read')
  list(@Param('organizationId') organizationId: string, @Query() query: ListContentTypesQuery): Promise<ContentTypeView[]> {
    return this.contentTypes.list(organizationId, query.includeArchived === 'true');
  }

  @Post()
  @RequirePermission('strategy.edit')
  @ApiConflictResponse({ description: 'The name is taken (name_taken).' })
  create(@Param('organizationId') organizationId: string, @Body() body: CreateContentTypeDto): Promise<ContentTypeView> {
    return this.contentTypes.create(organizationId, body);
  }

  @Patch(':id')
  @RequirePermission('strategy.edit')
  update(@Param() params: OrganizationItemParams, @Body() body: UpdateContentTypeDto): Promise<ContentTypeView> {
    return this.contentTypes.update(params.organizationId, params.id, body);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @RequirePermission('strategy.edit')
  @ApiConflictResponse({ description: 'Posts use it (content_type_in_use): archive it instead.' })
  remove(@Param() params: OrganizationItemParams): Promise<void> {
    return this.contentTypes.remove(params.organizationId, params.id);
  }
}
