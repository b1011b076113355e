import { HttpErrorResponse } from '@angular/common/http';

/**
 * Error codes of the strategy endpoints that the strategy screens explain in their own words (their
 * texts live in the strategy translation scope, not among the app-wide `errors.code.*`).
 */
const STRATEGY_ERROR_CODES = [
  'name_taken',
  'theme_in_use',
  'audience_in_use',
  'channel_in_use',
  'initiative_in_use',
  'unknown_reference',
  'not_a_member',
] as const;
export type StrategyErrorCode = (typeof STRATEGY_ERROR_CODES)[number];

/** The strategy error code an API failure carries, or null for any other failure. */
export function strategyErrorCode(error: unknown): StrategyErrorCode | null {
  if (!(error instanceof HttpErrorResponse)) return null;
  const code: unknown = (error.error as { code?: unknown } | null)?.code;
  return (STRATEGY_ERROR_CODES as readonly unknown[]).includes(code) ? (code as StrategyErrorCode) : null;
}
