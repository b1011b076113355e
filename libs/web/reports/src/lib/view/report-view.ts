import type { ParamMap, Params } from '@angular/router';
import { REPORT_GROUPINGS, REPORT_POST_SORTS, type ReportGrouping, type ReportPostSort } from '@kadens/shared/contracts';
import {
  addDays,
  dateOfDayNumber,
  daysInMonth,
  isCivilDate,
  localDayNumber,
  parseCivilDate,
  previousReportPeriod,
  reportPeriodOf,
} from '@kadens/shared/rules';

/** The periods a person picks with one choice; `custom` is any from–to they type. */
export const REPORT_PRESETS = ['thisMonth', 'lastMonth', 'thisQuarter', 'lastQuarter', 'thisYear', 'last12Months'] as const;
export type ReportPreset = (typeof REPORT_PRESETS)[number];
export type ReportPeriodChoice = ReportPreset | 'custom';

/** The posts table shows this many rows a page. */
export const REPORT_POSTS_PAGE_SIZE = 20;

/** The first look: a year of results, compared with the year before. */
export const DEFAULT_PRESET: ReportPreset = 'last12Months';
export const DEFAULT_GROUPING: ReportGrouping = 'theme';
export const DEFAULT_POST_SORT: ReportPostSort = '-publishedAt';

/**
 * What the Reports page shows, as the URL spells it, so that a view can be shared and reloaded:
 * `?period=lastQuarter&groupBy=audience`, or `?period=custom&from=2026-01-01&to=2026-03-31`, plus the
 * posts table's `sort` and `page` (1-based). Anything missing or misspelt falls back to the default.
 */
export interface ReportView {
  period: ReportPeriodChoice;
  /** Only for `custom`: the dates as typed (checked by `resolveRange`). */
  from: string | null;
  to: string | null;
  groupBy: ReportGrouping;
  sort: ReportPostSort;
  page: number;
}

export const REPORT_QUERY = { period: 'period', from: 'from', to: 'to', groupBy: 'groupBy', sort: 'sort', page: 'page' } as const;

function oneOf<T extends string>(values: readonly T[], value: string | null, fallback: T): T {
  return value !== null && (values as readonly string[]).includes(value) ? (value as T) : fallback;
}

export function readReportView(params: ParamMap): ReportView {
  const period = oneOf<ReportPeriodChoice>([...REPORT_PRESETS, 'custom'], params.get(REPORT_QUERY.period), DEFAULT_PRESET);
  const page = Number(params.get(REPORT_QUERY.page));
  return {
    period,
    from: period === 'custom' ? params.get(REPORT_QUERY.from) : null,
    to: period === 'custom' ? params.get(REPORT_QUERY.to) : null,
    groupBy: oneOf(REPORT_GROUPINGS, params.get(REPORT_QUERY.groupBy), DEFAULT_GROUPING),
    sort: oneOf(REPORT_POST_SORTS, params.get(REPORT_QUERY.sort), DEFAULT_POST_SORT),
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}

/** The query parameters for a view; defaults are left out so the plain address stays plain. */
export function reportViewParams(view: ReportView): Params {
  return {
    [REPORT_QUERY.period]: view.period === DEFAULT_PRESET ? null : view.period,
    [REPORT_QUERY.from]: view.period === 'custom' ? view.from : null,
    [REPORT_QUERY.to]: view.period === 'custom' ? view.to : null,
    [REPORT_QUERY.groupBy]: view.groupBy === DEFAULT_GROUPING ? null : view.groupBy,
    [REPORT_QUERY.sort]: view.sort === DEFAULT_POST_SORT ? null : view.sort,
    [REPORT_QUERY.page]: view.page > 1 ? view.page : null,
  };
}

export interface DateRange {
  from: string;
  to: string;
}

/** Why a custom period cannot be shown. */
export type RangeProblem = 'missing' | 'invalid' | 'reversed' | 'tooLong';

/** The API answers for at most three years at a time. */
export const REPORT_MAX_YEARS = 3;

export type ResolvedRange = { ok: true; range: DateRange } | { ok: false; problem: RangeProblem };

/** Today's date in the organisation's zone. */
export function todayIn(timeZone: string, now = Date.now()): string {
  return dateOfDayNumber(localDayNumber(now, timeZone));
}

/**
 * The dates a preset stands for on `today`. The current month, quarter and year run to today, so that
 * the change against the previous period compares as many days with as many days.
 */
export function presetRange(preset: ReportPreset, today: string): DateRange {
  switch (preset) {
    case 'thisMonth':
      return { from: reportPeriodOf(today, 'month').from, to: today };
    case 'lastMonth':
      return previousReportPeriod(reportPeriodOf(today, 'month'));
    case 'thisQuarter':
      return { from: reportPeriodOf(today, 'quarter').from, to: today };
    case 'lastQuarter':
      return previousReportPeriod(reportPeriodOf(today, 'quarter'));
    case 'thisYear':
      return { from: reportPeriodOf(today, 'year').from, to: today };
    case 'last12Months':
      return { from: addDays(sameDayYearsLater(today, -1), 1), to: today };
  }
}

/** The same date `years` later (or earlier), 29 February falling back to the 28th. */
function sameDayYearsLater(date: string, years: number): string {
  const { year, month, day } = parseCivilDate(date);
  const clamped = Math.min(day, daysInMonth(year + years, month));
  return `${String(year + years).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(clamped).padStart(2, '0')}`;
}

/** The dates a view stands for, or why a custom one cannot be shown. */
export function resolveRange(view: ReportView, today: string): ResolvedRange {
  if (view.period !== 'custom') return { ok: true, range: presetRange(view.period, today) };
  if (!view.from || !view.to) return { ok: false, problem: 'missing' };
  if (!isCivilDate(view.from) || !isCivilDate(view.to)) return { ok: false, problem: 'invalid' };
  if (view.from > view.to) return { ok: false, problem: 'reversed' };
  if (view.to >= sameDayYearsLater(view.from, REPORT_MAX_YEARS)) return { ok: false, problem: 'tooLong' };
  return { ok: true, range: { from: view.from, to: view.to } };
}

/** The file the CSV export is saved as. */
export function reportCsvFileName(range: DateRange): string {
  return `kadens-report-${range.from}-${range.to}.csv`;
}
