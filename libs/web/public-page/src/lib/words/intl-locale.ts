import type { Locale } from '@kadens/shared/contracts';
import { INTL_LOCALES } from '@kadens/web/util';

/** The app's one map from language to Intl locale (British English: a 24-hour clock, day-month dates). */
export { INTL_LOCALES };

/** "mandag" → "Mandag", for a word that opens a sentence. */
export function capitalize(text: string, locale: Locale): string {
  return text.charAt(0).toLocaleUpperCase(INTL_LOCALES[locale]) + text.slice(1);
}
