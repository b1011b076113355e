/**
 * The nearest-rank percentile of a list of numbers: the smallest value with at least p % of the values
 * at or below it (p50 of [1, 2, 3, 4] is 2, p95 of twenty values is the 19th). Null for an empty list.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (!(p > 0 && p <= 100)) throw new RangeError(`A percentile is above 0 and at most 100: ${p}`);
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.max(0, rank - 1)] ?? null;
}

/** Rounded to one decimal, for figures people read (minutes, hours). */
export function oneDecimal(value: number | null): number | null {
  return value === null ? null : Math.round(value * 10) / 10;
}
