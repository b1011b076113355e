import type { Routes } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';

import { PUBLISHING_SCOPE } from './i18n/publishing-scope';

/** The publishing area: the needs-attention list (and, filtered by `?reason=held`, the held list). */
export const PUBLISHING_ROUTES: Routes = [
  {
    path: '',
    providers: [provideTranslocoScope(PUBLISHING_SCOPE)],
    loadComponent: () => import('./attention/attention-page.component').then((m) => m.AttentionPageComponent),
    title: 'publishing.attention.title',
  },
];
