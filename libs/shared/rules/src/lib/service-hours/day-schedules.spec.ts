import { dayNumber } from '../local-time/civil-date';
import { createOpeningHours } from './opening-hours-engine';
import { DayScheduleSource, isWeeklyValue } from './day-schedules';

describe('isWeeklyValue', () => {
  it.each([
    ['Mo-Fr 09:00-12:00; PH off', true],
    ['Mo-Fr 09:00-11:30,12:30-15:00; Sa 10:00-13:00; PH off', true],
    ['Mo-Fr 22:00-02:00; PH off', true],
    ['Mo-Su 07:00-22:00; PH 10:00-16:00', true],
    ['Mo-Fr 09:00-12:00 "phone only, call 12345"; PH closed', true],
    ['24/7', true],
    ['Mo-Fr 09:00-24:00 || "by appointment"', true],
    ['Jun-Aug Mo-Fr 10:00-14:00; PH off', false],
    ['Mo-Fr 09:00-12:00; Dec 24 off', false],
    ['week 01-26 Mo-Fr 09:00-12:00', false],
    ['Su[1] 10:00-12:00', false],
    ['PH -1 day off; Mo-Fr 09:00-12:00', false],
    ['Mo-Fr 09:00-12:00; 2026 Jul off', false],
    ['Mo-Fr 20:00-26:00', false],
    ['Mo-Fr 9-12', false],
    ['Mo-Fr 10:00+', false],
  ])('%p → %s', (value, weekly) => {
    expect(isWeeklyValue(value)).toBe(weekly);
  });
});

describe("the weekday/holiday shortcut gives the library's own answer", () => {
  const values = [
    'Mo-Fr 09:00-12:00; PH off',
    'Mo-Fr 22:00-02:00; PH off',
    'Mo-Su 07:00-22:00; PH 10:00-16:00',
    'Sa,Su,PH 10:00-14:00; Mo-Fr 08:00-16:00',
    'Mo-Fr 09:00-12:00 "phone"; PH closed || Sa 10:00-11:00',
  ];
  const cases = (['NO', 'DK', 'SE'] as const).flatMap((country) => values.map((value) => [country, value] as const));

  it.each(cases)('%s %p, every day of 2026 and 2027', (country, value) => {
    const shortcut = new DayScheduleSource(createOpeningHours(value, country), country, value);
    const reference = new DayScheduleSource(createOpeningHours(value, country), country, value);
    for (let day = dayNumber('2026-01-01'); day <= dayNumber('2027-12-31'); day++) {
      const expected = reference.evaluatedDay(day);
      const actual = shortcut.dayMinutes(day);
      if (JSON.stringify(actual) !== JSON.stringify(expected)) {
        throw new Error(`day ${day}: ${JSON.stringify(actual)} ≠ ${JSON.stringify(expected)}`);
      }
    }
  });
});
