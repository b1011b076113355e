import type { Routes } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';
import { unsavedComposerGuard } from '@kadens/web/data-access';

import { PUBLISHING_SCOPE } from './i18n/publishing-scope';

/** The publishing area: the needs-attention list (and, filtered by `?reason=held`, the held list). */
export const PUBLISHING_ROUTES: Routes = [
  {
    path: '',
    providers: [provideTranslocoScope(PUBLISHING_SCOPE)],
    loadComponent: () => import('./attention/attention-page.component').then((m) => m.AttentionPageComponent),
    // A post opens in the composer from here: leaving with unsaved text asks first.
    canDeactivate: [unsavedComposerGuard],
    title: 'publishing.attention.title',
  },
];
