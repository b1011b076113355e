import type { Routes } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';
import { MEDIA_SCOPE } from '@kadens/web/data-access';

/** `/o/:organizationId/media`: the organisation's media library (texts in the `media` scope). */
export const MEDIA_LIBRARY_ROUTES: Routes = [
  {
    path: '',
    providers: [provideTranslocoScope(MEDIA_SCOPE)],
    loadComponent: () => import('./media-library-page.component').then((m) => m.MediaLibraryPageComponent),
    title: 'media.library.title',
  },
];
