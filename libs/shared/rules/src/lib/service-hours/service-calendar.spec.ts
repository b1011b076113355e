import type { ClosedPeriod, Country } from '@kadens/shared/contracts';

import { localToInstant } from '../local-time/zoned-time';
import { ServiceCalendar } from './service-calendar';

const ZONE_OF: Record<Country, string> = { NO: 'Europe/Oslo', DK: 'Europe/Copenhagen', SE: 'Europe/Stockholm' };
const WEEKDAYS = 'Mo-Fr 09:00-12:00; PH off';

const calendar = (openingHours: string, country: Country = 'NO', closedPeriods: ClosedPeriod[] = [], zone = ZONE_OF[country]) =>
  new ServiceCalendar({ openingHours, responseWindowMinutes: 120, closedPeriods }, { timeZone: zone, country });

/** Local wall clock "YYYY-MM-DD HH:MM" in the calendar's zone → epoch ms. */
const local = (text: string, zone = 'Europe/Oslo'): number => localToInstant(text.slice(0, 10), text.slice(11), zone);

describe('isStaffedAt — edges at the exact minute, in the org zone', () => {
  it.each([
    ['winter, 08:59 local', '2026-01-05T07:59:00Z', false],
    ['winter, 09:00 local', '2026-01-05T08:00:00Z', true],
    ['winter, 11:59:59 local', '2026-01-05T10:59:59Z', true],
    ['winter, 12:00 local', '2026-01-05T11:00:00Z', false],
    ['summer, 08:59:59 local', '2026-05-18T06:59:59Z', false],
    ['summer, 09:00 local', '2026-05-18T07:00:00Z', true],
    ['summer, 11:59 local', '2026-05-18T09:59:00Z', true],
    ['summer, 12:00 local', '2026-05-18T10:00:00Z', false],
    ['Friday before spring switch, 09:00 CET', '2026-03-27T08:00:00Z', true],
    ['Friday before spring switch, 08:00 CET', '2026-03-27T07:00:00Z', false],
    ['Monday after spring switch, 09:00 CEST', '2026-03-30T07:00:00Z', true],
    ['Monday after spring switch, 12:00 CEST', '2026-03-30T10:00:00Z', false],
    ['Monday after autumn switch, 09:00 CET', '2026-10-26T08:00:00Z', true],
    ['Monday after autumn switch, 08:00 CET', '2026-10-26T07:00:00Z', false],
    ['Saturday', '2026-05-16T08:00:00Z', false],
  ])('Oslo %s (%s): %s', (_label, instant, staffed) => {
    expect(calendar(WEEKDAYS).isStaffedAt(instant)).toBe(staffed);
  });

  it.each(['NO', 'DK', 'SE'] as const)('%s: same wall clock, same answer, whatever the process zone', (country) => {
    const zone = ZONE_OF[country];
    const hours = calendar(WEEKDAYS, country);
    expect(hours.isStaffedAt(local('2027-03-29 09:00', zone))).toBe(false); // Easter Monday, a holiday in all three
    expect(hours.isStaffedAt(local('2027-03-30 09:00', zone))).toBe(true);
    expect(hours.isStaffedAt(local('2027-03-30 08:59', zone))).toBe(false);
    expect(hours.isStaffedAt(local('2027-11-01 11:59', zone))).toBe(true);
    expect(hours.isStaffedAt(local('2027-11-01 12:00', zone))).toBe(false);
  });
});

