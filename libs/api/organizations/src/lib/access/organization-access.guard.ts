import type { AuthenticatedRequest } from '@kadens/api/core';
import { hasPermission, type Permission } from '@kadens/shared/rules';
import {
  BadRequestException,
  type CanActivate,
  type ExecutionContext,
  ForbiddenException,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import type { DataSource } from 'typeorm';

import { Membership } from '../members/membership.entity';
import { REQUIRED_PERMISSION } from './require-permission.decorator';

@Injectable()
export class OrganizationAccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const permission = this.reflector.getAllAndOverride<Permission | undefined>(REQUIRED_PERMISSION, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!permission) throw new Error('OrganizationAccessGuard needs @RequirePermission(...)');
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const organizationId = request.params['organizationId'];
    if (typeof organizationId !== 'string' || !isUUID(organizationId)) {
      throw new BadRequestException({
        message: 'organizationId: must be a UUID',
        code: 'validation_failed',
        errors: [{ field: 'organizationId', messages: ['must be a UUID'] }],
      });
    }
    const membership = request.user ? await this.db.getRepository(Membership).findOneBy({ organizationId, userId: request.user.id }) : null;
    if (!membership) throw new NotFoundException({ message: 'Organisation not found', code: 'organization_not_found' });
    if (!hasPermission(membership.role, permission)) {
      throw new ForbiddenException({ message: `Your role (${membership.role}) does not allow ${permission}`, code: 'permission_denied' });
    }
    request.organization = { organizationId, role: membership.role };
    return true;
  }
}
