import type { Locale } from '@kadens/shared/contracts';

import { formatDuration } from './duration-in-words';

describe('formatDuration', () => {
  it.each<[number, Locale, string]>([
    [120, 'nb', '2 timer'],
    [120, 'da', '2 timer'],
    [120, 'sv', '2 timmar'],
    [120, 'en', '2 hours'],
    [60, 'nb', '1 time'],
    [60, 'sv', '1 timme'],
    [90, 'nb', '1 time og 30 minutter'],
    [90, 'sv', '1 timme och 30 minuter'],
    [90, 'en', '1 hour and 30 minutes'],
    [45, 'da', '45 minutter'],
    [1, 'en', '1 minute'],
    [1440, 'en', '24 hours'],
  ])('%i minutes in %s → %s', (minutes, locale, expected) => {
    expect(formatDuration(minutes, locale)).toBe(expected);
  });
});
