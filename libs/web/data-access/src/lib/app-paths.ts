import type { OrganizationId } from '@kadens/shared/contracts';

/**
 * Every route path of the web app. Routes, links and redirects read from here so that a path is
 * spelled exactly once.
 */
export const APP_PATHS = {
  login: 'login',
  welcome: 'welcome',
  organization: 'o',
  calendar: 'calendar',
  approvals: 'approvals',
  publishing: 'publishing',
  strategy: 'strategy',
  reports: 'reports',
  settings: 'settings',
  publicPage: 'public',
  account: 'account',
  forgotPassword: 'forgot-password',
  /** The API's reset mail links here: `${PUBLIC_URL}/reset-password?token=…`. */
  resetPassword: 'reset-password',
  invitation: 'invitation',
  /** The external review mail links here: `${PUBLIC_URL}/external-review/{token}`. */
  externalReview: 'external-review',
} as const;

/** The route parameter that carries the active organisation's id (`/o/:organizationId/...`). */
export const ORGANIZATION_ID_PARAM = 'organizationId';

/** The query parameter of the invitation link (`/invitation?token=…`) that carries its token. */
export const INVITATION_TOKEN_PARAM = 'token';

/** The query parameter of the reset link (`/reset-password?token=…`) that carries its token. */
export const RESET_TOKEN_PARAM = 'token';

/** Set on the login page after a new password was set from a reset link, so it can say so. */
export const PASSWORD_RESET_DONE_PARAM = 'passwordReset';

/** The query parameter that remembers where to go after logging in. */
export const RETURN_URL_PARAM = 'returnUrl';

/** The areas inside an organisation, in the order the navigation shows them. */
export const ORGANIZATION_AREAS = ['calendar', 'approvals', 'strategy', 'reports', 'settings'] as const;
export type OrganizationArea = (typeof ORGANIZATION_AREAS)[number];

/** The area an organisation opens on. */
const DEFAULT_ORGANIZATION_AREA: OrganizationArea = 'calendar';

/** The app's entry, which sends everyone on to where they belong (see `homeRedirectGuard`). */
export function homeLink(): string[] {
  return ['/'];
}

export function loginLink(): string[] {
  return ['/', APP_PATHS.login];
}

export function welcomeLink(): string[] {
  return ['/', APP_PATHS.welcome];
}

export function organizationAreaLink(organizationId: OrganizationId, area: OrganizationArea = DEFAULT_ORGANIZATION_AREA): string[] {
  return ['/', APP_PATHS.organization, organizationId, APP_PATHS[area]];
}

export function accountLink(): string[] {
  return ['/', APP_PATHS.account];
}

export function forgotPasswordLink(): string[] {
  return ['/', APP_PATHS.forgotPassword];
}
