import type { PublicAvailability, PublicChannel } from '@kadens/shared/contracts';

const weekdayMornings = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, intervals: [{ start: '09:00', end: '12:00' }] }));

/** Bølgeby's Facebook, as the API would describe it at 11:00 on Monday 10 March 2025, Copenhagen time. */
export const FACEBOOK: PublicChannel = {
  id: 'channel-facebook',
  platform: 'facebook',
  name: 'Bølgeby på Facebook',
  handle: '@bolgeby',
  description: 'Nyheder fra kommunen',
  cadenceDescription: 'Vi poster 3–5 gange om ugen',
  serviceHours: {
    openingHours: 'Mo-Fr 09:00-12:00; PH off',
    weeklyHours: [...weekdayMornings, { weekday: 6, intervals: [] }, { weekday: 7, intervals: [] }],
    closesOnPublicHolidays: true,
    responseWindowMinutes: 120,
    openNow: true,
    nextChange: '2025-03-10T11:00:00Z',
    upcomingHolidays: [{ date: '2025-04-17', name: 'skærtorsdag' }],
    upcomingClosures: [{ start: '2025-07-07', end: '2025-07-25', reason: 'Sommerferie' }],
  },
};

/** A channel that documents no hours at all. */
export const NEWSLETTER: PublicChannel = {
  id: 'channel-webhook',
  platform: 'webhook',
  name: 'Nyhedsbrev',
  handle: '',
  description: '',
  cadenceDescription: null,
  serviceHours: null,
};

export function bolgebyAvailability(channels: PublicChannel[] = [FACEBOOK, NEWSLETTER]): PublicAvailability {
  return {
    organization: { name: 'Bølgeby Kommune', slug: 'bolgeby', timeZone: 'Europe/Copenhagen', country: 'DK', defaultLocale: 'da' },
    generatedAt: '2025-03-10T10:00:00Z',
    channels,
    jsonLd: { '@context': 'https://schema.org', '@type': 'Organization', name: 'Bølgeby Kommune' },
  };
}
