import { Injectable } from '@angular/core';
import { type MatDateFormats, NativeDateAdapter } from '@angular/material/core';
import type { Locale } from '@kadens/shared/contracts';
import { INTL_LOCALES } from '@kadens/web/util';

/** The date conventions of an interface language (English is written the British way); English for anything else. */
export function dateLocaleOf(language: string): string {
  return INTL_LOCALES[language as Locale] ?? INTL_LOCALES.en;
}

/** Two-digit day and month, so a date reads `07.12.2026` (nb, da), `2026-12-07` (sv), `07/12/2026` (en). */
export const WALL_CLOCK_DATE_FORMATS: MatDateFormats = {
  parse: { dateInput: null },
  display: {
    dateInput: { year: 'numeric', month: '2-digit', day: '2-digit' },
    monthYearLabel: { year: 'numeric', month: 'short' },
    dateA11yLabel: { year: 'numeric', month: 'long', day: 'numeric' },
    monthYearA11yLabel: { year: 'numeric', month: 'long' },
  },
};

/**
 * The native adapter, reading typed dates in the locale's own order (`Date.parse` would read
 * `07.12.2026` the American way, if at all). Only the calendar day of its `Date`s counts: the time of
 * day is a separate field and the zone is the organisation's, applied when the post is saved.
 */
@Injectable()
export class WallClockDateAdapter extends NativeDateAdapter {
  override parse(value: unknown, parseFormat?: unknown): Date | null {
    if (typeof value !== 'string') return super.parse(value, parseFormat);
    const text = value.trim();
    if (text === '') return null;
    const numbers = text.split(/\D+/).filter(Boolean).map(Number);
    if (numbers.length !== 3) return this.invalid();
    const [year, month, day] = /^\d{4}\D/.test(text) ? numbers : this.inLocaleOrder(numbers);
    return this.calendarDay(year ?? 0, month ?? 0, day ?? 0);
  }

  /** Plain day numbers in the calendar: `Intl` writes `14.` in Norwegian and Danish. */
  override getDateNames(): string[] {
    return Array.from({ length: 31 }, (_, index) => String(index + 1));
  }

  /** Nordic and British weeks start on Monday. */
  override getFirstDayOfWeek(): number {
    return 1;
  }

  private inLocaleOrder(numbers: number[]): number[] {
    const parts = new Intl.DateTimeFormat(this.locale, { year: 'numeric', month: '2-digit', day: '2-digit' })
      .formatToParts(new Date(2001, 10, 22))
      .map((part): string => part.type)
      .filter((type) => ['year', 'month', 'day'].includes(type));
    const of = (type: string) => numbers[parts.indexOf(type)] ?? 0;
    return [of('year'), of('month'), of('day')];
  }

  private calendarDay(year: number, month: number, day: number): Date {
    const fullYear = year < 100 ? 2000 + year : year;
    if (month < 1 || month > 12 || day < 1 || day > this.getNumDaysInMonth(this.createDate(fullYear, month - 1, 1))) {
      return this.invalid();
    }
    return this.createDate(fullYear, month - 1, day);
  }
}
