import type { Country } from '@kadens/shared/contracts';

import { dayNumber, MS_PER_MINUTE } from '../local-time/civil-date';
import { localToInstant, toLocalDateTime } from '../local-time/zoned-time';
import { publicHolidays } from './holidays';
import { ServiceCalendar, type ServiceContext } from './service-calendar';
import { normalizeOpeningHours, validateOpeningHours } from './service-hours-validation';
import {
  dayRangeProblems,
  emptyWeeklyHours,
  ISO_WEEKDAYS,
  openingHoursToWeeklyHours,
  readWeeklyHours,
  type WeeklyHours,
  WeeklyHoursError,
  weeklyHoursProblems,
  weeklyHoursToOpeningHours,
} from './weekly-hours';

/** A week in short: `{ 1: '09:00-12:00,13:00-15:00', 6: '10:00-14:00' }`, weekdays left out are closed. */
function week(spec: Partial<Record<number, string>>, closedOnPublicHolidays = false): WeeklyHours {
  return {
    days: ISO_WEEKDAYS.map((weekday) => ({
      weekday,
      intervals: (spec[weekday] ?? '')
        .split(',')
        .filter((range) => range !== '')
        .map((range) => {
          const [start = '', end = ''] = range.split('-');
          return { start, end };
        }),
    })),
    closedOnPublicHolidays,
  };
}

const weekdays = (times: string) => ({ 1: times, 2: times, 3: times, 4: times, 5: times });

describe('weeklyHoursToOpeningHours', () => {
  it.each<[string, WeeklyHours, string]>([
    ['weekday mornings, closed on public holidays', week(weekdays('09:00-12:00'), true), 'Mo-Fr 09:00-12:00; PH off'],
    ['weekday mornings, open on public holidays', week(weekdays('09:00-12:00')), 'Mo-Fr 09:00-12:00'],
    ['two ranges a day, sorted', week({ ...weekdays('13:00-15:00,09:00-11:30') }, true), 'Mo-Fr 09:00-11:30,13:00-15:00; PH off'],
    ['a different Saturday', week({ ...weekdays('08:00-16:00'), 6: '10:00-14:00' }), 'Mo-Fr 08:00-16:00; Sa 10:00-14:00'],
    [
      'days apart, grouped by their hours',
      week({ 1: '09:00-12:00', 3: '09:00-12:00', 5: '09:00-12:00', 2: '12:00-15:00' }),
      'Mo,We,Fr 09:00-12:00; Tu 12:00-15:00',
    ],
    [
      'two days in a row as a list, three as a range',
      week({ 1: '09:00-10:00', 2: '09:00-10:00', 4: '09:00-10:00', 5: '09:00-10:00', 6: '09:00-10:00' }),
      'Mo,Tu,Th-Sa 09:00-10:00',
    ],
    ['a whole day to 24:00', week({ 7: '00:00-24:00' }), 'Su 00:00-24:00'],
    ['every day', week({ ...weekdays('10:00-14:00'), 6: '10:00-14:00', 7: '10:00-14:00' }), 'Mo-Su 10:00-14:00'],
    ['touching ranges stay as written', week({ 1: '09:00-12:00,12:00-15:00' }), 'Mo 09:00-12:00,12:00-15:00'],
    ['an empty week is closed', week({}), 'off'],
    ['an empty week is closed, holidays or not', week({}, true), 'off'],
  ])('%s', (_label, model, expected) => {
    const text = weeklyHoursToOpeningHours(model);
    expect(text).toBe(expected);
    // What it writes is what the library would write: storing it changes nothing.
    expect(normalizeOpeningHours(text, 'NO')).toBe(text);
    expect(validateOpeningHours(text, 'NO')).toMatchObject({ ok: true, warnings: [] });
  });

  it('accepts the days in any order and leaves a missing weekday closed', () => {
    const model: WeeklyHours = {
      days: [
        { weekday: 5, intervals: [{ start: '09:00', end: '12:00' }] },
        { weekday: 1, intervals: [{ start: '09:00', end: '12:00' }] },
      ],
      closedOnPublicHolidays: true,
    };
    expect(weeklyHoursToOpeningHours(model)).toBe('Mo,Fr 09:00-12:00; PH off');
  });

  it.each<[string, WeeklyHours, Array<Record<string, unknown>>]>([
    ['a range past midnight', week({ 5: '22:00-02:00' }), [{ weekday: 5, index: 0, field: 'end', code: 'end_not_after_start' }]],
    ['a range ending as it starts', week({ 2: '10:00-10:00' }), [{ weekday: 2, index: 0, field: 'end', code: 'end_not_after_start' }]],
    ['a range ending at 00:00', week({ 2: '10:00-00:00' }), [{ weekday: 2, index: 0, field: 'end', code: 'end_not_after_start' }]],
    ['a start of 24:00', week({ 3: '24:00-24:00' }), [{ weekday: 3, index: 0, field: 'start', code: 'invalid_time' }]],
    [
      'times that are not times',
      week({ 1: '9-25:00' }),
      [
        { field: 'start', code: 'invalid_time' },
        { field: 'end', code: 'invalid_time' },
      ],
    ],
    [
      'an empty range',
      week({ 1: '-' }),
      [
        { field: 'start', code: 'invalid_time' },
        { field: 'end', code: 'invalid_time' },
      ],
    ],
    [
      'overlapping ranges, named on the later one',
      week({ 4: '09:00-12:00,11:00-13:00' }),
      [{ weekday: 4, index: 1, field: 'start', code: 'overlaps', other: { start: '09:00', end: '12:00' } }],
    ],
    [
      'a range inside another',
      week({ 4: '13:00-15:00,08:00-16:00' }),
      [{ weekday: 4, index: 1, field: 'start', code: 'overlaps', other: { start: '13:00', end: '15:00' } }],
    ],
  ])('refuses %s with a reason', (_label, model, problems) => {
    expect(weeklyHoursProblems(model)).toEqual(problems.map((problem) => expect.objectContaining(problem)));
    expect(() => weeklyHoursToOpeningHours(model)).toThrow(WeeklyHoursError);
  });

  it('judges one day’s ranges alone, in the order given', () => {
    expect(
      dayRangeProblems(1, [
        { start: '09:00', end: '12:00' },
        { start: '12:00', end: '13:00' },
      ]),
    ).toEqual([]);
    expect(
      dayRangeProblems(1, [
        { start: '12:00', end: '09:00' },
        { start: '10:00', end: '11:00' },
      ]),
    ).toEqual([{ weekday: 1, index: 0, field: 'end', code: 'end_not_after_start' }]);
  });
});

