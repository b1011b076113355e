import type { CadencePolicy, PlanItem } from '@kadens/shared/contracts';

import { localToInstant } from '../local-time/zoned-time';
import { ServiceCalendar } from '../service-hours/service-calendar';
import { violationsForPost } from '../violation/violation';
import { checkPlan } from './check-plan';
import { nextFreeSlot, nextFreeSlotOnChannels, type NextFreeSlotRequest } from './next-free-slot';

const OSLO = 'Europe/Oslo';
const local = (text: string): string => new Date(localToInstant(text.slice(0, 10), text.slice(11), OSLO)).toISOString();
const cadence = (overrides: Partial<CadencePolicy> = {}): CadencePolicy => ({
  maxPostsPerDay: 1,
  minMinutesBetweenPosts: 60,
  minPostsPerWeek: null,
  maxDaysOfSilence: null,
  preferredSlots: ['Tu,Th 09:30'],
  publicDescription: '',
  ...overrides,
});
const hours = { openingHours: 'Mo-Fr 09:00-12:00; PH off', responseWindowMinutes: 60, closedPeriods: [] };
const calendar = new ServiceCalendar(hours, { timeZone: OSLO, country: 'NO' });
const post = (postId: string, when: string, invitesDialogue = false): PlanItem => ({
  postId,
  channelId: 'c1',
  at: local(when),
  invitesDialogue,
});
const request = (overrides: Partial<NextFreeSlotRequest>): NextFreeSlotRequest => ({
  channelId: 'c1',
  plan: [],
  cadence: cadence(),
  calendar,
  invitesDialogue: false,
  from: local('2026-05-18 08:00'), // a Monday
  timeZone: OSLO,
  ...overrides,
});

describe('nextFreeSlot', () => {
  it.each([
    ['prefers the first preferred slot', {}, ['2026-05-19 09:30', true]],
    ['skips a preferred slot on a full day', { plan: [post('a', '2026-05-19 15:00')] }, ['2026-05-21 09:30', true]],
    [
      'falls back to the earliest free minute when no preferred slot is free within a week',
      { plan: [post('a', '2026-05-19 15:00'), post('b', '2026-05-21 15:00')] },
      ['2026-05-18 08:00', false],
    ],
    ['without preferred slots, the earliest free minute', { cadence: cadence({ preferredSlots: [] }) }, ['2026-05-18 08:00', false]],
    [
      'jumps past the minimum gap',
      { cadence: cadence({ preferredSlots: [], maxPostsPerDay: 5 }), plan: [post('a', '2026-05-18 08:30')] },
      ['2026-05-18 09:30', false],
    ],
    [
      'jumps past a full day to the next local midnight',
      { cadence: cadence({ preferredSlots: [] }), plan: [post('a', '2026-05-18 23:30')] },
      ['2026-05-19 00:30', false],
    ],
    [
      'ignores the post being moved',
      { cadence: cadence({ preferredSlots: [] }), plan: [post('me', '2026-05-18 08:10')], postId: 'me' },
      ['2026-05-18 08:00', false],
    ],
    [
      'a dialogue post waits for service hours',
      { cadence: cadence({ preferredSlots: ['Sa 10:00'] }), invitesDialogue: true },
      ['2026-05-18 09:00', false],
    ],
    [
      'a dialogue post skips a staffed time without enough window (11:30 on the day before a closure)',
      { cadence: null, invitesDialogue: true, from: local('2026-05-13 11:30'), responseHorizonDays: 1 }, // Thu 14 May: Ascension Day
      ['2026-05-15 09:00', false],
    ],
    ['a dialogue post over Easter', { cadence: null, invitesDialogue: true, from: local('2026-04-01 12:00') }, ['2026-04-07 09:00', false]],
    [
      'a preferred slot in the spring gap means 03:30 CEST',
      { cadence: cadence({ preferredSlots: ['Su 02:30'] }), from: local('2026-03-28 12:00') },
      ['2026-03-29 03:30', true],
    ],
    ['rounds up to the whole minute', { cadence: null, from: '2026-05-18T06:00:00.001Z' }, ['2026-05-18 08:01', false]],
  ] as const)('%s', (_label, overrides, [when, preferred]) => {
    expect(nextFreeSlot(request(overrides))).toEqual({ at: local(when), preferred });
  });

  it('returns null when nothing is free within the horizon', () => {
    const closed = new ServiceCalendar(
      { ...hours, closedPeriods: [{ start: '2026-05-01', end: '2026-08-31' }] },
      { timeZone: OSLO, country: 'NO' },
    );
    expect(nextFreeSlot(request({ calendar: closed, invitesDialogue: true }))).toBeNull();
    expect(nextFreeSlot(request({ calendar: closed, invitesDialogue: true, horizonDays: 120 }))?.at).toBe(local('2026-09-01 09:00'));
  });
});

