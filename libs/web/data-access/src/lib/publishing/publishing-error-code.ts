import { HttpErrorResponse } from '@angular/common/http';

/**
 * Error codes of the publishing endpoints that the publishing screens explain in their own words
 * (their texts live in the publishing translation scope, `publishing.problems.codes.<code>`).
 */
export const PUBLISHING_ERROR_CODES = [
  /** The action is not possible in the target's state (409). */
  'target_state',
  /** The post is not approved (any more) (409). */
  'not_approved',
  /** The organisation or the channel is paused, or the channel is not in use (409). */
  'publishing_paused',
  /** Resume, but nothing is paused (409). */
  'not_paused',
  'target_not_found',
  'post_not_found',
  'channel_not_found',
] as const;
export type PublishingErrorCode = (typeof PUBLISHING_ERROR_CODES)[number];

/** The publishing error code an API failure carries, or null for any other failure. */
export function publishingErrorCode(error: unknown): PublishingErrorCode | null {
  if (!(error instanceof HttpErrorResponse)) return null;
  const code: unknown = (error.error as { code?: unknown } | null)?.code;
  return (PUBLISHING_ERROR_CODES as readonly unknown[]).includes(code) ? (code as PublishingErrorCode) : null;
}
