import { createOpeningHours, inWallClock, WallClockDate, wallClockDate, wallMinuteOf } from './opening-hours-engine';

describe('WallClockDate: a Date whose local calendar is the wall clock', () => {
  it.each([
    [[2026, 2, 29, 2, 30], '2026-03-29T02:30:00.000Z'], // Oslo's skipped hour: spellable here
    [[2026, 8, 27, 2, 30], '2026-09-27T02:30:00.000Z'], // Auckland's skipped hour: spellable here
    [[2026, 9, 25, 2, 30, 15, 500], '2026-10-25T02:30:15.500Z'],
    [[2026, 11, 32], '2027-01-01T00:00:00.000Z'],
    [[2026, 0], '2026-01-01T00:00:00.000Z'],
    [[99, 0, 1], '0099-01-01T00:00:00.000Z'],
  ] as const)('new WallClockDate(%j) is %s', (fields, iso) => {
    const [year, month, ...rest] = fields;
    const date = new WallClockDate(year, month, ...rest);
    expect(date.toISOString()).toBe(iso);
    expect([date.getFullYear(), date.getMonth(), date.getDate(), date.getHours(), date.getMinutes()]).toEqual([
      date.getUTCFullYear(),
      date.getUTCMonth(),
      date.getUTCDate(),
      date.getUTCHours(),
      date.getUTCMinutes(),
    ]);
    expect(date.getTimezoneOffset()).toBe(0);
  });

  it('sets fields in the wall clock', () => {
    const date = new WallClockDate(Date.parse('2026-03-28T23:30:00Z'));
    date.setDate(date.getDate() + 1);
    date.setHours(2, 30);
    expect(date.toISOString()).toBe('2026-03-29T02:30:00.000Z');
    expect(date.getDay()).toBe(0);
  });

  it('replaces the global Date only while the library runs, even when it throws', () => {
    const original = globalThis.Date;
    expect(inWallClock(() => new Date(2026, 8, 27, 2, 30).getTime())).toBe(Date.UTC(2026, 8, 27, 2, 30));
    expect(globalThis.Date).toBe(original);
    expect(() =>
      inWallClock(() => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(globalThis.Date).toBe(original);
    expect(inWallClock(() => new Date(0) instanceof Date)).toBe(true);
  });

  it('lets the library answer in wall-clock minutes', () => {
    const hours = createOpeningHours('Su 02:30-05:00', 'NO');
    const day = Date.UTC(2026, 8, 27) / 60_000;
    const [[start, end]] = inWallClock(() => hours.getOpenIntervals(wallClockDate(day), wallClockDate(day + 1440)));
    expect([wallMinuteOf(start) - day, wallMinuteOf(end) - day]).toEqual([150, 300]);
  });

  it("throws the parser's message as a string for a bad value", () => {
    expect(() => createOpeningHours('Mo-Fx', 'NO')).toThrow();
  });
});
