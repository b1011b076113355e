import { RESULT_METRICS, type ResultMetric } from '@kadens/shared/contracts';

/** The database column of each normalised metric (`videoViews` → `video_views`). */
export const METRIC_COLUMN: Readonly<Record<ResultMetric, string>> = {
  views: 'views',
  reach: 'reach',
  reactions: 'reactions',
  comments: 'comments',
  shares: 'shares',
  clicks: 'clicks',
  saves: 'saves',
  videoViews: 'video_views',
};

export const METRIC_COLUMNS: readonly string[] = RESULT_METRICS.map((metric) => METRIC_COLUMN[metric]);

/** What reports count for one metric of a target row `alias`: the number a person entered, else the latest collected one. */
export function countedSql(alias: string, column: string): string {
  return `COALESCE(${alias}.manual_${column}, ${alias}.${column})`;
}

/** reactions + comments + shares + saves of a target row; absent parts count as 0, NULL when none is known (engagementOf in SQL). */
export function engagementSql(alias: string): string {
  const parts = ['reactions', 'comments', 'shares', 'saves'].map((column) => countedSql(alias, column));
  return `(CASE WHEN ${parts.map((part) => `${part} IS NULL`).join(' AND ')} THEN NULL ELSE ${parts.map((part) => `COALESCE(${part}, 0)`).join(' + ')} END)`;
}

/** Whether a person entered at least one number of the target row. */
export function manualSql(alias: string): string {
  return `(${METRIC_COLUMNS.map((column) => `${alias}.manual_${column} IS NOT NULL`).join(' OR ')})`;
}
