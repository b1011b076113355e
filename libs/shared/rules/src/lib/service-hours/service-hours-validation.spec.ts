import type { ServiceHours } from '@kadens/shared/contracts';

import { normalizeOpeningHours, validateOpeningHours, validateServiceHours } from './service-hours-validation';

describe('validateOpeningHours', () => {
  it.each([
    ['Mo-Fr 09:00-12:00; PH off', 'Mo-Fr 09:00-12:00; PH off'],
    ['Mo-Fr 9-12', 'Mo-Fr 09:00-12:00'],
    ['Mo-Fr 09:00-12:00,13:00-15:00; Sa 10:00-12:00; PH off', 'Mo-Fr 09:00-12:00,13:00-15:00; Sa 10:00-12:00; PH off'],
    ['24/7', '24/7'],
    ['Mo-Fr 22:00-02:00', 'Mo-Fr 22:00-02:00'],
    ['Jun-Aug Mo-Fr 10:00-14:00; Sep-May Mo-Fr 09:00-16:00; PH off', 'Jun-Aug Mo-Fr 10:00-14:00; Sep-May Mo-Fr 09:00-16:00; PH off'],
  ])('accepts %p as %p', (value, normalized) => {
    const result = validateOpeningHours(value, 'NO');
    expect(result).toMatchObject({ ok: true, normalized });
  });

  it("passes the parser's warnings on", () => {
    const result = validateOpeningHours('Mo-Fr 9-12', 'NO');
    expect(result.ok && result.warnings.join(' ')).toMatch(/09:00-12:00/);
  });

  it.each([
    ['Mo-Fx 09:00-12:00', /<---/],
    ['Mo-Fr 09:00-25:61', /.+/],
    ['Mo-Fr 09:00-', /.+/],
    ['', /empty/],
    ['   ', /empty/],
    ['Mo-Fr 09:00-12:00; SH off', /School holidays \(SH\) are not known for NO/],
    ['sunrise-sunset', /sun/],
    ['Mo-Fr 09:00-dusk', /sun/],
    ['x'.repeat(1001), /longer than 1000/],
  ])('refuses %p with a message', (value, message) => {
    const result = validateOpeningHours(value, 'NO');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(message);
  });

  it("returns the parser's own message, pointing at the fault", () => {
    const result = validateOpeningHours('Mo-Fx 09:00', 'DK');
    expect(result).toEqual({ ok: false, message: expect.stringContaining('Mo-F <---') });
  });

  it('normalises a value', () => {
    expect(normalizeOpeningHours('Mo-Fr 9-12', 'SE')).toBe('Mo-Fr 09:00-12:00');
  });
});

describe('validateServiceHours', () => {
  const hours = (overrides: Partial<ServiceHours>): ServiceHours => ({
    openingHours: 'Mo-Fr 09:00-12:00; PH off',
    responseWindowMinutes: 120,
    closedPeriods: [{ start: '2026-07-06', end: '2026-07-31', reason: 'Summer' }],
    ...overrides,
  });

  it('accepts sensible hours', () => {
    expect(validateServiceHours(hours({}), 'NO')).toEqual([]);
    expect(
      validateServiceHours(hours({ responseWindowMinutes: 0, closedPeriods: [{ start: '2026-12-24', end: '2026-12-24' }] }), 'NO'),
    ).toEqual([]);
  });

  it.each([
    ['bad opening hours', { openingHours: 'Mo-Fx' }, ['openingHours']],
    ['negative window', { responseWindowMinutes: -1 }, ['responseWindowMinutes']],
    ['fractional window', { responseWindowMinutes: 1.5 }, ['responseWindowMinutes']],
    ['window above a week', { responseWindowMinutes: 10081 }, ['responseWindowMinutes']],
    ['end before start', { closedPeriods: [{ start: '2026-07-31', end: '2026-07-06' }] }, ['closedPeriods[0].end']],
    [
      'impossible dates',
      { closedPeriods: [{ start: '2026-02-30', end: '2026-13-01' }] },
      ['closedPeriods[0].start', 'closedPeriods[0].end'],
    ],
    ['long reason', { closedPeriods: [{ start: '2026-07-06', end: '2026-07-07', reason: 'x'.repeat(201) }] }, ['closedPeriods[0].reason']],
  ])('refuses %s', (_label, overrides, fields) => {
    expect(validateServiceHours(hours(overrides), 'NO').map((error) => error.field)).toEqual(fields);
  });
});
