import { convertToParamMap } from '@angular/router';

import { presetRange, readReportView, type ReportPreset, reportCsvFileName, reportViewParams, resolveRange, todayIn } from './report-view';

describe('report view (the Reports page address)', () => {
  it.each<[ReportPreset, string, string, string]>([
    ['thisMonth', '2026-12-07', '2026-12-01', '2026-12-07'],
    ['lastMonth', '2026-12-07', '2026-11-01', '2026-11-30'],
    ['lastMonth', '2026-03-15', '2026-02-01', '2026-02-28'],
    ['thisQuarter', '2026-12-07', '2026-10-01', '2026-12-07'],
    ['lastQuarter', '2026-12-07', '2026-07-01', '2026-09-30'],
    ['lastQuarter', '2026-02-10', '2025-10-01', '2025-12-31'],
    ['thisYear', '2026-12-07', '2026-01-01', '2026-12-07'],
    ['last12Months', '2026-12-07', '2025-12-08', '2026-12-07'],
    ['last12Months', '2028-02-29', '2027-03-01', '2028-02-29'],
  ])('%s on %s is %s – %s', (preset, today, from, to) => {
    expect(presetRange(preset, today)).toEqual(expect.objectContaining({ from, to }));
  });

  it("takes today in the organisation's zone", () => {
    const lateEvening = Date.parse('2026-12-31T23:30:00Z');
    expect(todayIn('Europe/Oslo', lateEvening)).toBe('2027-01-01');
    expect(todayIn('UTC', lateEvening)).toBe('2026-12-31');
  });

  it('reads the address, with the defaults for anything missing or misspelt', () => {
    expect(readReportView(convertToParamMap({}))).toEqual({
      period: 'last12Months',
      from: null,
      to: null,
      groupBy: 'theme',
      sort: '-publishedAt',
      page: 1,
    });
    expect(
      readReportView(
        convertToParamMap({ period: 'custom', from: '2026-01-01', to: '2026-03-31', groupBy: 'audience', sort: 'engagement', page: '3' }),
      ),
    ).toEqual({ period: 'custom', from: '2026-01-01', to: '2026-03-31', groupBy: 'audience', sort: 'engagement', page: 3 });
    expect(
      readReportView(convertToParamMap({ period: 'fortnight', groupBy: 'colour', sort: 'likes', page: '-2', from: '2026-01-01' })),
    ).toEqual(expect.objectContaining({ period: 'last12Months', from: null, groupBy: 'theme', sort: '-publishedAt', page: 1 }));
  });

  it('writes only what differs from the defaults, so the plain address stays plain', () => {
    const view = readReportView(convertToParamMap({}));
    expect(reportViewParams(view)).toEqual({ period: null, from: null, to: null, groupBy: null, sort: null, page: null });
    expect(reportViewParams({ ...view, period: 'custom', from: '2026-01-01', to: '2026-02-01', groupBy: 'channel', page: 2 })).toEqual({
      period: 'custom',
      from: '2026-01-01',
      to: '2026-02-01',
      groupBy: 'channel',
      sort: null,
      page: 2,
    });
  });

  it('resolves a custom period, or says why it cannot', () => {
    const custom = (from: string | null, to: string | null) =>
      resolveRange({ period: 'custom', from, to, groupBy: 'theme', sort: '-publishedAt', page: 1 }, '2026-12-07');
    expect(custom('2026-01-01', '2026-06-30')).toEqual({ ok: true, range: { from: '2026-01-01', to: '2026-06-30' } });
    expect(custom('2026-01-01', null)).toEqual({ ok: false, problem: 'missing' });
    expect(custom('2026-02-30', '2026-03-01')).toEqual({ ok: false, problem: 'invalid' });
    expect(custom('2026-06-30', '2026-01-01')).toEqual({ ok: false, problem: 'reversed' });
    expect(custom('2024-01-01', '2026-12-31')).toEqual({ ok: true, range: { from: '2024-01-01', to: '2026-12-31' } });
    expect(custom('2024-01-01', '2027-01-01')).toEqual({ ok: false, problem: 'tooLong' });
  });

  it('names the CSV file after the period', () => {
    expect(reportCsvFileName({ from: '2026-01-01', to: '2026-12-31' })).toBe('kadens-report-2026-01-01-2026-12-31.csv');
  });
});
