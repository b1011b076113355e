import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { Locale } from '@kadens/shared/contracts';

/** The media scope's texts as the app serves them: `web/public/i18n/media/<locale>.json`. */
export function mediaTranslations(locale: Locale): Record<string, unknown> {
  const file = join(__dirname, '..', '..', '..', '..', '..', '..', 'web', 'public', 'i18n', 'media', `${locale}.json`);
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
}
