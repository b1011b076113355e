import type { Platform } from './platform';
import type { ResultNumbers } from './results';

export const REPORT_GROUPINGS = ['theme', 'audience', 'contentType', 'channel', 'initiative'] as const;
export type ReportGrouping = (typeof REPORT_GROUPINGS)[number];

/** GET …/reports/summary?from&to&groupBy — `from` and `to` are dates (YYYY-MM-DD, inclusive) in the organisation's time zone. */
export interface ReportSummaryQuery {
  from: string;
  to: string;
  groupBy: ReportGrouping;
}

export interface ReportFigures {
  /** Published targets (a post on two channels counts twice). */
  posts: number;
  totals: ResultNumbers;
  /** Totals ÷ posts that have the metric, rounded to one decimal. */
  perPost: ResultNumbers;
  /** reactions + comments + shares + saves (absent parts count as 0; null when none is known). */
  engagement: number | null;
}

export interface ReportGroupRow extends ReportFigures {
  /** The theme/audience/content type/channel/initiative id; null for "none" (posts without an initiative). */
  key: string | null;
  name: string;
  /** The theme's colour; null for the other groupings. */
  color: string | null;
  /** The same figures for the previous period of equal length. */
  previous: ReportFigures;
}

export interface ContentTypeScore {
  contentTypeId: string;
  name: string;
  posts: number;
  engagementPerPost: number | null;
}

export interface ReportSummary {
  from: string;
  to: string;
  previousFrom: string;
  previousTo: string;
  groupBy: ReportGrouping;
  timeZone: string;
  groups: ReportGroupRow[];
  total: ReportFigures & { previous: ReportFigures };
  /** Per audience, its content types by engagement per post, best first. */
  contentTypesByAudience: Array<{ audienceId: string; name: string; contentTypes: ContentTypeScore[] }>;
  /** Whether any number in the period is demo data. */
  includesDemo: boolean;
}

export const REPORT_POST_SORTS = [
  'publishedAt',
  '-publishedAt',
  'engagement',
  '-engagement',
  'views',
  '-views',
  'reach',
  '-reach',
  'reactions',
  '-reactions',
  'comments',
  '-comments',
  'shares',
  '-shares',
  'clicks',
  '-clicks',
] as const;
export type ReportPostSort = (typeof REPORT_POST_SORTS)[number];

/** GET …/reports/posts?from&to&sort&limit&offset&channelId&themeId&audienceId&contentTypeId&initiativeId (CSV with Accept: text/csv). */
export interface ReportPostsQuery {
  from: string;
  to: string;
  sort?: ReportPostSort;
  limit?: number;
  offset?: number;
  channelId?: string;
  themeId?: string;
  audienceId?: string;
  contentTypeId?: string;
  initiativeId?: string;
}

export interface ReportPostRow {
  targetId: string;
  postId: string;
  title: string;
  channelId: string;
  channelName: string;
  platform: Platform;
  publishedAt: string;
  url: string | null;
  themeId: string;
  themeName: string;
  contentTypeId: string;
  contentTypeName: string;
  audienceIds: string[];
  initiativeId: string | null;
  numbers: ResultNumbers;
  engagement: number | null;
  /** When the last reading was taken; null when none yet. */
  collectedAt: string | null;
  /** A person entered at least one of the numbers. */
  manual: boolean;
  demo: boolean;
}

export interface ReportPostsPage {
  items: ReportPostRow[];
  total: number;
  limit: number;
  offset: number;
}
