import type { CadencePolicy, PlanItem, Violation } from '@kadens/shared/contracts';

import { checkCadence } from './cadence-rules';

const OSLO = 'Europe/Oslo';
const NONE: CadencePolicy = {
  maxPostsPerDay: null,
  minMinutesBetweenPosts: null,
  minPostsPerWeek: null,
  maxDaysOfSilence: null,
  preferredSlots: [],
  publicDescription: '',
};

const post = (postId: string, at: string, channelId = 'c1'): PlanItem => ({ postId, channelId, at, invitesDialogue: false });
const plan = (...ats: string[]): PlanItem[] => ats.map((at, index) => post(`p${index + 1}`, at));
const ids = (violations: Violation[]): Array<string | null> => violations.map((violation) => violation.postId);

describe('max posts per local day (block)', () => {
  const policy = { ...NONE, maxPostsPerDay: 2 };

  it.each([
    [
      'three on one day, late evening local',
      plan('2026-05-18T06:00:00Z', '2026-05-18T10:00:00Z', '2026-05-18T21:30:00Z'),
      ['p1', 'p2', 'p3'],
    ],
    [
      '00:30 local belongs to the next day (same UTC day)',
      plan('2026-05-18T06:00:00Z', '2026-05-18T10:00:00Z', '2026-05-18T22:30:00Z'),
      [],
    ],
    [
      '01:30 local is the same day (previous UTC day)',
      plan('2026-05-17T23:30:00Z', '2026-05-18T10:00:00Z', '2026-05-18T12:00:00Z'),
      ['p1', 'p2', 'p3'],
    ],
    [
      'spring day has 23 hours: 00:00 and 23:59 local',
      plan('2026-03-28T23:00:00Z', '2026-03-29T12:00:00Z', '2026-03-29T21:59:00Z'),
      ['p1', 'p2', 'p3'],
    ],
    ['spring day: 00:00 the next day is not counted', plan('2026-03-28T23:00:00Z', '2026-03-29T12:00:00Z', '2026-03-29T22:00:00Z'), []],
    [
      'autumn day has 25 hours: 00:00 and 23:59 local',
      plan('2026-10-24T22:00:00Z', '2026-10-25T12:00:00Z', '2026-10-25T22:59:00Z'),
      ['p1', 'p2', 'p3'],
    ],
    ['autumn day: 00:00 the next day is not counted', plan('2026-10-24T22:00:00Z', '2026-10-25T12:00:00Z', '2026-10-25T23:00:00Z'), []],
    [
      'New Year: 23:59 and 00:00 local are different days',
      plan('2026-12-31T20:00:00Z', '2026-12-31T22:59:00Z', '2026-12-31T23:00:00Z'),
      [],
    ],
    ['exactly the maximum', plan('2026-05-18T06:00:00Z', '2026-05-18T10:00:00Z'), []],
  ])('%s', (_label, items, expected) => {
    const violations = checkCadence(items, policy, 'c1', { timeZone: OSLO });
    expect(ids(violations)).toEqual(expected);
    for (const violation of violations)
      expect(violation).toMatchObject({ rule: 'cadence.max_per_day', severity: 'block', params: { count: 3, max: 2 } });
  });

  it('names the local date and ignores other channels', () => {
    const items = [...plan('2026-05-17T23:30:00Z', '2026-05-18T10:00:00Z'), post('x', '2026-05-18T11:00:00Z', 'c2')];
    expect(checkCadence(items, { ...NONE, maxPostsPerDay: 1 }, 'c1', { timeZone: OSLO })[0].params).toEqual({
      date: '2026-05-18',
      count: 2,
      max: 1,
    });
  });
});

