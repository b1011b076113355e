import type { Locale } from '@kadens/shared/contracts';
import { FALLBACK_LOCALE, spokenLocaleOf } from '@kadens/web/data-access';

interface PublicLocaleSources {
  /** `?lang=` of the address, as typed (a shared link can carry the language). */
  requested: string | null;
  browserLanguages: readonly string[];
  /** Null until the organisation is known (or when there is none: an unknown address). */
  organizationLocale: Locale | null;
}

/**
 * The public page speaks to a visitor, not an account: the language the link asks for, else the
 * browser's if Kadens speaks it (`no`/`nn` read as bokmål), else the organisation's own.
 */
export function choosePublicLocale({ requested, browserLanguages, organizationLocale }: PublicLocaleSources): Locale {
  return spokenLocaleOf(requested ? [requested] : []) ?? spokenLocaleOf(browserLanguages) ?? organizationLocale ?? FALLBACK_LOCALE;
}
