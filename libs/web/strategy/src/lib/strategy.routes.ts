import type { Routes } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';

/** The strategy page; its texts come from their own translation scopes, `i18n/strategy/` and (connecting channels) `i18n/connect/`. */
export const STRATEGY_ROUTES: Routes = [
  {
    path: '',
    providers: [provideTranslocoScope('strategy', 'connect')],
    loadComponent: () => import('./strategy-page/strategy-page.component').then((m) => m.StrategyPageComponent),
    title: 'nav.strategy',
  },
];
