import type { Routes } from '@angular/router';

import { UpcomingAreaPageComponent } from '../upcoming-area-page.component';

/** Not built yet: the page says what the area will do. */
export const CALENDAR_ROUTES: Routes = [
  { path: '', component: UpcomingAreaPageComponent, data: { area: 'calendar' }, title: 'nav.calendar' },
];