describe('holidays close a "PH off" channel', () => {
  it.each([
    ['NO', '2026-04-01 10:00', true, 'Wednesday before Easter'],
    ['NO', '2026-04-02 10:00', false, 'skjærtorsdag (Maundy Thursday)'],
    ['NO', '2026-04-03 10:00', false, 'langfredag'],
    ['NO', '2026-04-06 10:00', false, 'andre påskedag'],
    ['NO', '2026-04-07 10:00', true, 'Tuesday after Easter'],
    ['NO', '2027-03-25 10:00', false, 'skjærtorsdag 2027, the week of the DST switch'],
    ['NO', '2027-05-17 10:00', false, '17 May (a Monday in 2027)'],
    ['NO', '2026-05-18 10:00', true, 'the Monday after 17 May 2026 (a Sunday): no substitute day'],
    ['NO', '2026-05-01 10:00', false, '1 May'],
    ['DK', '2026-06-05 10:00', false, 'Grundlovsdag'],
    ['DK', '2026-05-01 10:00', true, 'the date Store Bededag would have been: abolished from 2024'],
    ['DK', '2026-04-02 10:00', false, 'skærtorsdag'],
    ['DK', '2026-12-24 10:00', false, 'juleaftensdag'],
    ['SE', '2026-06-19 10:00', false, 'midsommarafton (customary, added by Kadens)'],
    ['SE', '2026-06-18 10:00', true, 'the Thursday before'],
    ['SE', '2025-06-06 10:00', false, 'nationaldagen on a Friday'],
    ['SE', '2028-06-06 10:00', false, 'nationaldagen on a Tuesday'],
    ['SE', '2026-04-02 10:00', true, 'skärtorsdag is no holiday in Sweden'],
    ['SE', '2026-12-31 10:00', false, 'nyårsafton (customary)'],
  ] as const)('%s %s → %s (%s)', (country, when, staffed, _why) => {
    expect(calendar(WEEKDAYS, country).isStaffedAt(local(when, ZONE_OF[country]))).toBe(staffed);
  });

  it('keeps customary days ordinary when the value says holidays are not closed', () => {
    const reduced = calendar('Mo-Fr 09:00-12:00; PH 10:00-11:00', 'SE');
    expect(reduced.isStaffedAt(local('2026-06-19 09:30', 'Europe/Stockholm'))).toBe(true);
    expect(reduced.isStaffedAt(local('2025-06-06 09:30', 'Europe/Stockholm'))).toBe(false);
    expect(reduced.isStaffedAt(local('2025-06-06 10:30', 'Europe/Stockholm'))).toBe(true);
  });

  it('ignores holidays when the value does not mention them', () => {
    expect(calendar('Mo-Fr 09:00-12:00').isStaffedAt(local('2027-05-17 10:00'))).toBe(true);
  });
});

describe('closed periods', () => {
  const summer = calendar(WEEKDAYS, 'NO', [{ start: '2026-07-06', end: '2026-07-31', reason: 'Summer' }]);
  it.each([
    ['2026-07-03 10:00', true],
    ['2026-07-06 09:00', false],
    ['2026-07-31 11:59', false],
    ['2026-08-03 09:00', true],
  ])('%s → %s', (when, staffed) => {
    expect(summer.isStaffedAt(local(when))).toBe(staffed);
  });
});

describe('staffed intervals on days with 23 and 25 hours', () => {
  const switches = [
    ['2026-03-29', 2],
    ['2026-10-25', 4],
    ['2027-03-28', 2],
    ['2027-10-31', 4],
    ['2026-05-17', 3],
  ] as const;
  const cases = (['NO', 'DK', 'SE'] as const).flatMap((country) => switches.map(([date, hours]) => [country, date, hours] as const));

  it.each(cases)('%s, Sunday %s: "Su 01:00-04:00" is %i real hours', (country, date, hours) => {
    const zone = ZONE_OF[country];
    const intervals = calendar('Su 01:00-04:00', country).staffedIntervals(local(`${date} 00:00`, zone), local(`${date} 12:00`, zone));
    expect(intervals).toHaveLength(1);
    expect((Date.parse(intervals[0].end) - Date.parse(intervals[0].start)) / 3_600_000).toBe(hours);
    expect(intervals[0].start).toBe(new Date(local(`${date} 01:00`, zone)).toISOString());
  });

  it.each([
    ['2026-03-29', 23],
    ['2026-10-25', 25],
    ['2026-05-17', 24],
  ])("24/7 on %s is one interval of the day's %i hours", (date, hours) => {
    const [interval] = calendar('Mo-Su 00:00-24:00').staffedIntervals(local(`${date} 00:00`), local(`${date} 00:00`) + 30 * 3_600_000);
    const dayEnd = Math.min(Date.parse(interval.end), local(`${date} 00:00`) + hours * 3_600_000);
    expect(dayEnd - Date.parse(interval.start)).toBe(hours * 3_600_000);
    expect(calendar('Mo-Su 00:00-24:00').isStaffedAt(local(`${date} 00:00`) + (hours - 0.5) * 3_600_000)).toBe(true);
  });

  it('starts a range that begins in the spring gap at 03:00, and staffs the autumn overlap twice', () => {
    const spring = calendar('Su 02:30-05:00').staffedIntervals('2026-03-28T12:00:00Z', '2026-03-29T12:00:00Z');
    expect(spring).toEqual([{ start: '2026-03-29T01:00:00.000Z', end: '2026-03-29T03:00:00.000Z' }]);
    const autumn = calendar('Su 01:00-02:30').staffedIntervals('2026-10-24T12:00:00Z', '2026-10-25T12:00:00Z');
    expect(autumn).toEqual([
      { start: '2026-10-24T23:00:00.000Z', end: '2026-10-25T00:30:00.000Z' },
      { start: '2026-10-25T01:00:00.000Z', end: '2026-10-25T01:30:00.000Z' },
    ]);
  });

  it('merges a range over midnight into one interval and clips to the request', () => {
    const night = calendar('Mo-Fr 22:00-02:00');
    expect(night.staffedIntervals('2026-05-18T00:00:00Z', '2026-05-19T12:00:00Z')).toEqual([
      { start: '2026-05-18T20:00:00.000Z', end: '2026-05-19T00:00:00.000Z' },
    ]);
    expect(night.isStaffedAt(local('2026-05-18 01:00'))).toBe(false); // Sunday night is not Mo-Fr
    expect(night.isStaffedAt(local('2026-05-19 01:59'))).toBe(true);
    expect(night.isStaffedAt(local('2026-05-19 02:00'))).toBe(false);
  });

  it('gives the five mornings of an ordinary week', () => {
    const week = calendar(WEEKDAYS).staffedIntervals(local('2026-05-18 00:00'), local('2026-05-25 00:00'));
    expect(week.map((interval) => interval.start)).toEqual([
      '2026-05-18T07:00:00.000Z',
      '2026-05-19T07:00:00.000Z',
      '2026-05-20T07:00:00.000Z',
      '2026-05-21T07:00:00.000Z',
      '2026-05-22T07:00:00.000Z',
    ]);
  });
});

