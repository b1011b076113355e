import { RESULT_METRICS, type ResultNumbers } from '@kadens/shared/contracts';

/** reactions + comments + shares + saves; absent parts count as 0, and null when none of them is known. */
export function engagementOf(numbers: ResultNumbers): number | null {
  const parts = [numbers.reactions, numbers.comments, numbers.shares, numbers.saves].filter(
    (value): value is number => value !== undefined,
  );
  return parts.length === 0 ? null : parts.reduce((sum, value) => sum + value, 0);
}

/** What reports count for a target: each manual number where a person entered one, else the latest collected one. */
export function combinedResults(latest: ResultNumbers, manual: ResultNumbers | null): ResultNumbers {
  const combined: ResultNumbers = {};
  for (const metric of RESULT_METRICS) {
    const value = manual?.[metric] ?? latest[metric];
    if (value !== undefined) combined[metric] = value;
  }
  return combined;
}
