import type { Translation } from '@jsverse/transloco';
import { LOCALES, type Locale } from '@kadens/shared/contracts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The app's translation files, as the browser fetches them (web/public/i18n). */
const I18N_DIR = join(__dirname, '../../../../../web/public/i18n');

export function readTranslation(file: string): Translation {
  return JSON.parse(readFileSync(join(I18N_DIR, file), 'utf8')) as Translation;
}

/** The real texts, root and the `public` scope, shaped for TranslocoTestingModule's `langs`. */
export function realTranslations(): Record<string, Translation> {
  return Object.fromEntries(
    LOCALES.flatMap((locale: Locale) => [
      [locale, readTranslation(`${locale}.json`)],
      [`public/${locale}`, readTranslation(`public/${locale}.json`)],
    ]),
  );
}