describe('openingHoursToWeeklyHours', () => {
  it.each<[string, WeeklyHours]>([
    ['Mo-Fr 09:00-12:00; PH off', week(weekdays('09:00-12:00'), true)],
    ['Mo-Fr 09:00-12:00', week(weekdays('09:00-12:00'))],
    ['Mo-Fr 09:00-11:30,13:00-15:00; PH off', week(weekdays('09:00-11:30,13:00-15:00'), true)],
    ['Mo-Fr 08:00-16:00; Sa 10:00-14:00', week({ ...weekdays('08:00-16:00'), 6: '10:00-14:00' })],
    ['mo-fr 9-12; ph off', week(weekdays('09:00-12:00'), true)],
    ['Mo-Fr 09.00–12.00', week(weekdays('09:00-12:00'))],
    ['Sa-Mo 10:00-12:00', week({ 6: '10:00-12:00', 7: '10:00-12:00', 1: '10:00-12:00' })],
    ['Mo-Fr 09:00-12:00; We 13:00-15:00', week({ ...weekdays('09:00-12:00'), 3: '13:00-15:00' })],
    ['Mo-Fr 09:00-12:00, We 13:00-15:00', week({ ...weekdays('09:00-12:00'), 3: '09:00-12:00,13:00-15:00' })],
    ['Mo-Fr 09:00-12:00; We off; PH off', week({ 1: '09:00-12:00', 2: '09:00-12:00', 4: '09:00-12:00', 5: '09:00-12:00' }, true)],
    ['Mo 09:00-12:00,11:00-13:00', week({ 1: '09:00-13:00' })],
    ['Mo 09:00-12:00,12:00-13:00', week({ 1: '09:00-12:00,12:00-13:00' })],
    ['10:00-14:00', week({ ...weekdays('10:00-14:00'), 6: '10:00-14:00', 7: '10:00-14:00' })],
    ['24/7', week({ ...weekdays('00:00-24:00'), 6: '00:00-24:00', 7: '00:00-24:00' })],
    ['Mo-Fr', week(weekdays('00:00-24:00'))],
    ['Sa open', week({ 6: '00:00-24:00' })],
    ['Mo-Su 08:00-16:00; Sa,Su,PH off', week(weekdays('08:00-16:00'), true)],
    ['off', week({})],
    ['closed', week({})],
    ['PH off', week({}, true)],
  ])('%s', (text, expected) => {
    expect(openingHoursToWeeklyHours(text)).toEqual(expected);
  });

  it.each<[string, string]>([
    ['', 'empty'],
    ['   ', 'empty'],
    ['Mo-Fr 25:00-12:00', 'invalid'],
    ['not hours at all', 'invalid'],
    ['Fr 22:00-02:00', 'past_midnight'],
    ['Fr 22:00-26:00', 'past_midnight'],
    ['week 01-26 Mo-Fr 09:00-12:00', 'beyond_weekly'],
    ['Jan-Jun Mo-Fr 09:00-12:00', 'beyond_weekly'],
    ['2026 Dec 24 off; Mo-Fr 09:00-12:00', 'beyond_weekly'],
    ['Mo-Fr 09:00-12:00 "by phone"', 'beyond_weekly'],
    ['Mo-Fr 09:00-12:00 || "by appointment"', 'beyond_weekly'],
    ['Mo-Fr 09:00-12:00; PH 10:00-11:00', 'beyond_weekly'],
    ['PH off; Mo-Fr 09:00-12:00', 'beyond_weekly'],
    ['Mo-Fr 09:00-12:00, PH off', 'beyond_weekly'],
    ['Mo-Fr 09:00-12:00, We off', 'beyond_weekly'],
    ['Mo-Fr 10:00+', 'beyond_weekly'],
    ['Mo-Fr 09:00-12:00 unknown', 'beyond_weekly'],
    ['Mo[1] 09:00-12:00', 'beyond_weekly'],
    ['Mo-Fr sunrise-sunset', 'beyond_weekly'],
  ])('"%s" cannot be edited as a week: %s', (text, reason) => {
    expect(readWeeklyHours(text)).toEqual({ ok: false, reason });
    expect(openingHoursToWeeklyHours(text)).toBeNull();
  });
});

