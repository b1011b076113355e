import type { CadencePolicy, PlanItem } from '@kadens/shared/contracts';

import { effectGoalPeriods, initiativesFigures, publishingFigures, signOffFigures } from './evaluation-figures';
import { oneDecimal, percentile } from './percentile';
import { promisesKept } from './promises-kept';

/**
 * Run under TZ=UTC and TZ=Pacific/Auckland as well (see the README): nothing here may depend on the
 * process's zone, only on the organisation's.
 */
const OSLO = { timeZone: 'Europe/Oslo', country: 'NO' as const };
const CADENCE: CadencePolicy = {
  maxPostsPerDay: null,
  minMinutesBetweenPosts: null,
  minPostsPerWeek: 2,
  maxDaysOfSilence: 4,
  preferredSlots: [],
  publicDescription: 'To ganger i uka',
};
const HOURS = { openingHours: 'Mo-Fr 09:00-12:00; PH off', responseWindowMinutes: 60, closedPeriods: [] };
const channel = { channelId: 'fb', cadence: CADENCE, serviceHours: HOURS };
const post = (at: string, invitesDialogue = false): PlanItem => ({ postId: `p-${at}`, channelId: 'fb', at, invitesDialogue });

describe('promises kept over March 2026 in Oslo (clocks spring forward on Sunday 29 March)', () => {
  const published = [
    post('2026-02-24T10:00:00Z'), // before the period: bounds the first silence
    post('2026-03-02T09:00:00Z'),
    post('2026-03-04T09:00:00Z'),
    post('2026-03-10T09:00:00Z', true), // Tue 10:00 CET: staffed
    post('2026-03-16T09:00:00Z'),
    post('2026-03-20T09:00:00Z'),
    post('2026-03-23T08:00:00Z'),
    post('2026-03-29T22:30:00Z', true), // Mon 30 March 00:30 CEST: next week, and not staffed
    post('2026-03-30T07:30:00Z', true), // Mon 09:30 CEST (08:30 at the winter offset): staffed
    post('2026-04-02T08:00:00Z'), // after the period: bounds the last silence
  ];
  const figures = promisesKept(published, channel, { ...OSLO, from: '2026-03-01', to: '2026-03-31', until: '2026-04-15' });

  it('counts the weeks starting in March, the one after the switch by local days', () => {
    // Weeks of 2, 9, 16, 23 and 30 March; 9 March has one post, 23 March one (the 00:30 post is on the 30th).
    expect(figures).toMatchObject({ posts: 8, minPostsPerWeek: 2, weeks: 5, weeksKept: 3, weeksKeptShare: 0.6 });
  });

  it('finds the longest silence and the days past the promised four, inside the month', () => {
    // 24–29 March: six days without a post (the post "on the 29th" in UTC is on the 30th in Oslo).
    // Days over four: 1 March, 9 March, 15 March, 28 and 29 March.
    expect(figures).toMatchObject({ longestSilenceDays: 6, maxDaysOfSilence: 4, daysOverMaximum: 5 });
  });

  it('counts dialogue posts published while the channel was staffed, at the summer offset after the switch', () => {
    expect(figures).toMatchObject({ dialoguePosts: 3, dialogueInsideStaffedHours: 2 });
  });

  it('judges nothing from `until` on: a running month counts only the weeks and days that are over', () => {
    const running = promisesKept(published, channel, { ...OSLO, from: '2026-03-01', to: '2026-03-31', until: '2026-03-17' });
    // Weeks of 2 and 9 March are over; silences judged up to the 16th.
    expect(running).toMatchObject({ weeks: 2, weeksKept: 1, longestSilenceDays: 5, daysOverMaximum: 3 });
  });

  it('a holiday closes the service hours: Maundy Thursday 2026 in Norway', () => {
    const april = promisesKept([post('2026-04-02T08:00:00Z', true), post('2026-04-07T08:00:00Z', true)], channel, {
      ...OSLO,
      from: '2026-04-01',
      to: '2026-04-30',
      until: '2026-05-10',
    });
    expect(april).toMatchObject({ dialoguePosts: 2, dialogueInsideStaffedHours: 1 });
  });

  it('answers null where nothing was promised, and a month with no post is one long silence', () => {
    const none = promisesKept(
      [],
      { channelId: 'fb', cadence: null, serviceHours: null },
      {
        ...OSLO,
        from: '2026-03-01',
        to: '2026-03-31',
        until: '2026-04-15',
      },
    );
    expect(none).toEqual({
      posts: 0,
      minPostsPerWeek: null,
      weeks: 5,
      weeksKept: null,
      weeksKeptShare: null,
      longestSilenceDays: 31,
      maxDaysOfSilence: null,
      daysOverMaximum: null,
      dialoguePosts: 0,
      dialogueInsideStaffedHours: null,
    });
  });
});

