/** The languages Kadens speaks: Norwegian bokmål, Danish, Swedish and English. */
export const LOCALES = ['nb', 'da', 'sv', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}
