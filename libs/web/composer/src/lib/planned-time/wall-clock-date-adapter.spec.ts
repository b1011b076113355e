import { TestBed } from '@angular/core/testing';

import { dateLocaleOf, WallClockDateAdapter } from './wall-clock-date-adapter';

function adapterIn(locale: string): WallClockDateAdapter {
  const adapter = TestBed.runInInjectionContext(() => new WallClockDateAdapter());
  adapter.setLocale(locale);
  return adapter;
}

const day = (date: Date | null) =>
  date && !Number.isNaN(date.getTime()) ? [date.getFullYear(), date.getMonth() + 1, date.getDate()] : null;

describe('WallClockDateAdapter', () => {
  it.each([
    ['nb-NO', '07.12.2026', [2026, 12, 7]],
    ['da-DK', '7.12.26', [2026, 12, 7]],
    ['sv-SE', '2026-12-07', [2026, 12, 7]],
    ['en-GB', '07/12/2026', [2026, 12, 7]],
    ['nb-NO', '2026-12-07', [2026, 12, 7]],
    ['nb-NO', '31.02.2026', null],
    ['nb-NO', '12/07', null],
  ])('reads %s %s day-first or year-first, never the American way', (locale, text, expected) => {
    expect(day(adapterIn(locale).parse(text))).toEqual(expected);
  });

  it('writes two-digit days and months in each language’s order, and starts weeks on Monday', () => {
    const format = { year: 'numeric', month: '2-digit', day: '2-digit' } as const;
    const date = new Date(2026, 11, 7);
    expect(adapterIn(dateLocaleOf('nb')).format(date, format)).toBe('07.12.2026');
    expect(adapterIn(dateLocaleOf('sv')).format(date, format)).toBe('2026-12-07');
    expect(adapterIn(dateLocaleOf('en')).format(date, format)).toBe('07/12/2026');
    expect(adapterIn('en-GB').getFirstDayOfWeek()).toBe(1);
    expect(adapterIn('nb-NO').getDateNames()[13]).toBe('14');
    expect(dateLocaleOf('xx')).toBe('en-GB');
  });
});
