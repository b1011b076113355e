import type { ReportFigures, ResultMetric } from '@kadens/shared/contracts';
import { intlLocale } from '@kadens/web/util';

/** The figures a report row can show: posts, engagement and each result metric, totalled over the period. */
export const REPORT_FIGURES = [
  'posts',
  'engagement',
  'views',
  'reach',
  'reactions',
  'comments',
  'shares',
  'clicks',
  'saves',
  'videoViews',
] as const;
export type ReportFigure = (typeof REPORT_FIGURES)[number];

/** The figures the summary and the groups table show; the rest are in the CSV. */
export const HEADLINE_FIGURES: readonly ReportFigure[] = ['posts', 'engagement', 'views', 'reach'];

/** The figures the chart can draw. */
export const CHART_FIGURES: readonly ReportFigure[] = [
  'engagement',
  'posts',
  'views',
  'reach',
  'reactions',
  'comments',
  'shares',
  'clicks',
];

/** A figure's value, or null when nothing in the period gave it ("unknown", never 0). */
export function figureOf(figures: ReportFigures, figure: ReportFigure): number | null {
  if (figure === 'posts') return figures.posts;
  if (figure === 'engagement') return figures.engagement;
  return figures.totals[figure as ResultMetric] ?? null;
}

/**
 * A figure of the previous period: with no post published then, every figure was truly 0 (so the change
 * reads "new"); otherwise unknown stays unknown.
 */
export function previousFigureOf(previous: ReportFigures, figure: ReportFigure): number | null {
  return figureOf(previous, figure) ?? (previous.posts === 0 ? 0 : null);
}

/** Engagement ÷ posts, to one decimal; null when either is missing. */
export function engagementPerPost(figures: ReportFigures): number | null {
  return figures.engagement === null || figures.posts === 0 ? null : Math.round((figures.engagement / figures.posts) * 10) / 10;
}

const FORMATS = new Map<string, Intl.NumberFormat>();

function numberFormat(language: string, maximumFractionDigits: number): Intl.NumberFormat {
  const key = `${language}|${maximumFractionDigits}`;
  let format = FORMATS.get(key);
  if (!format) FORMATS.set(key, (format = new Intl.NumberFormat(intlLocale(language), { maximumFractionDigits })));
  return format;
}

/** "12 345" / "12,345" as the language writes it; per-post figures keep one decimal. */
export function formatReportNumber(value: number, language: string, maximumFractionDigits = 1): string {
  return numberFormat(language, maximumFractionDigits).format(value);
}

export type ChangeDirection = 'up' | 'down' | 'same';

/**
 * The change against the previous period: `percent` is whole per cent (rounded), absent when the previous
 * period had nothing to compare with (0 or unknown) — then `direction` says only whether there is more now.
 */
export interface FigureChange {
  direction: ChangeDirection;
  percent: number | null;
}

/** Null when either side is unknown: no change can be told. */
export function changeOf(current: number | null, previous: number | null): FigureChange | null {
  if (current === null || previous === null) return null;
  const direction: ChangeDirection = current > previous ? 'up' : current < previous ? 'down' : 'same';
  if (previous === 0) return { direction, percent: null };
  return { direction, percent: Math.round((Math.abs(current - previous) / previous) * 100) };
}

export function formatPercent(percent: number, language: string): string {
  return new Intl.NumberFormat(intlLocale(language), { style: 'percent', maximumFractionDigits: 0 }).format(percent / 100);
}