describe('nextFreeSlotOnChannels', () => {
  const on = (channelId: string, postId: string, when: string): PlanItem => ({
    postId,
    channelId,
    at: local(when),
    invitesDialogue: false,
  });
  const search = (plan: PlanItem[], channels: Array<{ channelId: string; cadence: CadencePolicy | null }>, invitesDialogue = false) =>
    nextFreeSlotOnChannels({
      plan,
      channels: channels.map((channel) => ({ ...channel, calendar })),
      invitesDialogue,
      from: local('2026-05-18 08:00'),
      timeZone: OSLO,
    });

  it('answers one channel exactly as nextFreeSlot does', () => {
    const plan = [post('a', '2026-05-19 15:00')];
    expect(search(plan, [{ channelId: 'c1', cadence: cadence() }])).toEqual(nextFreeSlot(request({ plan })));
  });

  it('finds the first time free on every channel, each with its own plan and cadence', () => {
    const gap = cadence({ preferredSlots: [], maxPostsPerDay: 5 });
    // c1 is busy at 08:30 (free again 09:30); c2 at 09:45 (free again 10:45), so 09:30 is too close on c2.
    const plan = [on('c1', 'a', '2026-05-18 08:30'), on('c2', 'b', '2026-05-18 09:45')];
    const slot = search(plan, [
      { channelId: 'c1', cadence: gap },
      { channelId: 'c2', cadence: gap },
    ]);
    expect(slot).toEqual({ at: local('2026-05-18 10:45'), preferred: false });
  });

  it('takes a preferred slot of any channel when it is free on all of them', () => {
    const slot = search(
      [on('c1', 'a', '2026-05-19 15:00')],
      [
        { channelId: 'c1', cadence: cadence() },
        { channelId: 'c2', cadence: cadence({ preferredSlots: ['We 11:00'] }) },
      ],
    );
    // Tuesday is full on c1, so c2's Wednesday 11:00 comes before c1's Thursday 09:30.
    expect(slot).toEqual({ at: local('2026-05-20 11:00'), preferred: true });
  });

  it('holds a dialogue post to every channel’s service hours, and finds nothing without channels', () => {
    expect(
      search(
        [],
        [
          { channelId: 'c1', cadence: null },
          { channelId: 'c2', cadence: null },
        ],
        true,
      ),
    ).toEqual({ at: local('2026-05-18 09:00'), preferred: false });
    expect(search([], [])).toBeNull();
  });
});

describe('nextFreeSlot agrees with checkPlan', () => {
  /** Small deterministic generator, so failures reproduce. */
  const random = (seed: number) => () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };

  it.each([1, 2, 3, 4, 5, 6, 7, 8])('seed %i: the slot is free, and no earlier minute is', (seed) => {
    const next = random(seed);
    const policy = cadence({ maxPostsPerDay: 2, minMinutesBetweenPosts: 90, preferredSlots: next() < 0.5 ? [] : ['Mo,We 10:15'] });
    const start = Date.parse(local('2026-03-26 08:00'));
    const plan: PlanItem[] = Array.from({ length: 12 }, (_, index) => ({
      postId: `p${index}`,
      channelId: 'c1',
      at: new Date(start + Math.floor(next() * 6 * 24 * 60) * 60_000).toISOString(),
      invitesDialogue: false,
    }));
    const invitesDialogue = next() < 0.5;
    const from = new Date(start + Math.floor(next() * 3 * 24 * 60) * 60_000).toISOString();
    const slot = nextFreeSlot(request({ plan, cadence: policy, invitesDialogue, from }));
    expect(slot).not.toBeNull();
    const calendars = new Map<string, ServiceCalendar>();
    const blockingAt = (at: string): boolean => {
      const candidate: PlanItem = { postId: 'new', channelId: 'c1', at, invitesDialogue };
      const violations = checkPlan([...plan, candidate], [{ channelId: 'c1', cadence: policy, serviceHours: hours }], {
        timeZone: OSLO,
        country: 'NO',
        calendars,
      });
      return violationsForPost(violations, 'new').some((violation) => violation.severity === 'block');
    };
    expect(blockingAt(slot?.at ?? '')).toBe(false);
    if (slot && !slot.preferred) {
      for (let t = Date.parse(from); t < Date.parse(slot.at); t += 60_000) expect(blockingAt(new Date(t).toISOString())).toBe(true);
    }
  });
});
