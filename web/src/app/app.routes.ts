import type { Routes } from '@angular/router';
import {
  APP_PATHS,
  homeRedirectGuard,
  MEDIA_LIBRARY_PATH,
  ORGANIZATION_ID_PARAM,
  organizationMemberGuard,
  provideComposer,
  sessionRequiredGuard,
  withoutOrganizationGuard,
} from '@kadens/web/data-access';

export const APP_ROUTES: Routes = [
  { path: '', pathMatch: 'full', canActivate: [homeRedirectGuard], children: [] },
  {
    path: APP_PATHS.login,
    loadChildren: () => import('@kadens/web/auth').then((m) => m.AUTH_ROUTES),
  },
  {
    path: APP_PATHS.forgotPassword,
    loadChildren: () => import('@kadens/web/account').then((m) => m.FORGOT_PASSWORD_ROUTES),
  },
  {
    path: APP_PATHS.resetPassword,
    loadChildren: () => import('@kadens/web/account').then((m) => m.RESET_PASSWORD_ROUTES),
  },
  {
    path: APP_PATHS.account,
    canMatch: [sessionRequiredGuard],
    loadChildren: () => import('@kadens/web/account').then((m) => m.ACCOUNT_ROUTES),
  },
  // For anyone, logged in or not: no guard, no shell.
  {
    path: APP_PATHS.publicPage,
    loadChildren: () => import('@kadens/web/public-page').then((m) => m.PUBLIC_PAGE_ROUTES),
  },
  // The invitation e-mail's link: someone new sets a password, someone with an account is sent to log in.
  {
    path: APP_PATHS.invitation,
    loadChildren: () => import('./invitation/invitation.routes').then((m) => m.INVITATION_ROUTES),
  },
  // The external review e-mail's link: an outside person signs off one post, without an account.
  {
    path: APP_PATHS.externalReview,
    loadChildren: () => import('./external-review/external-review.routes').then((m) => m.EXTERNAL_REVIEW_ROUTES),
  },
  {
    path: APP_PATHS.welcome,
    canMatch: [sessionRequiredGuard],
    canActivate: [withoutOrganizationGuard],
    loadComponent: () => import('./welcome/welcome-page.component').then((m) => m.WelcomePageComponent),
    title: 'welcome.title',
  },
  {
    path: `${APP_PATHS.organization}/:${ORGANIZATION_ID_PARAM}`,
    canMatch: [sessionRequiredGuard],
    canActivate: [organizationMemberGuard],
    loadComponent: () => import('./shell/shell.component').then((m) => m.ShellComponent),
    // Every page of the organisation can open the composer; its code loads the first time one does.
    providers: [provideComposer(() => import('@kadens/web/composer').then((m) => m.ComposerLauncher))],
    children: [
      { path: '', pathMatch: 'full', redirectTo: APP_PATHS.calendar },
      {
        path: APP_PATHS.calendar,
        loadChildren: () => import('./areas/calendar/calendar.routes').then((m) => m.CALENDAR_ROUTES),
      },
      {
        path: APP_PATHS.approvals,
        loadChildren: () => import('./areas/approvals/approvals.routes').then((m) => m.APPROVALS_ROUTES),
      },
      {
        path: APP_PATHS.publishing,
        loadChildren: () => import('./areas/publishing/publishing.routes').then((m) => m.PUBLISHING_ROUTES),
      },
      {
        path: APP_PATHS.strategy,
        loadChildren: () => import('./areas/strategy/strategy.routes').then((m) => m.STRATEGY_ROUTES),
      },
      {
        path: APP_PATHS.reports,
        loadChildren: () => import('./areas/reports/reports.routes').then((m) => m.REPORTS_ROUTES),
      },
      {
        path: MEDIA_LIBRARY_PATH,
        loadChildren: () => import('@kadens/web/settings').then((m) => m.MEDIA_LIBRARY_ROUTES),
      },
      {
        path: APP_PATHS.settings,
        loadChildren: () => import('@kadens/web/settings').then((m) => m.SETTINGS_ROUTES),
      },
    ],
  },
  { path: '**', redirectTo: '' },
];
