import { APP_CONFIG, type AppConfig, type AuthUser, CurrentUser, installationRights } from '@kadens/api/core';
import type { OrganizationView } from '@kadens/shared/contracts';
import { Body, Controller, ForbiddenException, Get, Inject, Param, Patch, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiTags } from '@nestjs/swagger';

import { RequirePermission } from '../access/require-permission.decorator';
import { CreateOrganizationDto, UpdateOrganizationDto } from './organization.dto';
import { OrganizationsService } from './organizations.service';

@ApiTags('organizations')
@Controller('organizations')
export class OrganizationsController {
  constructor(
    private readonly organizations: OrganizationsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Starts an organisation with you as its admin. Who may is an installation setting
   * (ORGANIZATION_CREATORS): the operators (OPERATOR_EMAILS, the default) or every logged-in person.
   */
  @Post()
  @ApiCreatedResponse({ description: 'Created; you are its admin.' })
  @ApiForbiddenResponse({
    description: "Only the installation's operators may create organisations here (code organization_creation_restricted).",
  })
  @ApiConflictResponse({ description: 'The slug is taken.' })
  create(@CurrentUser() user: AuthUser, @Body() body: CreateOrganizationDto): Promise<OrganizationView> {
    if (!installationRights(this.config, user.email).mayCreateOrganizations) {
      throw new ForbiddenException({
        message: 'On this installation only its operators may create organisations. Ask one of them to create it and add you as an admin.',
        code: 'organization_creation_restricted',
      });
    }
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
  update(
    @CurrentUser() user: AuthUser,
    @Param('organizationId') organizationId: string,
    @Body() body: UpdateOrganizationDto,
  ): Promise<OrganizationView> {
    return this.organizations.update(organizationId, user.id, body);
  }
}
