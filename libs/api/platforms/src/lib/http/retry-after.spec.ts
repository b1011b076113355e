import { clampRetryAfter, epochSecondsHeaderMs, isoTimeHeaderMs, resetSecondsHeaderMs, retryAfterHeaderMs } from './retry-after';

const NOW = Date.UTC(2026, 10, 22, 12, 0, 0);
const headers = (entries: Record<string, string>) => new Headers(entries);

describe('rate-limit signals', () => {
  it.each<[string, Record<string, string>, number | null]>([
    ['delta seconds', { 'Retry-After': '120' }, 120_000],
    ['an HTTP date', { 'Retry-After': 'Sun, 22 Nov 2026 12:05:00 GMT' }, 300_000],
    ['garbage', { 'Retry-After': 'soon' }, null],
    ['absence', {}, null],
  ])('Retry-After as %s', (_label, entries, expected) => {
    expect(retryAfterHeaderMs(headers(entries), NOW)).toBe(expected);
  });

  it('reads epoch seconds', () => {
    expect(epochSecondsHeaderMs(headers({ 'x-rate-limit-reset': String(NOW / 1000 + 90) }), 'x-rate-limit-reset', NOW)).toBe(90_000);
    expect(epochSecondsHeaderMs(headers({}), 'x-rate-limit-reset', NOW)).toBeNull();
  });

  it('reads an ISO time', () => {
    const value = '2026-11-22T12:01:30.000Z';
    expect(isoTimeHeaderMs(headers({ 'X-RateLimit-Reset': value }), 'x-ratelimit-reset', NOW)).toBe(90_000);
    expect(isoTimeHeaderMs(headers({ 'X-RateLimit-Reset': 'never' }), 'x-ratelimit-reset', NOW)).toBeNull();
  });

  it('tells a reset in seconds from a reset at an epoch time', () => {
    expect(resetSecondsHeaderMs(headers({ 'ratelimit-reset': '45' }), 'ratelimit-reset', NOW)).toBe(45_000);
    expect(resetSecondsHeaderMs(headers({ 'ratelimit-reset': String(NOW / 1000 + 600) }), 'ratelimit-reset', NOW)).toBe(600_000);
  });

  it('never asks for an immediate retry', () => {
    expect(clampRetryAfter(-5000)).toBe(1000);
    expect(clampRetryAfter(1500.2)).toBe(1501);
  });
});
