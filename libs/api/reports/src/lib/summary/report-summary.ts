import {
  type ContentTypeScore,
  isLocale,
  type Locale,
  RESULT_METRICS,
  type ReportFigures,
  type ReportGroupRow,
  type ReportGrouping,
  type ReportSummary,
  type ReportSummaryQuery,
  type ResultNumbers,
} from '@kadens/shared/contracts';
import { previousRange } from '@kadens/shared/rules';

import { METRIC_COLUMN } from '../rollups/report-numbers-sql';

/** Sums of one group (or the total) in one of the two periods, as SUMMARY_SQL answers them. */
interface RollupSums {
  key?: string | null;
  current: boolean;
  posts: number;
  demo: number;
  engagement_sum: number;
  engagement_n: number;
  [column: string]: number | string | boolean | null | undefined;
}

/** SUMMARY_SQL's answer. */
export interface SummaryBody {
  timeZone: string;
  locale: string;
  groups: RollupSums[];
  totals: RollupSums[];
  audienceContent: Array<{ audience_id: string; content_type_id: string; posts: number; engagement_sum: number; engagement_n: number }>;
  entities: Array<{ id: string; name: string; color: string | null; active: boolean }>;
  audiences: Array<{ id: string; name: string }>;
  contentTypes: Array<{ id: string; name: string }>;
}

/** The name of the group of posts without an initiative, or without an audience, in the organisation's language. */
const NONE: Readonly<Record<Locale, Partial<Record<ReportGrouping, string>>>> = {
  nb: { initiative: 'Uten initiativ', audience: 'Uten målgruppe' },
  da: { initiative: 'Uden initiativ', audience: 'Uden målgruppe' },
  sv: { initiative: 'Utan initiativ', audience: 'Utan målgrupp' },
  en: { initiative: 'No initiative', audience: 'No audience' },
};

/** One decimal, as the per-post figures are shown. */
const oneDecimal = (value: number) => Math.round(value * 10) / 10;

/** A group's figures: totals and per-post averages only for metrics some target has; no data is 0 posts and nothing known. */
export function figuresOf(sums: RollupSums | undefined): ReportFigures {
  const totals: ResultNumbers = {};
  const perPost: ResultNumbers = {};
  for (const metric of RESULT_METRICS) {
    const column = METRIC_COLUMN[metric];
    const known = Number(sums?.[`${column}_n`] ?? 0);
    if (known > 0) {
      const total = Number(sums?.[`${column}_sum`] ?? 0);
      totals[metric] = total;
      perPost[metric] = oneDecimal(total / known);
    }
  }
  return {
    posts: sums?.posts ?? 0,
    totals,
    perPost,
    engagement: sums && sums.engagement_n > 0 ? Number(sums.engagement_sum) : null,
  };
}

/** Shapes SUMMARY_SQL's answer into the ReportSummary the API returns. */
export function reportSummary(query: ReportSummaryQuery, body: SummaryBody): ReportSummary {
  const previous = previousRange(query.from, query.to);
  const locale: Locale = isLocale(body.locale) ? body.locale : 'en';
  const sumsOf = (rows: RollupSums[], key: string | null, current: boolean) =>
    rows.find((row) => (row.key ?? null) === key && row.current === current);

  const keys = new Set<string | null>(body.groups.map((row) => row.key ?? null));
  for (const entity of body.entities) if (entity.active) keys.add(entity.id);
  const entityById = new Map(body.entities.map((entity) => [entity.id, entity]));
  const groups: ReportGroupRow[] = [...keys].map((key) => {
    const entity = key === null ? undefined : entityById.get(key);
    return {
      key,
      name: key === null ? (NONE[locale][query.groupBy] ?? '') : (entity?.name ?? ''),
      color: entity?.color ?? null,
      ...figuresOf(sumsOf(body.groups, key, true)),
      previous: figuresOf(sumsOf(body.groups, key, false)),
    };
  });
  groups.sort((a, b) => b.posts - a.posts || b.previous.posts - a.previous.posts || a.name.localeCompare(b.name, locale));

  const contentTypeName = new Map(body.contentTypes.map((type) => [type.id, type.name]));
  const contentTypesByAudience = body.audiences.map((audience) => ({
    audienceId: audience.id,
    name: audience.name,
    contentTypes: body.audienceContent
      .filter((row) => row.audience_id === audience.id)
      .map((row): ContentTypeScore => ({
        contentTypeId: row.content_type_id,
        name: contentTypeName.get(row.content_type_id) ?? '',
        posts: row.posts,
        engagementPerPost: row.engagement_n > 0 ? oneDecimal(Number(row.engagement_sum) / row.engagement_n) : null,
      }))
      .sort(
        (a, b) => (b.engagementPerPost ?? -1) - (a.engagementPerPost ?? -1) || b.posts - a.posts || a.name.localeCompare(b.name, locale),
      ),
  }));

  return {
    from: query.from,
    to: query.to,
    previousFrom: previous.from,
    previousTo: previous.to,
    groupBy: query.groupBy,
    timeZone: body.timeZone,
    groups,
    total: { ...figuresOf(sumsOf(body.totals, null, true)), previous: figuresOf(sumsOf(body.totals, null, false)) },
    contentTypesByAudience,
    includesDemo: body.totals.some((row) => row.demo > 0),
  };
}
