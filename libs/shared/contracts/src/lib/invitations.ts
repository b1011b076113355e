import type { OrganizationId } from './ids';
import type { Role } from './role';

export type InvitationId = string;

/** How long an invitation link works: from the invitation, or from the last time it was sent again. */
export const INVITATION_VALID_DAYS = 7;

/** An admin invites someone by e-mail (`POST …/organizations/{id}/invitations`). */
export interface InviteMemberRequest {
  email: string;
  role: Role;
  /** What to call a person who has no account yet; it fills in the name on the invitation page. */
  name?: string | null;
}

/**
 * A pending invitation, as the organisation's admins see it. The same whether or not the e-mail has an
 * account: it never says whose account it is.
 */
export interface InvitationView {
  id: InvitationId;
  email: string;
  role: Role;
  /** The name the admin typed, if any. */
  name: string | null;
  /** The admin who sent it last; null when they are no longer a member. */
  invitedByName: string | null;
  createdAt: string;
  /** Past this instant the link no longer works; the admin can send it again. */
  expiresAt: string;
}

/** An invitation waiting for the logged-in person (`GET /api/me/invitations`), matched by their e-mail. */
export interface MyInvitationView {
  id: InvitationId;
  organizationName: string;
  role: Role;
  invitedByName: string | null;
  expiresAt: string;
}

/** The token from an invitation link (`POST /api/invitations/lookup`). */
export interface InvitationTokenRequest {
  token: string;
}

/** What the invitation page shows about a link that still works. */
export interface InvitationPreview {
  email: string;
  organizationName: string;
  role: Role;
  /** The name the admin suggested, to fill in the form. */
  name: string | null;
  /** The e-mail already has an account: log in and accept in the app instead of setting a password. */
  accountExists: boolean;
  expiresAt: string;
}

/** A new person accepts with the link's token, choosing their name and password (`POST /api/invitations/accept`). */
export interface AcceptInvitationRequest {
  token: string;
  name: string;
  password: string;
}

/** Where an accepted invitation leads: the organisation just joined. */
export interface JoinedOrganizationView {
  organizationId: OrganizationId;
  organizationName: string;
  role: Role;
}
