import type { Routes } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';

import { INVITATIONS_SCOPE } from './i18n/invitations-scope';

/** `/invitation?token=…`, the link in the invitation e-mail: for anyone, logged in or not, outside the shell. */
export const INVITATION_ROUTES: Routes = [
  {
    path: '',
    providers: [provideTranslocoScope(INVITATIONS_SCOPE)],
    loadComponent: () => import('./invitation-page/invitation-page.component').then((m) => m.InvitationPageComponent),
    title: 'invitations.page.title',
  },
];
