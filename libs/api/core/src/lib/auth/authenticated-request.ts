import type { Locale, Role } from '@kadens/shared/contracts';
import type { Request } from 'express';

export interface AuthUser {
  id: string;
  email: string;
  name: string;
  locale: Locale | null;
}

/** Set by the organisation guard once it has found the caller's membership. */
export interface OrganizationContext {
  organizationId: string;
  role: Role;
}

export interface AuthenticatedRequest extends Request {
  user?: AuthUser;
  sessionTokenHash?: string;
  organization?: OrganizationContext;
}
