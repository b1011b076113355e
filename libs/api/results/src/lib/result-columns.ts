import { RESULT_METRICS, type ResultMetric } from '@kadens/shared/contracts';

/** Each normalised metric's column in result_snapshots and target_results (`manual_` + it for the entered numbers). */
export const METRIC_COLUMNS: Readonly<Record<ResultMetric, string>> = {
  views: 'views',
  reach: 'reach',
  reactions: 'reactions',
  comments: 'comments',
  shares: 'shares',
  clicks: 'clicks',
  saves: 'saves',
  videoViews: 'video_views',
};

/** The metric columns in RESULT_METRICS order. */
export const METRIC_COLUMN_LIST: readonly string[] = RESULT_METRICS.map((metric) => METRIC_COLUMNS[metric]);
