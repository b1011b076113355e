import { type AuthUser, CurrentUser } from '@kadens/api/core';
import type { OrganizationView } from '@kadens/shared/contracts';
import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';

import { RequirePermission } from '../access/require-permission.decorator';
import { CreateOrganizationDto, UpdateOrganizationDto } from './organization.dto';
import { OrganizationsService } from './organizations.service';

@ApiTags('organizations')
@Controller('organizations')
export class OrganizationsController {
  constructor(private readonly organizations: OrganizationsService) {}

  /** Any logged-in user may start an organisation and becomes its admin. */
  @Post()
  @ApiCreatedResponse({ description: 'Created; you are its admin.' })
  @ApiConflictResponse({ description: 'The slug is taken.' })
  create(@CurrentUser() user: AuthUser, @Body() body: CreateOrganizationDto): Promise<OrganizationView> {
    return this.organizations.create(user.id, body);
  }

  @Get(':organizationId')
  @RequirePermission('organization.read')
  get(@Param('organizationId') organizationId: string): Promise<OrganizationView> {
    return this.organizations.get(organizationId);
  }

  /** Name, slug, time zone, country (public holidays) and default language. Admins only. */
  @Patch(':organizationId')
  @RequirePermission('organization.update')
  @ApiConflictResponse({ description: 'The slug is taken.' })
  update(@CurrentUser() user: AuthUser, @Param('organizationId') organizationId: string, @Body() body: UpdateOrganizationDto): Promise<OrganizationView> {
    return this.organizations.update(organizationId, user.id, body);
  }
}
