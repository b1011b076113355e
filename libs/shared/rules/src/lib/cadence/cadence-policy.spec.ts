import type { CadencePolicy } from '@kadens/shared/contracts';

import { parsePreferredSlot, validateCadencePolicy } from './cadence-policy';

const policy = (overrides: Partial<CadencePolicy>): CadencePolicy => ({
  maxPostsPerDay: 3,
  minMinutesBetweenPosts: 60,
  minPostsPerWeek: 3,
  maxDaysOfSilence: 4,
  preferredSlots: ['Tu,Th 09:30'],
  publicDescription: 'We post 3–5 times a week',
  ...overrides,
});

describe('parsePreferredSlot', () => {
  it.each([
    ['Tu,Th 09:30', [{ weekdays: [2, 4], minuteOfDay: 570 }]],
    [
      'Mo-Fr 08:00,14:30',
      [
        { weekdays: [1, 2, 3, 4, 5], minuteOfDay: 480 },
        { weekdays: [1, 2, 3, 4, 5], minuteOfDay: 870 },
      ],
    ],
    ['Sa-Mo 10:00', [{ weekdays: [1, 6, 7], minuteOfDay: 600 }]],
    ['Su 00:00', [{ weekdays: [7], minuteOfDay: 0 }]],
    ['  We 23:59 ', [{ weekdays: [3], minuteOfDay: 1439 }]],
  ])('%p', (text, expected) => {
    expect(parsePreferredSlot(text)).toEqual(expected);
  });

  it.each(['Tu,Th', '09:30', 'Tu 9:30', 'Xx 09:30', 'Tu 24:00', 'Mo-Tu-We 10:00', 'tu 09:30', ''])('refuses %p', (text) => {
    expect(() => parsePreferredSlot(text)).toThrow(RangeError);
  });
});

describe('validateCadencePolicy', () => {
  it('accepts a sensible policy and an all-empty one', () => {
    expect(validateCadencePolicy(policy({}))).toEqual([]);
    expect(
      validateCadencePolicy(
        policy({ maxPostsPerDay: null, minMinutesBetweenPosts: null, minPostsPerWeek: null, maxDaysOfSilence: null, preferredSlots: [] }),
      ),
    ).toEqual([]);
  });

  it.each([
    ['max per day 0', { maxPostsPerDay: 0 }, 'maxPostsPerDay'],
    ['fractional gap', { minMinutesBetweenPosts: 1.5 }, 'minMinutesBetweenPosts'],
    ['negative silence', { maxDaysOfSilence: -1 }, 'maxDaysOfSilence'],
    ['min above max: 8 a week at 1 a day', { maxPostsPerDay: 1, minPostsPerWeek: 8 }, 'minPostsPerWeek'],
    ['min above max: 8 a week a day apart', { maxPostsPerDay: null, minMinutesBetweenPosts: 1440, minPostsPerWeek: 8 }, 'minPostsPerWeek'],
    ['gap longer than the allowed silence', { minMinutesBetweenPosts: 3 * 1440, maxDaysOfSilence: 1 }, 'minMinutesBetweenPosts'],
    ['bad slot', { preferredSlots: ['Tu,Th 09:30', 'Fri 10:00'] }, 'preferredSlots[1]'],
    ['long description', { publicDescription: 'x'.repeat(501) }, 'publicDescription'],
  ])('refuses %s', (_label, overrides, field) => {
    expect(validateCadencePolicy(policy(overrides)).map((error) => error.field)).toEqual([field]);
  });

  it.each([
    ['7 a week at 1 a day', { maxPostsPerDay: 1, minPostsPerWeek: 7 }],
    ['7 a week a day apart (Mon 00:00 … Sun 00:00)', { maxPostsPerDay: null, minMinutesBetweenPosts: 1440, minPostsPerWeek: 7 }],
    ['gap of exactly two days with one silent day allowed', { minMinutesBetweenPosts: 2 * 1440, maxDaysOfSilence: 1 }],
  ])('accepts the boundary: %s', (_label, overrides) => {
    expect(validateCadencePolicy(policy(overrides))).toEqual([]);
  });
});
