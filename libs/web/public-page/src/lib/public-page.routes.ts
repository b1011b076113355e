import type { Routes } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';

/**
 * `/public/:slug`, for anyone: no guard, no shell. Its texts come from their own translation scope,
 * `i18n/public/<language>.json`, so a citizen's first load carries nothing of the logged-in app.
 */
export const PUBLIC_PAGE_ROUTES: Routes = [
  {
    path: ':slug',
    providers: [provideTranslocoScope('public')],
    loadComponent: () => import('./public-page/public-page.component').then((m) => m.PublicPageComponent),
  },
];
