import { OrganizationItemParams } from '@kadens/api/core';
import { RequirePermission } from '@kadens/api/organizations';
import type { ThemeView } from '@kadens/shared/contracts';
import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiTags } from '@nestjs/swagger';

import { ArchivedFilterQuery } from '../shared/archived-filter.dto';
import { CreateThemeDto, UpdateThemeDto } from './theme.dto';
import { ThemesService } from './themes.service';

@ApiTags('themes')
@Controller('organizations/:organizationId/themes')
export class ThemesController {
  constructor(private readonly themes: ThemesService) {}

  /** The organisation's themes by name; archived ones only when asked for. */
  @Get()
  @RequirePermission('strategy.read')
  list(@Param('organizationId') organizationId: string, @Query() query: ArchivedFilterQuery): Promise<ThemeView[]> {
    return this.themes.list(organizationId, query.includeArchived ?? false);
  }

  @Get(':id')
  @RequirePermission('strategy.read')
  get(@Param() params: OrganizationItemParams): Promise<ThemeView> {
    return this.themes.get(params.organizationId, params.id);
  }

  @Post()
  @RequirePermission('strategy.edit')
  @ApiConflictResponse({ description: 'Another theme has this name (code name_taken).' })
  create(@Param('organizationId') organizationId: string, @Body() body: CreateThemeDto): Promise<ThemeView> {
    return this.themes.create(organizationId, body);
  }

  /** Changes the name, colour or description, or archives (`archived: true`) and restores it. */
  @Patch(':id')
  @RequirePermission('strategy.edit')
  @ApiConflictResponse({ description: 'Another theme has this name (code name_taken).' })
  update(@Param() params: OrganizationItemParams, @Body() body: UpdateThemeDto): Promise<ThemeView> {
    return this.themes.update(params.organizationId, params.id, body);
  }

  /** Only a theme no post uses can be deleted; archive the others. */
  @Delete(':id')
  @RequirePermission('strategy.edit')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiConflictResponse({ description: 'Posts use this theme; archive it instead (code theme_in_use).' })
  remove(@Param() params: OrganizationItemParams): Promise<void> {
    return this.themes.remove(params.organizationId, params.id);
  }
}