describe('percentiles (nearest rank)', () => {
  it.each([
    [[1, 2, 3, 4], 50, 2],
    [[4, 3, 2, 1], 95, 4],
    [Array.from({ length: 20 }, (_, i) => i + 1), 95, 19],
    [[7], 50, 7],
    [[], 50, null],
  ])('%j p%d = %p', (values, p, expected) => {
    expect(percentile(values, p)).toBe(expected);
  });

  it('refuses a percentile outside (0, 100]', () => {
    expect(() => percentile([1], 0)).toThrow(RangeError);
    expect(oneDecimal(1.26)).toBe(1.3);
  });
});

describe('publishing and sign-off figures', () => {
  it('counts the outcomes and the lateness of what was published', () => {
    const planned = '2026-11-03T09:00:00Z';
    const figures = publishingFigures([
      { state: 'published', plannedAt: planned, publishedAt: '2026-11-03T09:00:30Z' },
      { state: 'published', plannedAt: planned, publishedAt: '2026-11-03T09:02:00Z' },
      { state: 'published', plannedAt: planned, publishedAt: '2026-11-03T09:45:00Z' },
      { state: 'failed', plannedAt: planned, publishedAt: null },
      { state: 'unconfirmed', plannedAt: planned, publishedAt: null },
      { state: 'expired', plannedAt: planned, publishedAt: null },
    ]);
    expect(figures).toEqual({
      planned: 6,
      published: 3,
      failed: 1,
      unconfirmed: 1,
      expired: 1,
      latenessP50Minutes: 2,
      latenessP95Minutes: 45,
    });
  });

  it('measures submit → approval in hours, leaving out approvals without a submit', () => {
    const figures = signOffFigures(
      [
        { submittedAt: '2026-11-02T08:00:00Z', approvedAt: '2026-11-02T10:30:00Z' },
        { submittedAt: '2026-11-02T08:00:00Z', approvedAt: '2026-11-04T08:00:00Z' },
        { submittedAt: null, approvedAt: '2026-11-05T08:00:00Z' },
      ],
      4,
    );
    expect(figures).toEqual({ approved: 3, leadTimeP50Hours: 2.5, leadTimeP95Hours: 48, changesRequested: 4 });
    expect(signOffFigures([], 0)).toEqual({ approved: 0, leadTimeP50Hours: null, leadTimeP95Hours: null, changesRequested: 0 });
  });
});

describe('effect goals per period', () => {
  const values = new Map([
    ['2026-03', 412],
    ['2026-W10', 30],
  ]);

  it('a monthly goal has its month; a value at or above the target is met', () => {
    expect(effectGoalPeriods({ metric: 'calls', value: 400, period: 'month' }, '2026-03-01', '2026-03-31', values)).toEqual([
      { period: '2026-03', from: '2026-03-01', to: '2026-03-31', value: 412, met: true },
    ]);
  });

  it('a weekly goal has the weeks starting in the month, null where nothing was entered', () => {
    const weeks = effectGoalPeriods({ metric: 'calls', value: 40, period: 'week' }, '2026-03-01', '2026-03-31', values);
    expect(weeks.map((week) => [week.period, week.value, week.met])).toEqual([
      ['2026-W10', 30, false],
      ['2026-W11', null, null],
      ['2026-W12', null, null],
      ['2026-W13', null, null],
      ['2026-W14', null, null],
    ]);
  });

  it('a quarterly goal belongs to the quarter, not to its second month', () => {
    const goal = { metric: 'applications', value: 10, period: 'quarter' as const };
    expect(effectGoalPeriods(goal, '2026-02-01', '2026-02-28', values)).toEqual([]);
    expect(effectGoalPeriods(goal, '2026-01-01', '2026-03-31', values).map((p) => p.period)).toEqual(['2026-Q1']);
    expect(effectGoalPeriods(null, '2026-01-01', '2026-03-31', values)).toEqual([]);
  });
});

describe('initiatives against capacity', () => {
  it('spends hours per week over the period’s days ÷ 7, for active initiatives only', () => {
    const figures = initiativesFigures(
      '2026-11-01',
      '2026-11-30',
      20,
      [
        { initiativeId: 'a', what: 'Podcast', status: 'active', hoursPerWeek: 7, postsPublished: 4 },
        { initiativeId: 'b', what: 'Video', status: 'idea', hoursPerWeek: 5, postsPublished: 0 },
      ],
      3,
    );
    expect(figures).toEqual({
      capacityHoursPerWeek: 20,
      capacityHours: 85.7,
      plannedHours: 30,
      items: [
        { initiativeId: 'a', what: 'Podcast', status: 'active', hoursPerWeek: 7, plannedHours: 30, postsPublished: 4 },
        { initiativeId: 'b', what: 'Video', status: 'idea', hoursPerWeek: 5, plannedHours: 0, postsPublished: 0 },
      ],
      postsWithoutInitiative: 3,
    });
  });
});