describe('min minutes between posts (block, real elapsed time)', () => {
  const policy = { ...NONE, minMinutesBetweenPosts: 60 };

  it.each([
    ['59 minutes', plan('2026-05-18T08:00:00Z', '2026-05-18T08:59:00Z'), ['p1', 'p2'], 59],
    ['exactly 60 minutes is fine', plan('2026-05-18T08:00:00Z', '2026-05-18T09:00:00Z'), [], 0],
    ['59.5 minutes reports 59', plan('2026-05-18T08:00:00Z', '2026-05-18T08:59:30Z'), ['p1', 'p2'], 59],
    ['spring: 01:30 → 03:30 local is 60 real minutes', plan('2026-03-29T00:30:00Z', '2026-03-29T01:30:00Z'), [], 0],
    ['spring: 01:30 → 03:29 local is 59 real minutes', plan('2026-03-29T00:30:00Z', '2026-03-29T01:29:00Z'), ['p1', 'p2'], 59],
    ['autumn: 02:30 CEST → 02:30 CET is 60 minutes', plan('2026-10-25T00:30:00Z', '2026-10-25T01:30:00Z'), [], 0],
    ['autumn: 02:10 CEST → 02:05 CET is 55 minutes', plan('2026-10-25T00:10:00Z', '2026-10-25T01:05:00Z'), ['p1', 'p2'], 55],
    ['same instant', plan('2026-05-18T08:00:00Z', '2026-05-18T08:00:00Z'), ['p1', 'p2'], 0],
    ['across midnight', plan('2026-05-18T21:45:00Z', '2026-05-18T22:15:00Z'), ['p1', 'p2'], 30],
  ])('%s', (_label, items, expected, gap) => {
    const violations = checkCadence(items, policy, 'c1', { timeZone: OSLO });
    expect(ids(violations)).toEqual(expected);
    for (const violation of violations) expect(violation.params['gapMinutes']).toBe(gap);
  });

  it('reports each post once, against its nearest neighbour, whatever the input order', () => {
    const items = plan('2026-05-18T12:00:00Z', '2026-05-18T10:20:00Z', '2026-05-18T10:00:00Z');
    const violations = checkCadence(items, policy, 'c1', { timeZone: OSLO });
    expect(violations.map((v) => [v.postId, v.params['otherPostId'], v.params['gapMinutes']])).toEqual([
      ['p3', 'p2', 20],
      ['p2', 'p3', 20],
    ]);
  });
});

describe('min posts per local ISO week (warn)', () => {
  const policy = { ...NONE, minPostsPerWeek: 2 };
  // Mon 21 Dec 2026 … Mon 11 Jan 2027, local: weeks 2026-W52, 2026-W53, 2027-W01.
  const range = { from: '2026-12-20T23:00:00Z', to: '2027-01-10T23:00:00Z' };

  it('reports each thin week, including week 53 across the year change', () => {
    const items = plan('2026-12-22T09:00:00Z', '2026-12-24T09:00:00Z', '2027-01-02T09:00:00Z');
    const violations = checkCadence(items, policy, 'c1', { timeZone: OSLO, range });
    expect(violations.map((v) => [v.at, v.postId, v.severity, v.params])).toEqual([
      ['2026-12-27T23:00:00.000Z', null, 'warn', { week: '2026-W53', weekStart: '2026-12-28', weekEnd: '2027-01-03', count: 1, min: 2 }],
      ['2027-01-03T23:00:00.000Z', null, 'warn', { week: '2027-W01', weekStart: '2027-01-04', weekEnd: '2027-01-10', count: 0, min: 2 }],
    ]);
  });

  it.each([
    ['Sunday 23:30 local stays in its week', '2027-01-03T22:30:00Z', ['2027-W01']],
    ['Monday 00:30 local is the next week (though Sunday in UTC)', '2027-01-03T23:30:00Z', ['2026-W53']],
  ])('%s', (_label, secondPostAt, thinWeeks) => {
    const items = plan('2026-12-22T09:00:00Z', '2026-12-23T09:00:00Z', '2027-01-04T09:00:00Z', '2026-12-29T09:00:00Z', secondPostAt);
    const violations = checkCadence(items, policy, 'c1', { timeZone: OSLO, range });
    expect(violations.map((v) => v.params['week'])).toEqual(thinWeeks);
  });

  it('counts the whole week even when the range starts mid-week', () => {
    const items = plan('2026-05-18T09:00:00Z', '2026-05-22T09:00:00Z');
    const violations = checkCadence(items, policy, 'c1', {
      timeZone: OSLO,
      range: { from: '2026-05-20T10:00:00Z', to: '2026-05-21T10:00:00Z' },
    });
    expect(violations).toEqual([]);
  });

  it('without a range, judges the weeks from the first to the last post', () => {
    const items = plan('2026-05-04T09:00:00Z', '2026-05-05T09:00:00Z', '2026-05-20T09:00:00Z', '2026-05-21T09:00:00Z');
    expect(checkCadence(items, policy, 'c1', { timeZone: OSLO }).map((v) => v.params['week'])).toEqual(['2026-W20']);
  });
});

