import type { CalendarEntry } from '@kadens/shared/contracts';

import { withTargetState } from './calendar-live-deliveries';

const SCHOOL = '0b0c6a43-6f4c-4d8e-9a3f-1b2c3d4e5f60';

function entry(id: string, states: CalendarEntry['targets'][number]['state'][]): CalendarEntry {
  return {
    id,
    title: `Post ${id}`,
    plannedAt: '2026-05-12T07:00:00.000Z',
    state: 'approved',
    themeId: SCHOOL,
    targets: states.map((state, index) => ({ channelId: `c${index}`, platform: index ? 'facebook' : 'x', state })),
  };
}

describe('withTargetState', () => {
  const entries = [entry('p1', ['scheduled', 'scheduled']), entry('p2', ['scheduled'])];

  it('changes only the target that changed', () => {
    const next = withTargetState(entries, { targetId: 't-p1-1', postId: 'p1', channelId: 'c1', state: 'published' });
    expect(next[0]?.targets.map((target) => target.state)).toEqual(['scheduled', 'published']);
    expect(next[1]).toBe(entries[1]);
    expect(entries[0]?.targets[1]?.state).toBe('scheduled');
  });

  it('keeps the same entries when the target is not shown', () => {
    expect(withTargetState(entries, { targetId: 't-p9-0', postId: 'p9', channelId: 'c0', state: 'failed' })).toBe(entries);
  });
});
