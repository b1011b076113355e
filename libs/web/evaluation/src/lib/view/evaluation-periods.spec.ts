import { defaultPeriod, isEvaluationPeriod, isRunning, periodChoices, periodName, todayIn } from './evaluation-periods';

describe('evaluation periods', () => {
  it('defaults to the month that ended last, in the organisation’s zone', () => {
    expect(defaultPeriod('2026-12-07')).toBe('2026-11');
    expect(defaultPeriod('2026-01-01')).toBe('2025-12');
    // 23:30 UTC on 31 December is 1 January in Oslo, still 31 December in New York.
    expect(defaultPeriod(todayIn('Europe/Oslo', Date.parse('2026-12-31T23:30:00Z')))).toBe('2026-12');
    expect(defaultPeriod(todayIn('America/New_York', Date.parse('2026-12-31T23:30:00Z')))).toBe('2026-11');
  });

  it('accepts months and quarters only', () => {
    expect(['2026-11', '2026-Q4'].every(isEvaluationPeriod)).toBe(true);
    expect(['2026', '2026-W10', '2026-13', '', null].some(isEvaluationPeriod)).toBe(false);
  });

  it('offers the running month and quarter and those before, and keeps an older chosen one', () => {
    const choices = periodChoices('2026-12-07', '2024-03');
    expect(choices.months.slice(0, 3)).toEqual(['2026-12', '2026-11', '2026-10']);
    expect(choices.months).toHaveLength(14);
    expect(choices.months.at(-1)).toBe('2024-03');
    expect(choices.quarters).toEqual(['2026-Q4', '2026-Q3', '2026-Q2', '2026-Q1', '2025-Q4', '2025-Q3']);
    expect(isRunning('2026-12', '2026-12-07')).toBe(true);
    expect(isRunning('2026-11', '2026-12-07')).toBe(false);
  });

  it('names a period in the reader’s language', () => {
    expect(periodName('2026-11', 'nb', () => '')).toBe('november 2026');
    expect(periodName('2026-Q4', 'en', (quarter, year) => `Q${quarter} ${year}`)).toBe('Q4 2026');
  });
});
