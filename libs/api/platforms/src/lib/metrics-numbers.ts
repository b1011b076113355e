import type { ResultMetric, ResultNumbers } from '@kadens/shared/contracts';

import { isRecord } from './http/http-failure';

/**
 * Readers every adapter's metrics mapping shares (issue 13). A count the platform did not send stays
 * undefined all the way to the reading, so "unknown" never turns into 0.
 */

/** A whole, non-negative count at `key`, or undefined when absent, null or not a number. */
export function countAt(value: unknown, key: string): number | undefined {
  if (!isRecord(value)) return undefined;
  return countOf(value[key]);
}

export function countOf(value: unknown): number | undefined {
  const count = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  return typeof count === 'number' && Number.isFinite(count) && count >= 0 ? count : undefined;
}

/** The sum of the counts that are known; undefined when none is. */
export function sumOfKnown(...counts: Array<number | undefined>): number | undefined {
  const known = counts.filter((count): count is number => count !== undefined);
  return known.length === 0 ? undefined : known.reduce((sum, count) => sum + count, 0);
}

/** The normalised numbers, without the metrics that are unknown. */
export function knownNumbers(numbers: Partial<Record<ResultMetric, number | undefined>>): ResultNumbers {
  const known: ResultNumbers = {};
  for (const [metric, value] of Object.entries(numbers) as Array<[ResultMetric, number | undefined]>) {
    if (value !== undefined) known[metric] = value;
  }
  return known;
}
