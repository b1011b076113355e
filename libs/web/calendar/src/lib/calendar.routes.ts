import type { Routes } from '@angular/router';

export const CALENDAR_ROUTES: Routes = [
  {
    path: '',
    loadComponent: () => import('./calendar-page/calendar-page.component').then((m) => m.CalendarPageComponent),
    title: 'nav.calendar',
  },
];
