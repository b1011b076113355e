import type { Routes } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';

import { REPORTS_SCOPE } from './i18n/reports-scope';

/**
 * The Reports page. The app mounts these under `/o/:organizationId/reports`, beside the evaluation
 * page's own routes (`REPORTS_EVALUATION_PATH`), which live in their own library.
 */
export const REPORTS_PAGE_ROUTES: Routes = [
  {
    path: '',
    pathMatch: 'full',
    providers: [provideTranslocoScope(REPORTS_SCOPE)],
    loadComponent: () => import('./page/reports-page.component').then((m) => m.ReportsPageComponent),
    title: 'nav.reports',
  },
];
