import type { Routes } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';

export const SETTINGS_ROUTES: Routes = [
  {
    path: '',
    // The operators' link to the platforms page speaks from the `connect` scope.
    providers: [provideTranslocoScope('connect')],
    loadComponent: () => import('./settings-page/settings-page.component').then((m) => m.SettingsPageComponent),
    title: 'nav.settings',
  },
  {
    // The installation's operators: which platforms can be signed in with (texts in the `connect` scope).
    path: 'platforms',
    providers: [provideTranslocoScope('connect')],
    loadComponent: () => import('./platforms/platform-settings-page.component').then((m) => m.PlatformSettingsPageComponent),
    title: 'nav.settings',
  },
];
