import type { Locale } from '@kadens/shared/contracts';

import { formatLocalDate, formatLocalDateRange } from './dates-in-words';

describe('dates in words', () => {
  it.each<[Locale, string]>([
    ['nb', 'torsdag 29. mai'],
    ['da', 'torsdag 29. maj'],
    ['sv', 'torsdag 29 maj'],
    ['en', 'Thursday 29 May'],
  ])('a date in %s, never shifted by the browser’s zone', (locale, expected) => {
    expect(formatLocalDate('2025-05-29', locale)).toBe(expected);
  });

  it.each<[Locale, string, string, string]>([
    ['nb', '2025-07-01', '2025-07-31', '1.–31. juli'],
    ['en', '2025-07-01', '2025-07-31', '1 – 31 July'],
    ['da', '2025-12-22', '2026-01-02', '22. december 2025–2. januar 2026'],
  ])('a closed period in %s', (locale, start, end, expected) => {
    expect(formatLocalDateRange(start, end, locale).replace(/\s/g, ' ')).toBe(expected.replace(/\s/g, ' '));
  });

  it('a one-day period is a date', () => {
    expect(formatLocalDateRange('2025-05-29', '2025-05-29', 'en')).toBe('Thursday 29 May');
  });
});
