import type { Routes } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';

import { EXTERNAL_REVIEW_TOKEN_PARAM } from './external-review-page.component';

/** `/external-review/:token`, the link in the external review mail: no login, outside the shell. */
export const EXTERNAL_REVIEW_ROUTES: Routes = [
  {
    path: `:${EXTERNAL_REVIEW_TOKEN_PARAM}`,
    providers: [provideTranslocoScope({ scope: 'external-review', alias: 'externalReview' })],
    loadComponent: () => import('./external-review-page.component').then((m) => m.ExternalReviewPageComponent),
    title: 'externalReview.page.documentTitle',
  },
];
