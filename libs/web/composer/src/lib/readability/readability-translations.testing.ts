import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { Locale } from '@kadens/shared/contracts';

/** The readability scope's texts as the app serves them: `web/public/i18n/readability/<locale>.json`. */
export function readabilityTranslations(locale: Locale): Record<string, unknown> {
  const file = join(__dirname, '..', '..', '..', '..', '..', '..', 'web', 'public', 'i18n', 'readability', `${locale}.json`);
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
}
