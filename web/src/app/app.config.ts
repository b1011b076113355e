import { provideHttpClient, withFetch, withInterceptors } from '@angular/common/http';
import { type ApplicationConfig, ErrorHandler, provideBrowserGlobalErrorListeners, provideZonelessChangeDetection } from '@angular/core';
import { MAT_FORM_FIELD_DEFAULT_OPTIONS } from '@angular/material/form-field';
import { provideRouter, RouteReuseStrategy, TitleStrategy, withComponentInputBinding } from '@angular/router';
import {
  apiRequestInterceptor,
  OrganizationRouteReuseStrategy,
  provideTranslations,
  TranslatedTitleStrategy,
} from '@kadens/web/data-access';
import { provideIcuMessages } from '@kadens/web/util';

import { AppErrorHandler } from './app-error-handler';
import { APP_ROUTES } from './app.routes';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    { provide: ErrorHandler, useClass: AppErrorHandler },
    provideZonelessChangeDetection(),
    provideRouter(APP_ROUTES, withComponentInputBinding()),
    { provide: TitleStrategy, useClass: TranslatedTitleStrategy },
    { provide: RouteReuseStrategy, useClass: OrganizationRouteReuseStrategy },
    provideHttpClient(withFetch(), withInterceptors([apiRequestInterceptor])),
    provideTranslations(),
    // After Transloco: plural forms through ICU messages (`{count, plural, one {…} other {…}}`).
    provideIcuMessages(),
    { provide: MAT_FORM_FIELD_DEFAULT_OPTIONS, useValue: { appearance: 'outline' } },
  ],
};
