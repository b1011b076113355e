import type { PublicAvailability } from '@kadens/shared/contracts';

/** What the public page is showing: still asking, the organisation, or why it cannot. */
export type PublicPageState =
  | { status: 'loading' }
  /** `fresh`: the answer came past the browser's cache. */
  | { status: 'ready'; availability: PublicAvailability; fresh: boolean }
  | { status: 'notFound' }
  | { status: 'failed' };

/** The page asks again once a channel opens or closes, if that is this soon. */
const REFRESH_HORIZON_MS = 12 * 60 * 60 * 1000;
/** A little after the change, so the API (and its clock) is surely past it. */
const REFRESH_GRACE_MS = 5_000;

/**
 * How long until the page's "open now" goes stale: the earliest coming change of any channel, or null
 * when none is near. A change already past means a cached answer: ask again at once — unless the answer
 * is fresh, when only the visitor's clock is ahead of the server's and asking again would not help.
 */
export function msUntilStale(availability: PublicAvailability, nowMs: number, fresh: boolean): number | null {
  const changes = availability.channels
    .map((channel) => channel.serviceHours?.nextChange)
    .filter((change): change is string => !!change)
    .map((change) => Date.parse(change) - nowMs);
  if (!changes.length) return null;
  const soonest = Math.min(...changes);
  if (soonest > REFRESH_HORIZON_MS || (soonest <= 0 && fresh)) return null;
  return Math.max(0, soonest) + REFRESH_GRACE_MS;
}
