/** Used when the browser cannot list its time zones (older engines). */
const NORDIC_TIME_ZONES = ['Europe/Copenhagen', 'Europe/Oslo', 'Europe/Stockholm', 'UTC'];

/** Every IANA time zone the browser knows, sorted. */
export function supportedTimeZones(): string[] {
  const intl = Intl as typeof Intl & { supportedValuesOf?: (key: 'timeZone') => string[] };
  const zones = intl.supportedValuesOf?.('timeZone') ?? [];
  const all = new Set([...zones, ...NORDIC_TIME_ZONES]);
  return [...all].sort((a, b) => a.localeCompare(b));
}

/**
 * The zones that match what the user typed, anywhere in the name, ignoring case and treating spaces as
 * underscores ("new york" finds America/New_York).
 */
export function filterTimeZones(zones: readonly string[], query: string, limit = 50): string[] {
  const needle = query.trim().toLowerCase().replace(/\s+/g, '_');
  const matches = needle ? zones.filter((zone) => zone.toLowerCase().includes(needle)) : zones;
  return matches.slice(0, limit);
}
