import type { ModuleWithProviders } from '@angular/core';
import { type Translation, TRANSLOCO_TRANSPILER, TranslocoTestingModule } from '@jsverse/transloco';
import type { Locale } from '@kadens/shared/contracts';
import { IcuMessageTranspiler } from '@kadens/web/util';

/**
 * Transloco speaking only `locale`, with `langs` (the root texts under `locale`, a scope's under
 * `scope/locale`) loaded before the first render, and no warning for a key the test left out.
 */
export function translocoTesting(locale: Locale, langs: Record<string, Translation>): ModuleWithProviders<TranslocoTestingModule> {
  const testing = TranslocoTestingModule.forRoot({
    langs,
    translocoConfig: { availableLangs: [locale], defaultLang: locale, missingHandler: { logMissingKey: false } },
    preloadLangs: true,
  });
  // The app's plurals (ICU messages), as the app itself renders them.
  return { ...testing, providers: [...(testing.providers ?? []), { provide: TRANSLOCO_TRANSPILER, useClass: IcuMessageTranspiler }] };
}
