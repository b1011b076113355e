import type { InvitationId, OrganizationId, UserId } from '@kadens/shared/contracts';

/** The API's endpoints, same origin, under `/api`. */
export const API_PREFIX = '/api';

export const API_PATHS = {
  login: `${API_PREFIX}/auth/login`,
  logout: `${API_PREFIX}/auth/logout`,
  logoutEverywhere: `${API_PREFIX}/auth/logout-everywhere`,
  passwordReset: `${API_PREFIX}/auth/password-reset`,
  passwordResetConfirm: `${API_PREFIX}/auth/password-reset/confirm`,
  myPassword: `${API_PREFIX}/me/password`,
  mySessions: `${API_PREFIX}/me/sessions`,
  mySession: (sessionId: string) => `${API_PREFIX}/me/sessions/${encodeURIComponent(sessionId)}`,
  me: `${API_PREFIX}/me`,
  organizations: `${API_PREFIX}/organizations`,
  organization: (organizationId: OrganizationId) => `${API_PREFIX}/organizations/${encodeURIComponent(organizationId)}`,
  members: (organizationId: OrganizationId) => `${API_PREFIX}/organizations/${encodeURIComponent(organizationId)}/members`,
  member: (organizationId: OrganizationId, userId: UserId) =>
    `${API_PREFIX}/organizations/${encodeURIComponent(organizationId)}/members/${encodeURIComponent(userId)}`,
  invitations: (organizationId: OrganizationId) => `${API_PREFIX}/organizations/${encodeURIComponent(organizationId)}/invitations`,
  invitation: (organizationId: OrganizationId, invitationId: InvitationId) =>
    `${API_PREFIX}/organizations/${encodeURIComponent(organizationId)}/invitations/${encodeURIComponent(invitationId)}`,
  myInvitations: `${API_PREFIX}/me/invitations`,
  myInvitation: (invitationId: InvitationId) => `${API_PREFIX}/me/invitations/${encodeURIComponent(invitationId)}`,
  invitationLookup: `${API_PREFIX}/invitations/lookup`,
  invitationAccept: `${API_PREFIX}/invitations/accept`,
} as const;
