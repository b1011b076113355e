import { inject } from '@angular/core';
import { type CanActivateFn, type CanMatchFn, Router } from '@angular/router';

import { homeLink, loginLink, RETURN_URL_PARAM } from '../app-paths';
import { SessionStore } from './session.store';

/** Lets only logged-in users in; everyone else goes to the login page and comes back afterwards. */
export const sessionRequiredGuard: CanMatchFn = async (_route, segments) => {
  const router = inject(Router);
  const session = await inject(SessionStore).ensureLoaded();
  if (session) return true;
  const returnUrl = '/' + segments.map((segment) => segment.path).join('/');
  return router.createUrlTree(loginLink(), {
    queryParams: returnUrl === '/' ? {} : { [RETURN_URL_PARAM]: returnUrl },
  });
};

/** Keeps logged-in users away from the login page. */
export const guestOnlyGuard: CanActivateFn = async () => {
  const router = inject(Router);
  const session = await inject(SessionStore).ensureLoaded();
  return session ? router.createUrlTree(homeLink()) : true;
};
