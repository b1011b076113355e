import { RULE_IDS, type Violation } from '@kadens/shared/contracts';

import {
  introducedViolations,
  isBlocking,
  makeViolation,
  RULE_SEVERITY,
  sortViolations,
  violationKey,
  violationsForPost,
} from './violation';

describe('violations', () => {
  it.each([
    ['cadence.max_per_day', 'block'],
    ['cadence.min_gap', 'block'],
    ['cadence.min_per_week', 'warn'],
    ['cadence.max_silence', 'warn'],
    ['service_hours.outside', 'block'],
    ['service_hours.response_window', 'block'],
  ] as const)('%s is a %s', (rule, severity) => {
    expect(RULE_SEVERITY[rule]).toBe(severity);
    expect(isBlocking(makeViolation(rule, 'c', 'p', 0, {}))).toBe(severity === 'block');
  });

  it('gives every rule id a severity', () => {
    expect(Object.keys(RULE_SEVERITY).sort()).toEqual([...RULE_IDS].sort());
  });

  it('is plain data with an ISO instant', () => {
    expect(makeViolation('cadence.min_gap', 'c1', 'p1', Date.parse('2026-03-29T01:30:00Z'), { minMinutes: 60 })).toEqual({
      rule: 'cadence.min_gap',
      severity: 'block',
      channelId: 'c1',
      postId: 'p1',
      at: '2026-03-29T01:30:00.000Z',
      params: { minMinutes: 60 },
    });
  });

  const a = makeViolation('cadence.max_per_day', 'c1', 'p2', Date.parse('2026-01-02T10:00:00Z'), { count: 3, max: 2 });
  const b = makeViolation('cadence.min_gap', 'c1', 'p1', Date.parse('2026-01-02T09:00:00Z'), { gapMinutes: 5 });
  const c = makeViolation('cadence.max_per_day', 'c1', 'p1', Date.parse('2026-01-02T09:00:00Z'), { count: 3, max: 2 });
  const week = makeViolation('cadence.min_per_week', 'c1', null, Date.parse('2025-12-28T23:00:00Z'), { count: 0 });

  it('sorts by time, then rule, whatever the input order', () => {
    const expected: Violation[] = [week, c, b, a];
    expect(sortViolations([a, b, c, week])).toEqual(expected);
    expect(sortViolations([week, a, c, b])).toEqual(expected);
  });

  it('finds the violations naming a post', () => {
    expect(violationsForPost([a, b, c, week], 'p1')).toEqual([b, c]);
  });

  it('tells which violations a change introduced', () => {
    const reordered = makeViolation('cadence.max_per_day', 'c1', 'p2', Date.parse('2026-01-02T10:00:00Z'), { max: 2, count: 3 });
    expect(violationKey(reordered)).toBe(violationKey(a));
    expect(introducedViolations([a, b], [reordered, b, c])).toEqual([c]);
  });
});
