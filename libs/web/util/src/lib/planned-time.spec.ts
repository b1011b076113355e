import { dayAtTime, instantToWallClock, localDateOf, wallClockToInstant } from './planned-time';

describe('planned time in the organisation’s zone', () => {
  it.each([
    ['2026-05-12T07:00:00.000Z', 'Europe/Oslo', '2026-05-12T09:00'],
    ['2026-01-12T08:30:00Z', 'Europe/Oslo', '2026-01-12T09:30'],
    ['2026-05-11T22:30:00Z', 'Europe/Copenhagen', '2026-05-12T00:30'],
    ['2026-05-12T07:00:00Z', 'America/New_York', '2026-05-12T03:00'],
  ])('%s reads as %s %s', (instant, zone, wallClock) => {
    expect(instantToWallClock(instant, zone)).toBe(wallClock);
  });

  it('writes a wall clock back as the instant it means there', () => {
    expect(wallClockToInstant('2026-05-12T09:00', 'Europe/Oslo')).toBe('2026-05-12T07:00:00.000Z');
    expect(wallClockToInstant('2026-12-01T09:00', 'Europe/Stockholm')).toBe('2026-12-01T08:00:00.000Z');
  });

  it('moves a time in the spring-forward gap forward, and takes the earlier of a doubled one', () => {
    expect(wallClockToInstant('2026-03-29T02:30', 'Europe/Oslo')).toBe('2026-03-29T01:30:00.000Z');
    expect(wallClockToInstant('2026-10-25T02:30', 'Europe/Oslo')).toBe('2026-10-25T00:30:00.000Z');
  });

  it('refuses what is not a wall clock', () => {
    expect(wallClockToInstant('', 'Europe/Oslo')).toBeNull();
    expect(wallClockToInstant('2026-02-30T09:00', 'Europe/Oslo')).toBeNull();
  });

  it('places a clicked day at a local time and reads dates in the zone, not the browser’s', () => {
    expect(dayAtTime('2026-05-12', '09:00', 'Europe/Oslo')).toBe('2026-05-12T07:00:00.000Z');
    expect(localDateOf('2026-05-11T22:30:00Z', 'Europe/Oslo')).toBe('2026-05-12');
    expect(localDateOf(new Date('2026-05-11T21:30:00Z'), 'Europe/Oslo')).toBe('2026-05-11');
  });
});
