import { DOCUMENT } from '@angular/common';
import { HttpClient } from '@angular/common/http';
import { type EnvironmentProviders, inject, Injectable, isDevMode, provideAppInitializer } from '@angular/core';
import { provideTransloco, type Translation, type TranslocoLoader } from '@jsverse/transloco';
import { LOCALES } from '@kadens/shared/contracts';

import { APP_PATHS } from '../app-paths';
import { SessionStore } from '../session/session.store';
import { LanguageService } from './language.service';
import { FALLBACK_LOCALE } from './locale-resolution';

/** Fetches `i18n/<locale>.json` from the app's own public folder. */
@Injectable({ providedIn: 'root' })
class TranslationHttpLoader implements TranslocoLoader {
  private readonly http = inject(HttpClient);

  getTranslation(locale: string) {
    return this.http.get<Translation>(`i18n/${locale}.json`);
  }
}

/**
 * Transloco, switching language at runtime, plus a start-up step that learns who is logged in and loads
 * that person's language before the first screen is drawn.
 */
export function provideTranslations(): EnvironmentProviders[] {
  return [
    ...provideTransloco({
      config: {
        availableLangs: [...LOCALES],
        defaultLang: FALLBACK_LOCALE,
        reRenderOnLangChange: true,
        prodMode: !isDevMode(),
        missingHandler: { logMissingKey: isDevMode() },
      },
      loader: TranslationHttpLoader,
    }),
    provideAppInitializer(async () => {
      const session = inject(SessionStore);
      const language = inject(LanguageService);
      // The public page speaks its own language (`?lang=`) to anyone, so it does not ask who is logged in.
      if (!isPublicPage(inject(DOCUMENT).location.pathname)) await session.ensureLoaded();
      await language.preload();
    }),
  ];
}

function isPublicPage(pathname: string): boolean {
  return pathname === `/${APP_PATHS.publicPage}` || pathname.startsWith(`/${APP_PATHS.publicPage}/`);
}
