/**
 * UTC offsets of IANA zones, read from Intl (the only tz database we have) and cached as transition
 * lists. Intl.formatToParts costs ~10 µs a call; a quarter-plan check needs tens of thousands of
 * offsets, so each zone is probed at the edges of 8-day chunks and a transition between them is
 * located by bisection. That assumes no zone changes its offset twice within 8 days, which holds for
 * every zone in use (DST switches are months apart; Morocco's Ramadan pause lasts about a month).
 * Nothing here reads the process's own time zone.
 */

const CHUNK_MS = 8 * 86_400_000;
const MAX_CHUNKS_PER_ZONE = 4096;

interface Chunk {
  /** starts[0] is the chunk start; offsets[i] (ms east of UTC) holds from starts[i]. */
  starts: number[];
  offsets: number[];
}

interface ZoneCache {
  format: Intl.DateTimeFormat;
  chunks: Map<number, Chunk>;
}

const zones = new Map<string, ZoneCache>();

export function isValidTimeZone(zone: string): boolean {
  if (typeof zone !== 'string' || zone.trim() === '') return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Forgets every probed offset (the benchmark uses it to measure a cold start). */
export function clearZoneOffsetCache(): void {
  zones.clear();
}

/** Offset of `zone` at `instantMs`, in ms to add to UTC to get the wall clock. */
export function offsetMsAt(zone: string, instantMs: number): number {
  const chunk = chunkAt(zoneCache(zone), Math.floor(instantMs / CHUNK_MS));
  let index = chunk.starts.length - 1;
  while (index > 0 && (chunk.starts[index] ?? instantMs) > instantMs) index--;
  return chunk.offsets[index] ?? 0;
}

/**
 * The first instant in (afterMs, untilMs] at which the zone's offset changes, or null. Used to split a
 * wall-clock range where a DST switch runs through it.
 */
export function nextTransition(zone: string, afterMs: number, untilMs: number): number | null {
  const cache = zoneCache(zone);
  for (let index = Math.floor(afterMs / CHUNK_MS); index * CHUNK_MS <= untilMs; index++) {
    const chunk = chunkAt(cache, index);
    for (let i = 1; i < chunk.starts.length; i++) {
      const at = chunk.starts[i] ?? Infinity;
      if (at > afterMs && at <= untilMs) return at;
    }
  }
  return null;
}

function zoneCache(zone: string): ZoneCache {
  let cache = zones.get(zone);
  if (!cache) {
    if (!isValidTimeZone(zone)) throw new RangeError(`Unknown IANA time zone: "${zone}"`);
    const format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    cache = { format, chunks: new Map() };
    zones.set(zone, cache);
  }
  return cache;
}

function chunkAt(cache: ZoneCache, index: number): Chunk {
  let chunk = cache.chunks.get(index);
  if (chunk) return chunk;
  if (cache.chunks.size >= MAX_CHUNKS_PER_ZONE) cache.chunks.clear();
  const start = index * CHUNK_MS;
  const end = start + CHUNK_MS;
  const startOffset = intlOffset(cache.format, start);
  const endOffset = intlOffset(cache.format, end);
  chunk = { starts: [start], offsets: [startOffset] };
  if (endOffset !== startOffset) {
    const at = bisectTransition(cache.format, start, end, startOffset);
    if (at < end) {
      chunk.starts.push(at);
      chunk.offsets.push(endOffset);
    }
  }
  cache.chunks.set(index, chunk);
  return chunk;
}

/** First whole second in (low, high] whose offset differs from `lowOffset`. */
function bisectTransition(format: Intl.DateTimeFormat, low: number, high: number, lowOffset: number): number {
  let lo = low;
  let hi = high;
  while (hi - lo > 1000) {
    const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
    if (intlOffset(format, mid) === lowOffset) lo = mid;
    else hi = mid;
  }
  return hi;
}

function intlOffset(format: Intl.DateTimeFormat, instantMs: number): number {
  const whole = Math.floor(instantMs / 1000) * 1000;
  const fields: Record<string, number> = {};
  let bc = false;
  for (const part of format.formatToParts(new Date(whole))) {
    if (part.type === 'era') bc = part.value === 'BC' || part.value === 'B';
    else if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const field = (name: string): number => fields[name] ?? 0;
  const wall = new Date(0);
  wall.setUTCFullYear(bc ? 1 - field('year') : field('year'), field('month') - 1, field('day'));
  wall.setUTCHours(field('hour'), field('minute'), field('second'), 0);
  return wall.getTime() - whole;
}
