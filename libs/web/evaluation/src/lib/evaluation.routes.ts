import type { Routes } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';

import { EVALUATION_SCOPE } from './i18n/evaluation-scope';

/** The evaluation page; the app mounts it at `/o/:organizationId/reports/evaluation` (beside the Reports page). */
export const EVALUATION_PAGE_ROUTES: Routes = [
  {
    path: '',
    pathMatch: 'full',
    providers: [provideTranslocoScope(EVALUATION_SCOPE)],
    loadComponent: () => import('./page/evaluation-page.component').then((m) => m.EvaluationPageComponent),
    title: 'nav.reports',
  },
];
