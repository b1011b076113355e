import type { Routes } from '@angular/router';

import { UpcomingAreaPageComponent } from '../upcoming-area-page.component';

/** Not built yet: the page says what the area will do. */
export const REPORTS_ROUTES: Routes = [{ path: '', component: UpcomingAreaPageComponent, data: { area: 'reports' }, title: 'nav.reports' }];
