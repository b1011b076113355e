import { HttpErrorResponse, HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { TranslocoService } from '@jsverse/transloco';
import { catchError, throwError } from 'rxjs';

import { loginLink, RETURN_URL_PARAM } from '../app-paths';
import { PUBLIC_API_PREFIX } from '../public/public-availability.api';
import { SessionStore } from '../session/session.store';
import { API_PATHS, API_PREFIX } from './api-paths';

/**
 * Every call to the API carries the session cookie (which the web never sees, it is httpOnly) and the
 * active language. A 401 on anything but the login itself, the session probe or the public pages' calls
 * means the session ended: forget it and go to the login page, remembering where the user was.
 */
export const apiRequestInterceptor: HttpInterceptorFn = (request, next) => {
  if (!request.url.startsWith(`${API_PREFIX}/`)) {
    return next(request);
  }
  const session = inject(SessionStore);
  const router = inject(Router);
  const transloco = inject(TranslocoService);
  const apiRequest = request.clone({
    withCredentials: true,
    setHeaders: { 'Accept-Language': transloco.getActiveLang() },
  });
  return next(apiRequest).pipe(
    catchError((error: unknown) => {
      if (error instanceof HttpErrorResponse && error.status === 401 && !isAnAnswerNotAnExpiry(request.method, request.url)) {
        const returnUrl = router.url;
        session.forget();
        void router.navigate(loginLink(), {
          queryParams: returnUrl && returnUrl !== '/' ? { [RETURN_URL_PARAM]: returnUrl } : {},
        });
      }
      return throwError(() => error);
    }),
  );
};

/**
 * A 401 from these is an answer, not an expired session. The public calls never need a session: their
 * visitors are citizens, who must never be sent to a login page.
 */
function isAnAnswerNotAnExpiry(method: string, url: string): boolean {
  return (
    url === API_PATHS.login || url === API_PATHS.logout || (method === 'GET' && url === API_PATHS.me) || url.startsWith(PUBLIC_API_PREFIX)
  );
}
