import type { Locale } from '@kadens/shared/contracts';

import { INTL_LOCALES } from './intl-locale';

/** Minutes as people say them: "2 timer", "1 time og 30 minutter", "45 minutes". */
export function formatDuration(totalMinutes: number, locale: Locale): string {
  const intlLocale = INTL_LOCALES[locale];
  const hours = Math.floor(totalMinutes / 60);
  const minutes = Math.round(totalMinutes % 60);
  const unit = (value: number, name: 'hour' | 'minute') =>
    new Intl.NumberFormat(intlLocale, { style: 'unit', unit: name, unitDisplay: 'long' }).format(value);
  const parts = [...(hours > 0 ? [unit(hours, 'hour')] : []), ...(minutes > 0 || hours === 0 ? [unit(minutes, 'minute')] : [])];
  return new Intl.ListFormat(intlLocale, { type: 'conjunction' }).format(parts);
}
