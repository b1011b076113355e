import { reorderedPositions } from './checklist-order';

const items = [
  { id: 'a', position: 1 },
  { id: 'b', position: 2 },
  { id: 'c', position: 3 },
];

describe('reorderedPositions', () => {
  it.each([
    [
      'up',
      'b',
      -1,
      [
        { id: 'b', position: 1 },
        { id: 'a', position: 2 },
      ],
    ],
    [
      'down',
      'b',
      1,
      [
        { id: 'c', position: 2 },
        { id: 'b', position: 3 },
      ],
    ],
    ['up from the top', 'a', -1, []],
    ['down from the bottom', 'c', 1, []],
    ['an unknown item', 'x', 1, []],
  ] as const)('moves %s', (_label, id, offset, expected) => {
    expect(reorderedPositions(items, id, offset)).toEqual(expected);
  });

  it('tidies equal positions on the way', () => {
    const tied = [
      { id: 'a', position: 5 },
      { id: 'b', position: 5 },
      { id: 'c', position: 5 },
    ];
    expect(reorderedPositions(tied, 'c', -1)).toEqual([
      { id: 'a', position: 1 },
      { id: 'c', position: 2 },
      { id: 'b', position: 3 },
    ]);
  });
});
