import { blueskyRecordKey } from './bluesky-record-key';

// The TID syntax from the atproto specification.
const TID = /^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$/;
const ALPHABET = '234567abcdefghijklmnopqrstuvwxyz';

function timestampOf(key: string): number {
  let value = 0n;
  for (const char of key) value = (value << 5n) | BigInt(ALPHABET.indexOf(char));
  return Number((value >> 10n) / 1000n);
}

describe('blueskyRecordKey', () => {
  it('is the same for the same idempotency key and different for another', () => {
    expect(blueskyRecordKey('target-1:3')).toBe(blueskyRecordKey('target-1:3'));
    expect(blueskyRecordKey('target-1:3')).not.toBe(blueskyRecordKey('target-1:4'));
  });

  it('has TID syntax, with a time in 2023–2024, for many keys', () => {
    const keys = Array.from({ length: 2000 }, (_, i) => blueskyRecordKey(`target-${i}:1`));
    for (const key of keys) {
      expect(key).toMatch(TID);
      const at = timestampOf(key);
      expect(at).toBeGreaterThanOrEqual(Date.UTC(2023, 0, 1));
      expect(at).toBeLessThan(Date.UTC(2024, 1, 13));
    }
    expect(new Set(keys).size).toBe(keys.length);
  });
});
