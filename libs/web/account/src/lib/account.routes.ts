import type { Routes } from '@angular/router';
import { guestOnlyGuard } from '@kadens/web/data-access';

/** `/account`: the app's routes put it behind `sessionRequiredGuard`. */
export const ACCOUNT_ROUTES: Routes = [
  {
    path: '',
    loadComponent: () => import('./account-page/account-page.component').then((m) => m.AccountPageComponent),
    title: 'shell.account',
  },
];

/** `/forgot-password`: for people who are not logged in. */
export const FORGOT_PASSWORD_ROUTES: Routes = [
  {
    path: '',
    canActivate: [guestOnlyGuard],
    loadComponent: () => import('./forgot-password/forgot-password-page.component').then((m) => m.ForgotPasswordPageComponent),
    title: 'auth.forgotPassword.title',
  },
];

/** `/reset-password?token=…`: open to anyone holding a link, logged in or not. */
export const RESET_PASSWORD_ROUTES: Routes = [
  {
    path: '',
    loadComponent: () => import('./reset-password/reset-password-page.component').then((m) => m.ResetPasswordPageComponent),
    title: 'auth.resetPassword.title',
  },
];
