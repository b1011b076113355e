import type { Locale, PublicWeekday } from '@kadens/shared/contracts';

import { describeWeeklyHours } from './weekly-hours-in-words';

type Day = Array<[string, string]>;

/** A week from Monday to Sunday, each day as its [start, end] intervals. */
function week(...days: Day[]): PublicWeekday[] {
  return days.map((intervals, index) => ({ weekday: index + 1, intervals: intervals.map(([start, end]) => ({ start, end })) }));
}

const morning: Day = [['09:00', '12:00']];
const officeWeek = week(morning, morning, morning, morning, morning, [], []);

describe('describeWeeklyHours', () => {
  it.each<[Locale, string, string]>([
    ['nb', 'Mandag–fredag', '09.00–12.00'],
    ['da', 'Mandag–fredag', '9.00–12.00'],
    ['sv', 'Måndag–fredag', '09.00–12.00'],
    ['en', 'Monday–Friday', '9:00–12:00'],
  ])('groups the working week in %s: %s %s', (locale, days, times) => {
    expect(describeWeeklyHours(officeWeek, locale)[0]).toEqual({ key: 'open', days, times });
  });

  it.each<[Locale, string]>([
    ['nb', 'Lørdag og søndag'],
    ['da', 'Lørdag og søndag'],
    ['sv', 'Lördag och söndag'],
    ['en', 'Saturday and Sunday'],
  ])('names two closed days as a pair in %s', (locale, days) => {
    expect(describeWeeklyHours(officeWeek, locale)[1]).toEqual({ key: 'closed', days, times: '' });
  });

  it('breaks a run where the hours differ, and joins several intervals of a day', () => {
    const split: Day = [
      ['09:00', '11:30'],
      ['13:00', '15:00'],
    ];
    const lines = describeWeeklyHours(week(morning, morning, split, morning, [['10:00', '14:00']], [], [['12:00', '16:00']]), 'nb');
    expect(lines).toEqual([
      { key: 'open', days: 'Mandag og tirsdag', times: '09.00–12.00' },
      { key: 'open', days: 'Onsdag', times: '09.00–11.30 og 13.00–15.00' },
      { key: 'open', days: 'Torsdag', times: '09.00–12.00' },
      { key: 'open', days: 'Fredag', times: '10.00–14.00' },
      { key: 'closed', days: 'Lørdag', times: '' },
      { key: 'open', days: 'Søndag', times: '12.00–16.00' },
    ]);
  });

  it.each<[Locale, string]>([
    ['nb', '08.00–16.00 og 18.00–20.00'],
    ['da', '8.00–16.00 og 18.00–20.00'],
    ['sv', '08.00–16.00 och 18.00–20.00'],
    ['en', '8:00–16:00 and 18:00–20:00'],
  ])('says "every day" for a week of equal days in %s', (locale, times) => {
    const day: Day = [
      ['08:00', '16:00'],
      ['18:00', '20:00'],
    ];
    expect(describeWeeklyHours(week(day, day, day, day, day, day, day), locale)).toEqual([{ key: 'openEveryDay', days: '', times }]);
  });

  it('knows a channel that is always staffed, and one staffed round the clock on some days', () => {
    const allDay: Day = [['00:00', '24:00']];
    expect(describeWeeklyHours(week(allDay, allDay, allDay, allDay, allDay, allDay, allDay), 'da')).toEqual([
      { key: 'aroundTheClockEveryDay', days: '', times: '' },
    ]);
    expect(describeWeeklyHours(week(allDay, allDay, allDay, allDay, allDay, [], []), 'sv')[0]).toEqual({
      key: 'aroundTheClock',
      days: 'Måndag–fredag',
      times: '',
    });
  });

  it('writes the end of a day as 24.00 when a day runs up to midnight', () => {
    expect(describeWeeklyHours(week([['18:00', '24:00']], [], [], [], [], [], []), 'nb')[0]?.times).toBe('18.00–24.00');
  });

  it('counts a weekday the API leaves out as closed, and says nothing for a week without hours', () => {
    expect(describeWeeklyHours([{ weekday: 3, intervals: [{ start: '10:00', end: '11:00' }] }], 'en')).toEqual([
      { key: 'closed', days: 'Monday and Tuesday', times: '' },
      { key: 'open', days: 'Wednesday', times: '10:00–11:00' },
      { key: 'closed', days: 'Thursday–Sunday', times: '' },
    ]);
    expect(describeWeeklyHours(week([], [], [], [], [], [], []), 'en')).toEqual([]);
    expect(describeWeeklyHours([], 'en')).toEqual([]);
  });
});
