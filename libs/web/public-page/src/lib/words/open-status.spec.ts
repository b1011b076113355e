import type { Locale } from '@kadens/shared/contracts';

import { describeOpenStatus, type OpenStatus } from './open-status';

const COPENHAGEN = 'Europe/Copenhagen';

/**
 * Instants are UTC; the expectations are Copenhagen's wall clock. The suite runs under TZ=UTC and
 * TZ=Pacific/Auckland alike (the browser's zone must not matter).
 */
describe('describeOpenStatus', () => {
  it.each<[string, boolean, string | null, Locale, OpenStatus['next']]>([
    // Monday 10 March 2025, 11:00 in Copenhagen (UTC+1): open until noon.
    ['closes later today', true, '2025-03-10T11:00:00Z', 'da', { when: 'today', day: '', time: '12.00' }],
    ['in English', true, '2025-03-10T11:00:00Z', 'en', { when: 'today', day: '', time: '12:00' }],
    // Open over midnight, closing at 02:00 on Tuesday.
    ['closes after midnight', true, '2025-03-11T01:00:00Z', 'nb', { when: 'tomorrow', day: '', time: '02.00' }],
    ['a closing weeks away is no news', true, '2025-04-09T10:00:00Z', 'nb', null],
    ['always open', true, null, 'nb', null],
    ['opens tomorrow', false, '2025-03-11T08:00:00Z', 'sv', { when: 'tomorrow', day: '', time: '09.00' }],
    ['opens on a weekday this week', false, '2025-03-13T08:00:00Z', 'nb', { when: 'later', day: 'torsdag', time: '09.00' }],
    ['in English, with a capital', false, '2025-03-13T08:00:00Z', 'en', { when: 'later', day: 'Thursday', time: '9:00' }],
    [
      'opens after the summer, with the date',
      false,
      '2025-03-24T08:00:00Z',
      'da',
      { when: 'later', day: 'mandag 24. marts', time: '9.00' },
    ],
    ['never within the horizon', false, null, 'da', null],
  ])('%s', (_name, openNow, nextChange, locale, next) => {
    expect(describeOpenStatus({ openNow, nextChange }, new Date('2025-03-10T10:00:00Z'), COPENHAGEN, locale)).toEqual({ openNow, next });
  });

  it('counts days on the organisation’s clock: 00:30 Tuesday in Copenhagen is 23:30 Monday in UTC', () => {
    const now = new Date('2025-03-10T23:30:00Z');
    expect(describeOpenStatus({ openNow: false, nextChange: '2025-03-11T08:00:00Z' }, now, COPENHAGEN, 'da').next).toEqual({
      when: 'today',
      day: '',
      time: '9.00',
    });
  });

  it('counts days on the organisation’s clock when the visitor is a day ahead (Auckland)', () => {
    // 11:00 Friday in Auckland is 23:00 Thursday in Oslo; Oslo opens at 09:00 on Friday.
    const now = new Date('2025-01-09T22:00:00Z');
    expect(describeOpenStatus({ openNow: false, nextChange: '2025-01-10T08:00:00Z' }, now, 'Europe/Oslo', 'nb').next).toEqual({
      when: 'tomorrow',
      day: '',
      time: '09.00',
    });
  });

  it.each<[string, string, string, string, string]>([
    // Saturday 29 March 2025; clocks go forward in the night to Sunday the 30th.
    ['spring', 'Europe/Oslo', '2025-03-29T12:00:00Z', '2025-03-31T07:00:00Z', '09.00'],
    // Saturday 25 October 2025; clocks go back in the night to Sunday the 26th.
    ['autumn', 'Europe/Stockholm', '2025-10-25T12:00:00Z', '2025-10-27T08:00:00Z', '09.00'],
  ])('reads the opening time in local time across the %s DST switch', (_name, zone, now, nextChange, time) => {
    expect(describeOpenStatus({ openNow: false, nextChange }, new Date(now), zone, 'nb').next).toEqual({
      when: 'later',
      day: 'mandag',
      time,
    });
  });
});
