/**
 * Countries whose public holidays Kadens knows (ISO 3166-1 alpha-2). The organisation's country decides
 * which holidays close its channels' service hours.
 */
export const COUNTRIES = ['NO', 'DK', 'SE'] as const;
export type Country = (typeof COUNTRIES)[number];
