import type { Country } from './country';
import type { PublicPromisesKept } from './evaluation';
import type { Locale } from './locale';
import type { Platform } from './platform';
import type { ClosedPeriod } from './promises';

/** One day of an ordinary week: ISO weekday (1 = Monday) and local "HH:MM" intervals, end exclusive. */
export interface PublicWeekday {
  weekday: number;
  intervals: Array<{ start: string; end: string }>;
}

export interface PublicServiceHours {
  /** The published opening_hours value, normalised. */
  openingHours: string;
  /** An ordinary week (no holidays or closures), Monday first. */
  weeklyHours: PublicWeekday[];
  closesOnPublicHolidays: boolean;
  /** We answer within this many staffed minutes. */
  responseWindowMinutes: number;
  openNow: boolean;
  /** When it next opens (while closed) or closes (while open); null if not within 30 days. */
  nextChange: string | null;
  /** Public holidays in the next 30 days on which the channel is closed. */
  upcomingHolidays: Array<{ date: string; name: string }>;
  /** Closed periods that overlap the next 60 days. */
  upcomingClosures: ClosedPeriod[];
}

export interface PublicChannel {
  id: string;
  platform: Platform;
  name: string;
  handle: string;
  description: string;
  /** The documented cadence in the organisation's words, e.g. "We post 3–5 times a week". */
  cadenceDescription: string | null;
  serviceHours: PublicServiceHours | null;
}

/** Everything the public may see of an organisation: its active channels' promises. Nothing else. */
export interface PublicAvailability {
  organization: { name: string; slug: string; timeZone: string; country: Country; defaultLocale: Locale };
  generatedAt: string;
  channels: PublicChannel[];
  /** The same, as schema.org JSON-LD (an Organization with a ContactPoint per channel). */
  jsonLd: Record<string, unknown>;
  /** Share of the last weeks with the cadence kept, per channel; present only when the organisation shows it. */
  promisesKept?: PublicPromisesKept;
}
