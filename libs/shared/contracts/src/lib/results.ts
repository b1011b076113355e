import type { Platform } from './platform';

/**
 * The normalised result numbers every platform's answer is mapped to (issue 13). A metric the platform
 * does not give, or did not give this time, is absent — never 0 for "unknown".
 */
export const RESULT_METRICS = ['views', 'reach', 'reactions', 'comments', 'shares', 'clicks', 'saves', 'videoViews'] as const;
export type ResultMetric = (typeof RESULT_METRICS)[number];
export type ResultNumbers = Partial<Record<ResultMetric, number>>;

/** When results are collected after publishing, by default: about 1 h, 24 h, 7 days and 28 days, then no more. */
export const DEFAULT_RESULT_STAGES = ['1h', '24h', '7d', '28d'] as const;

export const RESULT_SNAPSHOT_STATES = ['due', 'queued', 'collected', 'failed', 'skipped'] as const;
export type ResultSnapshotState = (typeof RESULT_SNAPSHOT_STATES)[number];

/** Where a snapshot's numbers came from: the platform's API, or the demo organisations' made-up year. */
export type ResultSource = 'platform' | 'demo';

/** One dated reading of a published target's numbers. */
export interface ResultSnapshotView {
  /** The schedule's label: '1h', '24h', '7d', '28d'. */
  stage: string;
  dueAt: string;
  state: ResultSnapshotState;
  collectedAt: string | null;
  numbers: ResultNumbers;
  /** Why nothing (or not everything) was read: e.g. a retired metric name, a refused token. */
  error: { kind: string; message: string } | null;
  source: ResultSource;
}

/** Numbers a person entered for a target, where no API gives them (webhook, print, an event). */
export interface ManualResultsView {
  numbers: ResultNumbers;
  note: string;
  enteredBy: { id: string; name: string } | null;
  enteredAt: string;
}

/** PUT …/publishing/targets/{targetId}/results: replaces the manual numbers; an empty `numbers` clears them. */
export interface ManualResultsInput {
  numbers: ResultNumbers;
  note?: string;
}

/** GET/PUT …/publishing/targets/{targetId}/results. */
export interface TargetResultsView {
  targetId: string;
  postId: string;
  channelId: string;
  platform: Platform;
  publishedAt: string | null;
  /** Whether Kadens reads numbers from this platform (false for the webhook). */
  collected: boolean;
  /** The latest collected reading. */
  latest: ResultNumbers;
  manual: ManualResultsView | null;
  /** What reports count: the manual number where one was entered, else the latest collected one. */
  total: ResultNumbers;
  snapshots: ResultSnapshotView[];
}
