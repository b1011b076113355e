import { HttpErrorResponse } from '@angular/common/http';
import type { Violation } from '@kadens/shared/contracts';

/**
 * Error codes of the post endpoints that the planning screens explain in their own words (their texts
 * live in the planning translation scope, not among the app-wide `errors.code.*`).
 */
export const PLANNING_ERROR_CODES = [
  'delivery_started',
  'post_cancelled',
  'post_not_found',
  'platform_rules',
  'rule_violations',
  'override_not_allowed',
  'nothing_to_override',
] as const;
type PlanningErrorCode = (typeof PLANNING_ERROR_CODES)[number];

/** The planning error code an API failure carries, or null for any other failure. */
export function planningErrorCode(error: unknown): PlanningErrorCode | null {
  if (!(error instanceof HttpErrorResponse)) return null;
  const code: unknown = (error.error as { code?: unknown } | null)?.code;
  return (PLANNING_ERROR_CODES as readonly unknown[]).includes(code) ? (code as PlanningErrorCode) : null;
}

/** The broken rules a 422 `rule_violations` names; empty for any other failure. */
export function ruleViolations(error: unknown): Violation[] {
  if (planningErrorCode(error) !== 'rule_violations') return [];
  const violations: unknown = ((error as HttpErrorResponse).error as { violations?: unknown }).violations;
  return Array.isArray(violations) ? violations.filter(isViolation) : [];
}

/** Only the violations that stop the change (the API sends no warnings with a 422, but be sure). */
export function blockingViolations(error: unknown): Violation[] {
  return ruleViolations(error).filter((violation) => violation.severity === 'block');
}

function isViolation(value: unknown): value is Violation {
  const candidate = value as Partial<Violation> | null;
  return typeof candidate?.rule === 'string' && typeof candidate.channelId === 'string';
}
