import type { Env, EnvReader } from './env-reader';

/** One stage of the results schedule: its label ('24h') and how long after publishing it is read. */
export interface ResultStage {
  label: string;
  afterMs: number;
}

/**
 * Results collected from the platforms (libs/api/results, issue 13): the schedule of snapshots after
 * publishing (RESULTS_SCHEDULE, default "1h,24h,7d,28d"), and the collection's dispatcher, workers and
 * reconciler, timed like publishing's.
 */
export interface ResultsConfig {
  /** In order, each later than the one before; after the last one nothing more is read. */
  stages: ResultStage[];
  /** How often the planner looks for newly published targets, and how often the dispatcher claims due snapshots. */
  planIntervalMs: number;
  dispatchIntervalMs: number;
  /** How far ahead the dispatcher enqueues delayed jobs. */
  lookaheadMs: number;
  /** Snapshots one worker process reads at once. */
  concurrency: number;
  /** Each HTTP call an adapter makes. */
  requestTimeoutMs: number;
  /** Tries of a snapshot that meets transient errors before it fails (rate limits do not count). */
  maxAttempts: number;
  /** First retry delay after a transient error; doubles per attempt. */
  retryBaseMs: number;
  reconcileIntervalMs: number;
  /** A queued snapshot whose job is missing this long after its time is enqueued again. */
  lostJobAfterMs: number;
}

export const DEFAULT_RESULTS_SCHEDULE = '1h,24h,7d,28d';

const UNIT_MS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000 };
const STAGE = /^(\d{1,4})([mhd])$/;
/** The label is stored in result_snapshots.stage (varchar(12)); a long schedule is a mistake. */
const MAX_STAGES = 12;

/** "1h,24h,7d,28d" → stages in order; null (and a problem named RESULTS_SCHEDULE) when it does not read. */
export function parseResultsSchedule(value: string): ResultStage[] | null {
  const labels = value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
  const stages: ResultStage[] = [];
  for (const label of labels) {
    const match = STAGE.exec(label);
    const unit = match?.[2];
    if (!match || unit === undefined) return null;
    const afterMs = Number(match[1]) * (UNIT_MS[unit] ?? 0);
    const previous = stages[stages.length - 1];
    if (afterMs <= 0 || (previous !== undefined && afterMs <= previous.afterMs)) return null;
    stages.push({ label, afterMs });
  }
  return stages.length === 0 || stages.length > MAX_STAGES ? null : stages;
}

export function readResultsConfig(env: Env, reader: EnvReader, problems: string[]): ResultsConfig {
  const schedule = env['RESULTS_SCHEDULE']?.trim() || DEFAULT_RESULTS_SCHEDULE;
  let stages = parseResultsSchedule(schedule);
  if (stages === null) {
    problems.push(
      `RESULTS_SCHEDULE must be a comma-separated list of at most ${MAX_STAGES} growing durations in m, h or d, e.g. "${DEFAULT_RESULTS_SCHEDULE}" (got "${schedule}")`,
    );
    stages = parseResultsSchedule(DEFAULT_RESULTS_SCHEDULE) ?? [];
  }
  return {
    stages,
    planIntervalMs: reader.int('RESULTS_PLAN_INTERVAL_MS', 60_000, 100, 3_600_000),
    dispatchIntervalMs: reader.int('RESULTS_DISPATCH_INTERVAL_MS', 15_000, 100, 600_000),
    lookaheadMs: reader.int('RESULTS_LOOKAHEAD_MS', 60_000, 0, 3_600_000),
    concurrency: reader.int('RESULTS_CONCURRENCY', 10, 1, 1_000),
    requestTimeoutMs: reader.int('RESULTS_REQUEST_TIMEOUT_MS', 30_000, 100, 600_000),
    maxAttempts: reader.int('RESULTS_MAX_ATTEMPTS', 4, 1, 50),
    retryBaseMs: reader.int('RESULTS_RETRY_BASE_MS', 60_000, 10, 3_600_000),
    reconcileIntervalMs: reader.int('RESULTS_RECONCILE_INTERVAL_MS', 60_000, 100, 3_600_000),
    lostJobAfterMs: reader.int('RESULTS_LOST_JOB_AFTER_MS', 120_000, 1_000, 3_600_000),
  };
}
