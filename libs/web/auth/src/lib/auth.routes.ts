import type { Routes } from '@angular/router';
import { guestOnlyGuard } from '@kadens/web/data-access';

export const AUTH_ROUTES: Routes = [
  {
    path: '',
    canActivate: [guestOnlyGuard],
    loadComponent: () => import('./login-page/login-page.component').then((m) => m.LoginPageComponent),
    title: 'auth.login.title',
  },
];
