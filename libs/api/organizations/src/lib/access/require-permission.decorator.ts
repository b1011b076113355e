import type { Permission } from '@kadens/shared/rules';
import { applyDecorators, SetMetadata, UseGuards } from '@nestjs/common';
import { ApiForbiddenResponse, ApiNotFoundResponse } from '@nestjs/swagger';

import { OrganizationAccessGuard } from './organization-access.guard';

export const REQUIRED_PERMISSION = 'kadens:requiredPermission';

/**
 * For routes under /organizations/:organizationId: the caller must be a member (else 404, so other
 * organisations stay invisible) whose role has the permission (else 403).
 */
export const RequirePermission = (permission: Permission) =>
  applyDecorators(
    SetMetadata(REQUIRED_PERMISSION, permission),
    UseGuards(OrganizationAccessGuard),
    ApiNotFoundResponse({ description: 'No such organisation, or you are not a member of it.' }),
    ApiForbiddenResponse({ description: `Your role lacks the permission ${permission}.` }),
  );
