import type { AuthenticatedRequest, AuthUser } from '@kadens/api/core';
import type { Role } from '@kadens/shared/contracts';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';

export interface CurrentMemberValue {
  user: AuthUser;
  role: Role;
}

/** The caller and their role in the route's organisation; needs @RequirePermission on the route. */
export const CurrentMember = createParamDecorator((_data: unknown, context: ExecutionContext): CurrentMemberValue => {
  const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
  if (!request.user || !request.organization) throw new Error('CurrentMember needs @RequirePermission(...) on the route');
  return { user: request.user, role: request.organization.role };
});
