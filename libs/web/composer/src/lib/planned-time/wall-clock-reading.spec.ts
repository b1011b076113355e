import { normalizeClockTime, readWallClock } from './wall-clock-reading';

describe('reading a wall clock on a DST switch', () => {
  it.each([
    ['2026-05-12T09:00', 'Europe/Oslo', { kind: 'plain' }],
    ['2026-03-29T02:30', 'Europe/Oslo', { kind: 'skipped', time: '02:30', movedTo: '03:30' }],
    ['2026-10-25T02:30', 'Europe/Oslo', { kind: 'repeated', time: '02:30', offset: 'UTC+02:00' }],
    ['2026-10-25T03:30', 'Europe/Oslo', { kind: 'plain' }],
    ['2026-11-01T01:30', 'America/New_York', { kind: 'repeated', time: '01:30', offset: 'UTC−04:00' }],
    ['2026-03-29T02:30', 'Asia/Tokyo', { kind: 'plain' }],
  ])('%s in %s', (wallClock, zone, reading) => {
    expect(readWallClock(wallClock, zone)).toEqual(reading);
  });

  it('has nothing to say about what is not a complete wall clock', () => {
    expect(readWallClock('', 'Europe/Oslo')).toBeNull();
    expect(readWallClock('2026-02-30T09:00', 'Europe/Oslo')).toBeNull();
  });
});

describe('a typed time of day', () => {
  it.each([
    ['9', '09:00'],
    ['930', '09:30'],
    ['0930', '09:30'],
    ['9:30', '09:30'],
    ['09.30', '09:30'],
    [' 14 ', '14:00'],
    ['23:59', '23:59'],
    ['', ''],
    ['24:00', null],
    ['9:60', null],
    ['9 am', null],
    ['12345', null],
  ])('%j reads as %j', (text, time) => {
    expect(normalizeClockTime(text)).toBe(time);
  });
});
