import { createHash } from 'node:crypto';

const BASE32_SORTABLE = '234567abcdefghijklmnopqrstuvwxyz';
// Timestamps are placed in the 407 days from 2023-01-01: always in the past, so no relay or
// AppView that distrusts future TIDs ever sees one, and never before Bluesky's network existed.
const WINDOW_START_US = BigInt(Date.UTC(2023, 0, 1)) * 1000n;
const WINDOW_BITS = 45n;
const CLOCK_ID_BITS = 10n;

/**
 * The record key of a post, derived from its idempotency key so every attempt at the same target
 * revision writes the same record: a repeat cannot make a second post, it collides with the first.
 *
 * It has TID syntax (13 base32-sortable characters: a 53-bit microsecond time and a 10-bit clock id),
 * because `app.bsky.feed.post` declares `key: tid` and stricter PDS implementations enforce it. The
 * time part is taken from the hash, not the clock: it must not change between attempts, so it says
 * nothing about when the post was made (`createdAt` does).
 */
export function blueskyRecordKey(idempotencyKey: string): string {
  const digest = createHash('sha256').update(`kadens/bluesky-rkey/${idempotencyKey}`).digest();
  const bits = digest.readBigUInt64BE(0);
  const timestampUs = WINDOW_START_US + (bits >> (64n - WINDOW_BITS));
  const clockId = bits & ((1n << CLOCK_ID_BITS) - 1n);
  let tid = (timestampUs << CLOCK_ID_BITS) | clockId;
  let key = '';
  for (let index = 0; index < 13; index++) {
    key = BASE32_SORTABLE[Number(tid & 31n)] + key;
    tid >>= 5n;
  }
  return key;
}
