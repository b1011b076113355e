import type { Routes } from '@angular/router';

import { UpcomingAreaPageComponent } from '../upcoming-area-page.component';

/** Not built yet: the page says what the area will do. */
export const STRATEGY_ROUTES: Routes = [
  { path: '', component: UpcomingAreaPageComponent, data: { area: 'strategy' }, title: 'nav.strategy' },
];
