/**
 * ISO instants at the edges of the rules. A string without an offset ("2026-03-29T02:30") would be
 * read by Date.parse in the *process's* zone, so it is refused: the server's zone must never matter.
 */
const INSTANT_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/i;

export function isInstant(value: string): boolean {
  return typeof value === 'string' && INSTANT_PATTERN.test(value) && !Number.isNaN(Date.parse(value));
}

/** ISO instant with `Z` or an explicit offset → epoch ms. */
export function parseInstant(value: string): number {
  if (!isInstant(value)) throw new RangeError(`Not an ISO instant with offset: "${value}"`);
  return Date.parse(value);
}

export function formatInstant(instantMs: number): string {
  return new Date(instantMs).toISOString();
}
