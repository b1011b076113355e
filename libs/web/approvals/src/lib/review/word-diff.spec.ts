import { diffWords, hasChanges } from './word-diff';

describe('diffWords', () => {
  it.each([
    ['identical texts', 'Summer hours', 'Summer hours', [{ kind: 'same', text: 'Summer hours' }]],
    [
      'a replaced word',
      'Open from 24 June.',
      'Open from 26 June.',
      [
        { kind: 'same', text: 'Open from ' },
        { kind: 'removed', text: '24' },
        { kind: 'added', text: '26' },
        { kind: 'same', text: ' June.' },
      ],
    ],
    [
      'an added sentence on a new line',
      'Welcome back!',
      'Welcome back!\nSee you Monday.',
      [
        { kind: 'same', text: 'Welcome back!' },
        { kind: 'added', text: '\nSee you Monday.' },
      ],
    ],
    ['everything new', '', 'Hello', [{ kind: 'added', text: 'Hello' }]],
    ['everything gone', 'Hello', '', [{ kind: 'removed', text: 'Hello' }]],
  ])('%s', (_label, before, after, parts) => {
    expect(diffWords(before, after)).toEqual(parts);
  });

  it('puts the new text back together from its same and added parts, and the old one from same and removed', () => {
    const before = 'The library keeps summer hours from 24 June. Welcome!';
    const after = 'The school library keeps short summer hours from 26 June.\nWelcome!';
    const parts = diffWords(before, after);
    expect(
      parts
        .filter((part) => part.kind !== 'removed')
        .map((part) => part.text)
        .join(''),
    ).toBe(after);
    expect(
      parts
        .filter((part) => part.kind !== 'added')
        .map((part) => part.text)
        .join(''),
    ).toBe(before);
    expect(hasChanges(parts)).toBe(true);
  });

  it('still answers for very long texts, as a replacement', () => {
    const before = 'a '.repeat(3000);
    const after = 'b '.repeat(3000);
    expect(diffWords(before, after)).toEqual([
      { kind: 'removed', text: before },
      { kind: 'added', text: after },
    ]);
  });
});
