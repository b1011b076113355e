import type { ServiceContext } from '@kadens/shared/rules';

import { MONDAY_MORNING, PROMISES } from '../testing/strategy-fixtures.testing';
import { summaryParts } from './promises-summary.component';
import { comingWeek, describeRegularWeek, describeWeekdays, formatDayMinutes } from './staffed-days';

const OSLO: ServiceContext = { timeZone: 'Europe/Oslo', country: 'NO' };

describe('describeWeekdays', () => {
  it.each([
    [[1, 2, 3, 4, 5], 'en', 'Mon–Fri'],
    [[2, 4], 'en', 'Tue, Thu'],
    [[6, 7], 'en', 'Sat, Sun'],
    [[1, 2, 3, 5, 6, 7], 'en', 'Mon–Wed, Fri–Sun'],
    [[5, 1, 3, 2, 4], 'nb', 'man.–fre.'],
  ])('%j in %s reads %s', (days, language, expected) => {
    expect(describeWeekdays(days, language)).toBe(expected);
  });
});

describe('formatDayMinutes', () => {
  it.each([
    [[[540, 720]], false, '09:00–12:00'],
    [[[540, 720]], true, '09–12'],
    [
      [
        [570, 720],
        [780, 900],
      ],
      true,
      '09:30–12, 13–15',
    ],
    [[[0, 1440]], true, '00–24'],
    [[], true, ''],
  ] as const)('%j (compact %s) reads %s', (minutes, compact, expected) => {
    expect(formatDayMinutes(minutes, compact)).toBe(expected);
  });
});

describe('describeRegularWeek', () => {
  it.each([
    ['Mo-Fr 09:00-12:00; PH off', 'Mon–Fri 09–12'],
    ['Mo-Fr 08:00-16:00; Sa 10:00-14:00', 'Mon–Fri 08–16, Sat 10–14'],
    ['Mo,We,Fr 09:00-11:00; Tu 13:00-15:00', 'Mon, Wed, Fri 09–11, Tue 13–15'],
    ['24/7', 'Mon–Sun 00–24'],
    ['off', ''],
  ])('%s reads %s, whatever the holidays of the coming weeks', (openingHours, expected) => {
    // The coming week holds Ascension Day (Thursday) and 17 May (Sunday); the usual hours still win.
    expect(describeRegularWeek(openingHours, OSLO, MONDAY_MORNING, 'en')).toBe(expected);
  });
});

describe('comingWeek', () => {
  it('starts today in the organisation’s zone and says why a day is closed', () => {
    // 23:30 UTC on Sunday is already Monday in Oslo.
    const week = comingWeek(
      {
        openingHours: 'Mo-Fr 09:00-12:00; PH off',
        responseWindowMinutes: 60,
        closedPeriods: [{ start: '2026-05-12', end: '2026-05-12', reason: 'Moving' }],
      },
      OSLO,
      Date.parse('2026-05-10T23:30:00Z'),
    );
    expect(week.map((day) => [day.date, formatDayMinutes(day.minutes), day.holiday ?? day.closedPeriod?.reason ?? null])).toEqual([
      ['2026-05-11', '09:00–12:00', null],
      ['2026-05-12', '', 'Moving'],
      ['2026-05-13', '09:00–12:00', null],
      ['2026-05-14', '', 'Kristi himmelfartsdag'],
      ['2026-05-15', '09:00–12:00', null],
      ['2026-05-16', '', null],
      ['2026-05-17', '', 'Grunnlovsdagen'],
    ]);
  });
});

describe('summaryParts', () => {
  const hours = (responseWindowMinutes: number) => ({
    channelId: 'c1',
    cadence: null,
    serviceHours: { openingHours: 'Mo-Fr 09:00-12:00', responseWindowMinutes, closedPeriods: [] },
  });

  it.each([
    [120, { key: 'strategy.promises.summary.answersWithinHours', params: { hours: 2 } }],
    [45, { key: 'strategy.promises.summary.answersWithinMinutes', params: { minutes: 45 } }],
    [90, { key: 'strategy.promises.summary.answersWithinHoursMinutes', params: { hours: 1, minutes: 30 } }],
  ])('words a response window of %i minutes', (minutes, expected) => {
    expect(summaryParts(hours(minutes), OSLO, MONDAY_MORNING, 'en')[1]).toEqual({ kind: 'key', ...expected });
  });

  it('shows the hours as written until the organisation’s clock is known', () => {
    expect(summaryParts(hours(60), null, MONDAY_MORNING, 'en')[0]).toEqual({ kind: 'text', text: 'Mo-Fr 09:00-12:00' });
  });

  it('falls back to the public sentence for a cadence without weekly or daily limits', () => {
    const view = {
      ...PROMISES[1],
      channelId: 'c2',
      cadence: { ...(PROMISES[0]?.cadence ?? ({} as never)), minPostsPerWeek: null, maxPostsPerDay: null },
    };
    expect(summaryParts(view, OSLO, MONDAY_MORNING, 'en')).toEqual([{ kind: 'text', text: 'We post 3–5 times a week' }]);
  });
});
