import type { OrganizationId, UserId } from '@kadens/shared/contracts';

/** The API's endpoints, same origin, under `/api`. */
export const API_PREFIX = '/api';

export const API_PATHS = {
  login: `${API_PREFIX}/auth/login`,
  logout: `${API_PREFIX}/auth/logout`,
  me: `${API_PREFIX}/me`,
  organizations: `${API_PREFIX}/organizations`,
  organization: (organizationId: OrganizationId) =>
    `${API_PREFIX}/organizations/${encodeURIComponent(organizationId)}`,
  members: (organizationId: OrganizationId) =>
    `${API_PREFIX}/organizations/${encodeURIComponent(organizationId)}/members`,
  member: (organizationId: OrganizationId, userId: UserId) =>
    `${API_PREFIX}/organizations/${encodeURIComponent(organizationId)}/members/${encodeURIComponent(userId)}`,
} as const;