describe('nextOpening', () => {
  it.each([
    ['Friday 12:00 before the spring switch → Monday 09:00 CEST', '2026-03-27 12:00', '2026-03-30T07:00:00.000Z'],
    ['Wednesday 12:00 before Easter → Tuesday after', '2026-04-01 12:00', '2026-04-07T07:00:00.000Z'],
    ['inside an interval → the next one', '2026-05-18 10:00', '2026-05-19T07:00:00.000Z'],
    ['08:59 → 09:00 the same day', '2026-05-18 08:59', '2026-05-18T07:00:00.000Z'],
    ['exactly 09:00 → the next day (strictly after)', '2026-05-18 09:00', '2026-05-19T07:00:00.000Z'],
    ['Saturday before 17 May 2027 → Tuesday 18th', '2027-05-15 10:00', '2027-05-18T07:00:00.000Z'],
  ])('%s', (_label, when, expected) => {
    expect(calendar(WEEKDAYS).nextOpening(local(when))).toBe(expected);
  });

  it('does not count a continuation over midnight as an opening', () => {
    expect(calendar('Mo-Fr 22:00-02:00').nextOpening(local('2026-05-18 23:00'))).toBe('2026-05-19T20:00:00.000Z');
    expect(calendar('24/7').nextOpening(local('2026-05-18 23:00'))).toBeNull();
  });

  it('gives up after the horizon', () => {
    const closed = calendar(WEEKDAYS, 'NO', [{ start: '2026-07-01', end: '2026-08-31' }]);
    expect(closed.nextOpening(local('2026-06-30 12:00'), 30)).toBeNull();
    expect(closed.nextOpening(local('2026-06-30 12:00'), 90)).toBe('2026-09-01T07:00:00.000Z');
  });
});

describe('staffedUntil', () => {
  it.each([
    [WEEKDAYS, '2026-05-18 10:00', '2026-05-18T10:00:00.000Z'],
    [WEEKDAYS, '2026-05-18 09:00', '2026-05-18T10:00:00.000Z'],
    [WEEKDAYS, '2026-05-18 12:00', null],
    ['Mo-Fr 22:00-02:00', '2026-05-18 23:00', '2026-05-19T00:00:00.000Z'],
    ['Su 01:00-04:00', '2026-10-25 02:30', '2026-10-25T03:00:00.000Z'],
  ])('%p at %s → %s', (value, when, expected) => {
    expect(calendar(value).staffedUntil(local(when))).toBe(expected);
  });
});

describe('staffedTimeWithin', () => {
  it('sums staffed time across intervals until enough', () => {
    const hours = calendar(WEEKDAYS);
    const from = local('2026-03-27 11:30');
    const result = hours.staffedTimeWithin(from, from + 7 * 86_400_000, 120 * 60_000);
    expect(result.staffedMs).toBe(120 * 60_000);
    expect(new Date(result.filledAt ?? 0).toISOString()).toBe('2026-03-30T08:30:00.000Z'); // Monday 10:30 CEST
  });

  it('reports what it found when not enough', () => {
    const hours = calendar(WEEKDAYS);
    const from = local('2026-04-01 11:30');
    expect(hours.staffedTimeWithin(from, from + 5 * 86_400_000, 120 * 60_000)).toEqual({ staffedMs: 30 * 60_000, filledAt: null });
  });
});
