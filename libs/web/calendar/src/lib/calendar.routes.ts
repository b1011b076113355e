import type { Routes } from '@angular/router';
import { unsavedComposerGuard } from '@kadens/web/data-access';

export const CALENDAR_ROUTES: Routes = [
  {
    path: '',
    loadComponent: () => import('./calendar-page/calendar-page.component').then((m) => m.CalendarPageComponent),
    // The composer opens over the calendar: leaving with unsaved text in it asks first.
    canDeactivate: [unsavedComposerGuard],
    title: 'nav.calendar',
  },
];
