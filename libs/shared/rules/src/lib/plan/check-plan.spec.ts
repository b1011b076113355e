import type { CadencePolicy, PlanItem, ServiceHours } from '@kadens/shared/contracts';

import { ServiceCalendar } from '../service-hours/service-calendar';
import { checkPlan, type ChannelPromises } from './check-plan';

const cadence: CadencePolicy = {
  maxPostsPerDay: 1,
  minMinutesBetweenPosts: null,
  minPostsPerWeek: 3,
  maxDaysOfSilence: null,
  preferredSlots: [],
  publicDescription: 'Twice a week',
};
const hours: ServiceHours = { openingHours: 'Mo-Fr 09:00-12:00; PH off', responseWindowMinutes: 60, closedPeriods: [] };
const item = (postId: string, channelId: string, at: string, invitesDialogue = false): PlanItem => ({
  postId,
  channelId,
  at,
  invitesDialogue,
});

describe('checkPlan', () => {
  const channels: ChannelPromises[] = [
    { channelId: 'news', cadence, serviceHours: hours },
    { channelId: 'support', cadence: null, serviceHours: hours },
    { channelId: 'free', cadence: null, serviceHours: null },
  ];
  const plan = [
    item('n2', 'news', '2026-05-19T14:00:00Z'),
    item('s1', 'support', '2026-05-16T08:00:00Z', true), // Saturday
    item('n1', 'news', '2026-05-19T08:00:00Z', true),
    item('f1', 'free', '2026-05-16T08:00:00Z', true),
    item('x1', 'unknown-channel', '2026-05-16T08:00:00Z', true),
  ];
  const options = { timeZone: 'Europe/Oslo', country: 'NO' as const, range: { from: '2026-05-17T22:00:00Z', to: '2026-05-24T22:00:00Z' } };

  it('checks each channel by its own promises and sorts the result', () => {
    expect(checkPlan(plan, channels, options).map((v) => [v.rule, v.channelId, v.postId])).toEqual([
      ['service_hours.outside', 'support', 's1'],
      ['cadence.min_per_week', 'news', null],
      ['cadence.max_per_day', 'news', 'n1'],
      ['cadence.max_per_day', 'news', 'n2'],
    ]);
  });

  it('does not depend on the order of the plan', () => {
    expect(checkPlan([...plan].reverse(), channels, options)).toEqual(checkPlan(plan, channels, options));
  });

  it('reuses a compiled calendar while the hours are unchanged, and replaces it when they change', () => {
    const calendars = new Map<string, ServiceCalendar>();
    checkPlan(plan, channels, { ...options, calendars });
    const first = calendars.get('support');
    checkPlan(plan, channels, { ...options, calendars });
    expect(calendars.get('support')).toBe(first);
    const changed = channels.map((channel) =>
      channel.channelId === 'support' ? { ...channel, serviceHours: { ...hours, openingHours: 'Sa 09:00-12:00' } } : channel,
    );
    expect(checkPlan(plan, changed, { ...options, calendars }).filter((v) => v.channelId === 'support')).toEqual([]);
    expect(calendars.get('support')).not.toBe(first);
  });
});
