import type { Routes } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';

/** The strategy page; its texts come from their own translation scope, `i18n/strategy/<language>.json`. */
export const STRATEGY_ROUTES: Routes = [
  {
    path: '',
    providers: [provideTranslocoScope('strategy')],
    loadComponent: () => import('./strategy-page/strategy-page.component').then((m) => m.StrategyPageComponent),
    title: 'nav.strategy',
  },
];
