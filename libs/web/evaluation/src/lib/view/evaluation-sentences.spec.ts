import type { ChannelPromisesKept } from '@kadens/shared/contracts';

import { numberText, percentText, promiseSentence } from './evaluation-sentences';

const instagram: ChannelPromisesKept = {
  channelId: 'c1',
  name: 'Instagram',
  platform: 'instagram',
  posts: 10,
  minPostsPerWeek: 3,
  weeks: 4,
  weeksKept: 3,
  weeksKeptShare: 0.75,
  longestSilenceDays: 3,
  maxDaysOfSilence: 4,
  daysOverMaximum: 0,
  dialoguePosts: 0,
  dialogueInsideStaffedHours: null,
};

describe('evaluation sentences', () => {
  it('says how many weeks kept the promised minimum', () => {
    expect(promiseSentence(instagram)).toEqual({
      key: 'evaluation.promises.weeksKept',
      params: { channel: 'Instagram', kept: 3, weeks: 4, min: 3 },
    });
  });

  it('says what it can without a minimum, or before a week is over', () => {
    expect(promiseSentence({ ...instagram, minPostsPerWeek: null, weeksKept: null }).key).toBe('evaluation.promises.noMinimum');
    expect(promiseSentence({ ...instagram, weeks: 0, weeksKept: 0 }).key).toBe('evaluation.promises.noWeeks');
  });

  it('writes shares and numbers in the reader’s language', () => {
    expect(percentText(0.75, 'nb-NO')).toMatch(/^75\s?%$/);
    expect(percentText(null, 'en')).toBeNull();
    expect(numberText(88.57, 'nb-NO')).toBe('88,6');
  });
});
