import type { ClosedPeriod, PlanItem } from '@kadens/shared/contracts';

import { localToInstant } from '../local-time/zoned-time';
import { checkServiceHours } from './dialogue-rules';
import { ServiceCalendar } from './service-calendar';

const OSLO = 'Europe/Oslo';
const local = (text: string): string => new Date(localToInstant(text.slice(0, 10), text.slice(11), OSLO)).toISOString();
const calendar = (openingHours: string, responseWindowMinutes: number, closedPeriods: ClosedPeriod[] = []) =>
  new ServiceCalendar({ openingHours, responseWindowMinutes, closedPeriods }, { timeZone: OSLO, country: 'NO' });
const question = (when: string, invitesDialogue = true): PlanItem[] => [{ postId: 'q', channelId: 'c1', at: local(when), invitesDialogue }];

describe('dialogue posts and service hours (block)', () => {
  const weekdays = calendar('Mo-Fr 09:00-12:00; PH off', 120);

  it.each([
    ['at 09:00 sharp', '2026-05-19 09:00', null],
    ['at 11:30, window filled next morning', '2026-05-19 11:30', null],
    ['Friday 11:30 before the spring switch, filled Monday', '2026-03-27 11:30', null],
    ['Wednesday 11:30 before Easter, filled Tuesday within 7 days', '2026-04-01 11:30', null],
    ['at 08:59', '2026-05-19 08:59', ['service_hours.outside', { nextOpening: '2026-05-19T07:00:00.000Z' }]],
    ['at 12:00 sharp', '2026-05-19 12:00', ['service_hours.outside', { nextOpening: '2026-05-20T07:00:00.000Z' }]],
    ['on Maundy Thursday', '2026-04-02 10:00', ['service_hours.outside', { nextOpening: '2026-04-07T07:00:00.000Z' }]],
    ['on a Saturday', '2026-05-16 10:00', ['service_hours.outside', { nextOpening: '2026-05-18T07:00:00.000Z' }]],
  ] as const)('%s', (_label, when, expected) => {
    const violations = checkServiceHours(question(when), weekdays, 'c1');
    expect(violations.map((v) => [v.rule, v.params])).toEqual(expected ? [expected] : []);
    for (const violation of violations) expect(violation).toMatchObject({ severity: 'block', postId: 'q', at: local(when) });
  });

  it('blocks a question just before a long closure', () => {
    const summer = calendar('Mo-Fr 09:00-12:00; PH off', 120, [{ start: '2026-07-06', end: '2026-07-31' }]);
    const [violation] = checkServiceHours(question('2026-07-03 11:30'), summer, 'c1');
    expect(violation).toMatchObject({
      rule: 'service_hours.response_window',
      severity: 'block',
      params: { windowMinutes: 120, staffedMinutes: 30, horizonDays: 7 },
    });
  });

  it('uses the horizon it is given', () => {
    expect(checkServiceHours(question('2026-04-01 11:30'), weekdays, 'c1', { responseHorizonDays: 5 })[0].params).toEqual({
      windowMinutes: 120,
      staffedMinutes: 30,
      horizonDays: 5,
    });
  });

  it.each([
    ['spring Sunday: 01:00-04:00 is 2 real hours', '2026-03-29 01:00', [120]],
    ['autumn Sunday: 4 real hours', '2026-10-25 01:00', []],
    ['ordinary Sunday: 3 hours', '2026-05-17 01:00', []],
  ])('counts real staffed minutes on DST days — %s', (_label, when, staffed) => {
    const sundays = calendar('Su 01:00-04:00', 150);
    const violations = checkServiceHours(question(when), sundays, 'c1', { responseHorizonDays: 1 });
    expect(violations.map((v) => v.params['staffedMinutes'])).toEqual(staffed);
  });

  it('only needs staffing when the window is zero, and ignores posts that do not invite dialogue', () => {
    expect(checkServiceHours(question('2026-05-19 11:59'), calendar('Mo-Fr 09:00-12:00', 0), 'c1')).toEqual([]);
    expect(checkServiceHours(question('2026-05-16 10:00', false), weekdays, 'c1')).toEqual([]);
    expect(checkServiceHours(question('2026-05-16 10:00'), weekdays, 'other-channel')).toEqual([]);
  });

  it('says nothing about the next opening when there is none', () => {
    const [violation] = checkServiceHours(question('2026-05-19 10:00'), calendar('off', 60), 'c1');
    expect(violation).toMatchObject({ rule: 'service_hours.outside', params: {} });
  });
});
