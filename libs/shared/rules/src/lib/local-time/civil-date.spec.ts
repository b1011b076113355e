import {
  addDays,
  dateOfDayNumber,
  dayNumber,
  formatClockTime,
  formatIsoWeek,
  isCivilDate,
  isoWeekdayOfDayNumber,
  isoWeekOf,
  mondayOfDayNumber,
  parseClockTime,
} from './civil-date';

describe('ISO weeks', () => {
  it.each([
    // Week 53 and the year change: the week belongs to the year of its Thursday.
    ['2026-12-28', '2026-W53'],
    ['2026-12-31', '2026-W53'],
    ['2027-01-01', '2026-W53'],
    ['2027-01-03', '2026-W53'],
    ['2027-01-04', '2027-W01'],
    ['2020-12-31', '2020-W53'],
    ['2021-01-03', '2020-W53'],
    ['2021-01-04', '2021-W01'],
    ['2024-12-29', '2024-W52'],
    ['2024-12-30', '2025-W01'],
    ['2025-12-29', '2026-W01'],
    ['2026-01-01', '2026-W01'],
    ['2026-03-29', '2026-W13'],
    ['2026-10-25', '2026-W43'],
    ['2032-12-31', '2032-W53'],
  ])('%s is in %s', (date, week) => {
    expect(formatIsoWeek(isoWeekOf(date))).toBe(week);
  });

  it.each([
    ['2026-12-31', '2026-12-28'],
    ['2027-01-03', '2026-12-28'],
    ['2027-01-04', '2027-01-04'],
    ['2026-03-01', '2026-02-23'],
  ])('the Monday of %s is %s', (date, monday) => {
    expect(dateOfDayNumber(mondayOfDayNumber(dayNumber(date)))).toBe(monday);
  });
});

describe('weekdays and day arithmetic', () => {
  it.each([
    ['1970-01-01', 4],
    ['2026-03-29', 7],
    ['2026-03-30', 1],
    ['2026-06-19', 5],
    ['1969-12-29', 1],
  ])('%s has ISO weekday %i', (date, weekday) => {
    expect(isoWeekdayOfDayNumber(dayNumber(date))).toBe(weekday);
  });

  it.each([
    ['2026-02-28', 1, '2026-03-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2027-01-01', -1, '2026-12-31'],
    ['2026-03-28', 2, '2026-03-30'],
  ])('%s + %i days = %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it.each([
    ['2026-02-29', false],
    ['2028-02-29', true],
    ['2026-13-01', false],
    ['2026-04-31', false],
    ['2026-4-1', false],
    ['2026-04-30', true],
  ])('isCivilDate(%s) = %s', (date, valid) => {
    expect(isCivilDate(date)).toBe(valid);
  });

  it('refuses to compute with an impossible date', () => {
    expect(() => dayNumber('2026-02-30')).toThrow(RangeError);
  });
});

describe('clock times', () => {
  it.each([
    ['00:00', 0],
    ['09:00', 540],
    ['12:00', 720],
    ['23:59', 1439],
  ])('%s is minute %i', (text, minute) => {
    expect(parseClockTime(text)).toBe(minute);
    expect(formatClockTime(minute)).toBe(text);
  });

  it.each(['24:00', '9:00', '09:60', '09.00', ''])('refuses %p', (text) => {
    expect(() => parseClockTime(text)).toThrow(RangeError);
  });
});
