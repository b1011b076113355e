import type { OrganizationId, UserId } from './ids';
import type { Locale } from './locale';
import type { Role } from './role';

export interface LoginRequest {
  email: string;
  password: string;
}

export interface UserView {
  id: UserId;
  email: string;
  name: string;
  /** The user's own language choice; null means "follow the organisation". */
  locale: Locale | null;
}

export interface MembershipView {
  organizationId: OrganizationId;
  organizationName: string;
  organizationSlug: string;
  organizationLocale: Locale;
  role: Role;
}

/** What the web needs after login: who you are and where you belong. */
export interface SessionView {
  user: UserView;
  memberships: MembershipView[];
}

export interface UpdateMeRequest {
  name?: string;
  locale?: Locale | null;
}
