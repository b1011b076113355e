import { inject } from '@angular/core';
import { type CanActivateFn, Router } from '@angular/router';

import { homeLink, loginLink, ORGANIZATION_ID_PARAM, organizationAreaLink, welcomeLink } from '../app-paths';
import { SessionStore } from '../session/session.store';
import { ActiveOrganization } from './active-organization.store';

/**
 * Where `/` leads: the login page, the welcome page for someone without an organisation, or the
 * remembered (else the first) organisation's calendar.
 */
export const homeRedirectGuard: CanActivateFn = async () => {
  const router = inject(Router);
  const activeOrganization = inject(ActiveOrganization);
  const session = await inject(SessionStore).ensureLoaded();
  if (!session) return router.createUrlTree(loginLink());
  const organizationId = activeOrganization.organizationId();
  return router.createUrlTree(organizationId ? organizationAreaLink(organizationId) : welcomeLink());
};

/** Makes the organisation in the URL the active one, or sends a non-member home. */
export const organizationMemberGuard: CanActivateFn = async (route) => {
  const router = inject(Router);
  const activeOrganization = inject(ActiveOrganization);
  await inject(SessionStore).ensureLoaded();
  const organizationId = route.paramMap.get(ORGANIZATION_ID_PARAM);
  if (organizationId && activeOrganization.isMemberOf(organizationId)) {
    activeOrganization.select(organizationId);
    return true;
  }
  return router.createUrlTree(homeLink());
};

/** The welcome page is for users who belong to no organisation yet. */
export const withoutOrganizationGuard: CanActivateFn = async () => {
  const router = inject(Router);
  const activeOrganization = inject(ActiveOrganization);
  await inject(SessionStore).ensureLoaded();
  const organizationId = activeOrganization.organizationId();
  return organizationId ? router.createUrlTree(organizationAreaLink(organizationId)) : true;
};
