import type { Violation } from '@kadens/shared/contracts';

import { CHANNELS } from '../testing/approvals-fixtures.testing';
import { describeViolation, violationsOfPost } from './violation-wording';

const violation = (rule: Violation['rule'], postId: string | null, params: Violation['params'], at = '2030-06-04T10:00:00.000Z'): Violation => ({
  rule,
  severity: rule.startsWith('cadence.min_per') || rule === 'cadence.max_silence' ? 'warn' : 'block',
  channelId: 'c-fb',
  postId,
  at,
  params,
});

describe('violationsOfPost', () => {
  it('keeps what names the post and a thin week it falls in, and leaves out the rest of the plan', () => {
    const mine = violation('cadence.max_per_day', 'p1', { date: '2030-06-04', count: 3, max: 2 });
    const other = violation('cadence.max_per_day', 'p2', { date: '2030-06-05', count: 3, max: 2 });
    const myWeek = violation('cadence.min_per_week', null, { week: '2030-W23', weekStart: '2030-06-03', weekEnd: '2030-06-09', count: 1, min: 3 });
    const nextWeek = violation('cadence.min_per_week', null, { week: '2030-W24', weekStart: '2030-06-10', weekEnd: '2030-06-16', count: 0, min: 3 });
    const silence = violation('cadence.max_silence', null, { from: '2030-06-05', to: '2030-06-09', days: 5, maxDays: 3 });
    expect(violationsOfPost([mine, other, myWeek, nextWeek, silence], 'p1', '2030-06-04T10:00:00.000Z', 'Europe/Oslo')).toEqual([mine, myWeek]);
  });
});

describe('describeViolation', () => {
  it('names the channel, writes dates the language’s way and adds the next staffed time', () => {
    expect(describeViolation(violation('cadence.max_per_day', 'p1', { date: '2030-06-04', count: 3, max: 2 }), CHANNELS, 'Europe/Oslo', 'en')).toEqual([
      { key: 'approvals.rules.cadence.max_per_day', params: { channel: 'Fjordvik på Facebook', date: '4 June 2030', count: 3, max: 2 } },
    ]);
    const thinWeek = violation('cadence.min_per_week', null, { week: '2030-W23', weekStart: '2030-06-03', weekEnd: '2030-06-09', count: 1, min: 3 });
    expect(describeViolation(thinWeek, CHANNELS, 'Europe/Oslo', 'en')[0]?.params).toMatchObject({ week: 23, weekStart: '3 June 2030' });
    const closed = violation('service_hours.outside', 'p1', { nextOpening: '2030-06-05T07:00:00.000Z' });
    expect(describeViolation(closed, CHANNELS, 'Europe/Oslo', 'nb')[1]).toEqual({
      key: 'approvals.rules.nextOpening',
      params: { time: expect.stringMatching(/5\. juni 2030.*09:00/) },
    });
  });
});