describe('round trips', () => {
  it.each([
    'Mo-Fr 09:00-12:00; PH off',
    'Mo-Fr 08:00-16:00; Sa 10:00-14:00',
    'Mo,We,Fr 09:00-12:00; Tu,Th 12:30-15:45; PH off',
    'Mo-Su 00:00-24:00',
    'Su 18:00-24:00',
    'Mo-Fr 07:00-09:00,10:00-11:00,18:00-20:00',
    'off',
  ])('"%s" → week → the same text', (text) => {
    const model = openingHoursToWeeklyHours(text);
    expect(model).not.toBeNull();
    expect(weeklyHoursToOpeningHours(model as WeeklyHours)).toBe(text);
  });

  it('random weeks → text → the same week', () => {
    for (const model of randomWeeks(200, 42)) {
      const text = weeklyHoursToOpeningHours(model);
      expect(openingHoursToWeeklyHours(text)).toEqual(isEmpty(model) ? emptyWeeklyHours(false) : model);
    }
  });
});

describe('the week opens exactly when the library’s evaluation of the value does', () => {
  const sampleWeeks: Array<[string, Country, string, string]> = [
    ['Oslo, Ascension Day and 17 May', 'NO', 'Europe/Oslo', '2026-05-11'],
    ['Oslo, spring forward', 'NO', 'Europe/Oslo', '2026-03-23'],
    ['Oslo, fall back', 'NO', 'Europe/Oslo', '2026-10-19'],
    ['Oslo, Christmas', 'NO', 'Europe/Oslo', '2026-12-21'],
    ['Stockholm, midsummer (a customary closed day)', 'SE', 'Europe/Stockholm', '2026-06-15'],
  ];

  it.each(sampleWeeks)('%s: values read as weeks', (_label, country, zone, monday) => {
    for (const text of [
      'Mo-Fr 09:00-12:00; PH off',
      'Mo-Fr 09:00-12:00',
      'mo-fr 9-12; ph off',
      'Mo-Fr 09:00-12:00; We 13:00-15:00; PH off',
      'Mo-Fr 09:00-12:00, We 13:00-15:00',
      'Mo 09:00-12:00,11:00-13:00',
      'Sa-Mo 10:00-12:00; PH off',
      'Su 01:00-05:00',
      'Mo-Su 08:00-16:00; Sa,Su,PH off',
      '24/7',
      'Mo-Fr',
      'PH off',
      'off',
    ]) {
      const model = openingHoursToWeeklyHours(text);
      expect(model).not.toBeNull();
      expect(sameInstantsOverWeeks(model as WeeklyHours, text, { timeZone: zone, country }, monday)).toEqual([]);
    }
  });

  it.each(sampleWeeks)('%s: random weeks as written', (_label, country, zone, monday) => {
    for (const model of randomWeeks(40, 7)) {
      expect(sameInstantsOverWeeks(model, weeklyHoursToOpeningHours(model), { timeZone: zone, country }, monday)).toEqual([]);
    }
  });

  it('can tell a wrong week from a right one', () => {
    const context = { timeZone: 'Europe/Oslo', country: 'NO' } as const;
    const mismatches = sameInstantsOverWeeks(week(weekdays('09:00-12:00')), 'Mo-Fr 09:00-12:00; PH off', context, '2026-05-11');
    // Ascension Day (Thursday 14 May): the week says open, the value closed.
    expect(mismatches[0]).toMatch(/^2026-05-14T07:00:00.000Z/);
  });
});

