import { checklistItemText } from './checklist-text';

describe('checklistItemText', () => {
  it.each([
    [
      'a seeded item as seeded',
      { key: 'privacy' as const, text: 'Respects privacy: no personal data without consent' },
      { key: 'approvals.checklist.seeded.privacy' },
    ],
    [
      'a seeded item an admin reworded',
      { key: 'privacy' as const, text: 'Ingen elever på bilder uten samtykke' },
      'Ingen elever på bilder uten samtykke',
    ],
    ['the organisation’s own item', { key: null, text: 'Checked with the library' }, 'Checked with the library'],
  ])('shows %s', (_label, item, shown) => {
    expect(checklistItemText(item)).toEqual(shown);
  });
});
