import { planChangeMatters, type PlannedPost, plannedPostOf } from './planned-post';

describe('planned post', () => {
  const saved = plannedPostOf({
    id: 'p1',
    plannedAt: '2027-01-12T08:00:00.000Z',
    invitesDialogue: false,
    contentTypeId: 'news',
    state: 'draft',
    targets: [
      { channelId: 'c1', state: 'pending' },
      { channelId: 'c2', state: 'failed' },
    ],
    ruleOverride: null,
  });

  it('counts only the targets that still go out', () => {
    expect(saved.channelIds).toEqual(['c1']);
    expect(saved.cancelled).toBe(false);
  });

  it.each<[string, Partial<PlannedPost>, boolean]>([
    ['the same instant written another way', { plannedAt: '2027-01-12T09:00:00+01:00' }, false],
    ['the same channels in another order', { channelIds: ['c1', 'c1'] }, false],
    ['another time', { plannedAt: '2027-01-12T08:01:00.000Z' }, true],
    ['unplanned', { plannedAt: null }, true],
    ['another channel', { channelIds: ['c1', 'c3'] }, true],
    ['the dialogue flag', { invitesDialogue: true }, true],
    ['another content type', { contentTypeId: 'question_poll' }, true],
  ])('%s → %s', (_case, change, matters) => {
    expect(planChangeMatters(saved, { ...saved, ...change })).toBe(matters);
  });
});
