import { parseReportPeriod, previousRange, previousReportPeriod, reportPeriodOf } from './report-period';
import { combinedResults, engagementOf } from './result-numbers';

describe('report periods', () => {
  it.each([
    ['2026-11', 'month', '2026-11-01', '2026-11-30'],
    ['2024-02', 'month', '2024-02-01', '2024-02-29'],
    ['2026-Q4', 'quarter', '2026-10-01', '2026-12-31'],
    ['2026-Q1', 'quarter', '2026-01-01', '2026-03-31'],
    ['2026', 'year', '2026-01-01', '2026-12-31'],
    ['2026-W01', 'week', '2025-12-29', '2026-01-04'],
    ['2026-W53', 'week', '2026-12-28', '2027-01-03'],
  ])('%s is a %s from %s to %s', (key, kind, from, to) => {
    expect(parseReportPeriod(key)).toEqual({ kind, key, from, to });
  });

  it.each(['2026-13', '2026-00', '2026-Q5', '2025-W53', '2026-W00', '26-11', '2026-11-01', '', 'november'])('%s names no period', (key) => {
    expect(parseReportPeriod(key)).toBeNull();
  });

  it('finds the period that holds a date, across a year boundary', () => {
    expect(reportPeriodOf('2027-01-01', 'week').key).toBe('2026-W53');
    expect(reportPeriodOf('2026-11-30', 'quarter').key).toBe('2026-Q4');
    expect(reportPeriodOf('2026-02-28', 'month').key).toBe('2026-02');
  });

  it('steps back one period of the same kind', () => {
    expect(previousReportPeriod(parseReportPeriod('2026-01')!).key).toBe('2025-12');
    expect(previousReportPeriod(parseReportPeriod('2026-Q1')!).key).toBe('2025-Q4');
    expect(previousReportPeriod(parseReportPeriod('2026-W01')!).key).toBe('2025-W52');
    expect(previousReportPeriod(parseReportPeriod('2026')!).key).toBe('2025');
  });

  it('compares a range with as many days just before it', () => {
    expect(previousRange('2026-03-01', '2026-03-31')).toEqual({ from: '2026-01-29', to: '2026-02-28' });
  });
});

describe('result numbers', () => {
  it('counts engagement from what is known and says null when nothing is', () => {
    expect(engagementOf({ reactions: 3, comments: 2, views: 100 })).toBe(5);
    expect(engagementOf({ views: 100 })).toBeNull();
    expect(engagementOf({ reactions: 0 })).toBe(0);
  });

  it('prefers a manual number metric by metric', () => {
    expect(combinedResults({ views: 10, reactions: 2 }, { reactions: 5, clicks: 1 })).toEqual({ views: 10, reactions: 5, clicks: 1 });
    expect(combinedResults({ views: 10 }, null)).toEqual({ views: 10 });
  });
});