describe('max days of silence (warn)', () => {
  const policy = { ...NONE, maxDaysOfSilence: 3 };
  const may = { from: '2026-04-30T22:00:00Z', to: '2026-05-31T22:00:00Z' };

  it.each([
    [
      'three silent days are allowed',
      ['2026-05-04T09:00:00Z', '2026-05-08T09:00:00Z'],
      { from: '2026-05-03T22:00:00Z', to: '2026-05-09T22:00:00Z' },
      [],
    ],
    [
      'four are reported with their dates',
      ['2026-05-04T09:00:00Z', '2026-05-09T09:00:00Z'],
      { from: '2026-05-03T22:00:00Z', to: '2026-05-09T22:00:00Z' },
      [['2026-05-05', '2026-05-08', 4]],
    ],
    [
      '00:30 local on the 9th ends the silence on the 8th',
      ['2026-05-04T09:00:00Z', '2026-05-08T22:30:00Z'],
      { from: '2026-05-03T22:00:00Z', to: '2026-05-09T22:00:00Z' },
      [['2026-05-05', '2026-05-08', 4]],
    ],
    [
      '23:30 local on the 8th is still the 8th',
      ['2026-05-04T09:00:00Z', '2026-05-08T21:30:00Z'],
      { from: '2026-05-03T22:00:00Z', to: '2026-05-09T22:00:00Z' },
      [],
    ],
    [
      'range edges bound the silence when the plan has nothing beyond',
      ['2026-05-15T09:00:00Z'],
      may,
      [
        ['2026-05-01', '2026-05-14', 14],
        ['2026-05-16', '2026-05-31', 16],
      ],
    ],
    [
      'posts just outside the range bound it instead',
      ['2026-04-29T09:00:00Z', '2026-05-02T09:00:00Z', '2026-05-29T09:00:00Z', '2026-06-02T09:00:00Z'],
      may,
      [['2026-05-03', '2026-05-28', 26]],
    ],
    ['an empty range is one long silence', [], may, [['2026-05-01', '2026-05-31', 31]]],
    [
      'silence across the spring DST switch counts local days',
      ['2026-03-26T09:00:00Z', '2026-03-31T09:00:00Z'],
      { from: '2026-03-25T23:00:00Z', to: '2026-03-31T22:00:00Z' },
      [['2026-03-27', '2026-03-30', 4]],
    ],
  ])('%s', (_label, ats, range, expected) => {
    const violations = checkCadence(plan(...ats), policy, 'c1', { timeZone: OSLO, range });
    expect(violations.map((v) => [v.params['from'], v.params['to'], v.params['days']])).toEqual(expected);
    for (const violation of violations) expect(violation).toMatchObject({ rule: 'cadence.max_silence', severity: 'warn', postId: null });
  });

  it('anchors the silence at the start of its first local day', () => {
    const [violation] = checkCadence(plan('2026-05-15T09:00:00Z'), policy, 'c1', { timeZone: OSLO, range: may });
    expect(violation.at).toBe('2026-04-30T22:00:00.000Z');
  });

  it('with zero allowed, every day without a post is reported', () => {
    const items = plan('2026-05-04T09:00:00Z', '2026-05-06T09:00:00Z');
    const violations = checkCadence(items, { ...NONE, maxDaysOfSilence: 0 }, 'c1', {
      timeZone: OSLO,
      range: { from: '2026-05-03T22:00:00Z', to: '2026-05-06T22:00:00Z' },
    });
    expect(violations.map((v) => [v.params['from'], v.params['to']])).toEqual([['2026-05-05', '2026-05-05']]);
  });
});

describe('checkCadence as a whole', () => {
  it('checks nothing for an empty policy', () => {
    const items = plan('2026-05-18T08:00:00Z', '2026-05-18T08:00:00Z');
    expect(
      checkCadence(items, NONE, 'c1', { timeZone: OSLO, range: { from: '2026-05-01T00:00:00Z', to: '2026-06-01T00:00:00Z' } }),
    ).toEqual([]);
  });

  it('refuses an instant without an offset rather than reading it in the process zone', () => {
    expect(() => checkCadence(plan('2026-05-18T08:00:00'), { ...NONE, maxPostsPerDay: 1 }, 'c1', { timeZone: OSLO })).toThrow(RangeError);
  });
});