function isEmpty(model: WeeklyHours): boolean {
  return model.days.every((day) => day.intervals.length === 0);
}

/** Seeded weeks of 0–3 disjoint ranges a day on a 5-minute grid, about half of them closed on holidays. */
function randomWeeks(count: number, seed: number): WeeklyHours[] {
  let state = seed;
  const next = (below: number) => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state % below;
  };
  const clock = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
  return Array.from({ length: count }, () => {
    const shared = next(3) === 0 ? null : next(1000);
    const days = ISO_WEEKDAYS.map((weekday) => {
      const cuts = new Set<number>();
      const ranges = next(4);
      // Half the time the weekdays share their hours, as real weeks do.
      let local = shared !== null && weekday <= 5 ? shared : next(1000);
      for (let i = 0; i < ranges * 2; i++) {
        local = (local * 31 + 17) % 289;
        cuts.add(local * 5);
      }
      const sorted = [...cuts].sort((a, b) => a - b);
      const intervals = [];
      for (let i = 0; i + 1 < sorted.length; i += 2) intervals.push({ start: clock(sorted[i] ?? 0), end: clock(sorted[i + 1] ?? 0) });
      return { weekday, intervals };
    });
    return { days, closedOnPublicHolidays: next(2) === 0 };
  });
}

const STEP_MINUTES = 5;

/**
 * Every instant, 5 minutes apart, of the local week from `monday` 00:00 where the week and the value
 * disagree: the week read by hand (the instant's local weekday and minute; closed on holidays when it
 * says so), the value by ServiceCalendar — the library, in the zone, with the country's holidays.
 */
function sameInstantsOverWeeks(model: WeeklyHours, text: string, context: ServiceContext, monday: string): string[] {
  const calendar = new ServiceCalendar({ openingHours: text, responseWindowMinutes: 0, closedPeriods: [] }, context);
  const holidays = new Set(
    publicHolidays(
      context.country,
      monday,
      toLocalDateTime(localToInstant(monday, '12:00', context.timeZone) + 6 * 86_400_000, context.timeZone).date,
    ).map((day) => day.date),
  );
  const from = localToInstant(monday, '00:00', context.timeZone);
  const until = localToInstant(toLocalDateTime(from + 7.5 * 86_400_000, context.timeZone).date, '00:00', context.timeZone);
  const mismatches: string[] = [];
  for (let instant = from; instant < until; instant += STEP_MINUTES * MS_PER_MINUTE) {
    const local = toLocalDateTime(instant, context.timeZone);
    const closedToday = model.closedOnPublicHolidays && holidays.has(local.date);
    const weekSays =
      !closedToday &&
      model.days.some(
        (day) =>
          day.weekday === local.weekday &&
          day.intervals.some((range) => clockMinute(range.start) <= local.minuteOfDay && local.minuteOfDay < clockMinute(range.end)),
      );
    const valueSays = calendar.isStaffedAt(instant);
    if (weekSays !== valueSays)
      mismatches.push(
        `${new Date(instant).toISOString()} (${local.date} ${local.hour}:${local.minute}): week ${weekSays}, value ${valueSays}`,
      );
  }
  expect(dayNumber(monday) % 7).toBe(4); // 1970-01-01 was a Thursday: day numbers of Mondays are 4 mod 7
  return mismatches;
}

function clockMinute(value: string): number {
  const [hours = 0, minutes = 0] = value.split(':').map(Number);
  return hours * 60 + minutes;
}
