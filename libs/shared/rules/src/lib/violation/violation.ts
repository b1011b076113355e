import type { RuleId, Violation, ViolationSeverity } from '@kadens/shared/contracts';

import { formatInstant } from '../local-time/instant';

/** Severity is a property of the rule, not of the call site, so it lives in one table. */
export const RULE_SEVERITY: Readonly<Record<RuleId, ViolationSeverity>> = {
  'cadence.max_per_day': 'block',
  'cadence.min_gap': 'block',
  'cadence.min_per_week': 'warn',
  'cadence.max_silence': 'warn',
  'service_hours.outside': 'block',
  'service_hours.response_window': 'block',
};

export function makeViolation(
  rule: RuleId,
  channelId: string,
  postId: string | null,
  atMs: number,
  params: Record<string, string | number>,
): Violation {
  return { rule, severity: RULE_SEVERITY[rule], channelId, postId, at: formatInstant(atMs), params };
}

export function isBlocking(violation: Violation): boolean {
  return violation.severity === 'block';
}

/**
 * The violations that name a post. Blocking cadence violations name *every* post involved (all posts
 * of an over-full day, both posts of a too-short gap), so checking a change — create, move, schedule —
 * means: run the rules on the plan with the change, then look at the violations naming that post.
 */
export function violationsForPost(violations: readonly Violation[], postId: string): Violation[] {
  return violations.filter((violation) => violation.postId === postId);
}

/** Identity of a violation, for diffing a plan's violations before and after a change. */
export function violationKey(violation: Violation): string {
  const params = Object.keys(violation.params)
    .sort()
    .map((key) => `${key}=${violation.params[key]}`)
    .join('&');
  return [violation.rule, violation.channelId, violation.postId ?? '', violation.at, params].join('|');
}

/** Violations in `after` that `before` did not have (e.g. what a move introduced). */
export function introducedViolations(before: readonly Violation[], after: readonly Violation[]): Violation[] {
  const known = new Set(before.map(violationKey));
  return after.filter((violation) => !known.has(violationKey(violation)));
}

/** Stable order: by time, then rule, channel and post, so results never depend on input order. */
export function sortViolations(violations: readonly Violation[]): Violation[] {
  // ISO instants of one format sort chronologically as strings; one key per violation keeps it cheap.
  return violations
    .map((violation) => ({
      violation,
      key: `${violation.at}\u0000${violation.rule}\u0000${violation.channelId}\u0000${violation.postId ?? ''}`,
    }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((entry) => entry.violation);
}
