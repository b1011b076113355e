import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { Locale } from '@kadens/shared/contracts';

/** The planning scope's texts as the app serves them: `web/public/i18n/planning/<locale>.json`. */
export function planningTranslations(locale: Locale): Record<string, unknown> {
  const file = join(__dirname, '..', '..', '..', '..', '..', '..', 'web', 'public', 'i18n', 'planning', `${locale}.json`);
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
}
