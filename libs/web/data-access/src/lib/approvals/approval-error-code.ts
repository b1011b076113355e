import { HttpErrorResponse } from '@angular/common/http';

/**
 * Error codes of the sign-off endpoints that the approval screens explain in their own words (their
 * texts live in the approvals translation scope, not among the app-wide `errors.code.*`).
 */
export const APPROVAL_ERROR_CODES = [
  'own_post',
  'permission_denied',
  'role_lacks_permission',
  'stale_revision',
  'already_approved',
  'not_allowed_in_state',
  'checklist_incomplete',
  'delivery_started',
  'unknown_reference',
  'post_not_found',
] as const;
export type ApprovalErrorCode = (typeof APPROVAL_ERROR_CODES)[number];

/** The approval error code an API failure carries, or null for any other failure. */
export function approvalErrorCode(error: unknown): ApprovalErrorCode | null {
  if (!(error instanceof HttpErrorResponse)) return null;
  const code: unknown = (error.error as { code?: unknown } | null)?.code;
  return (APPROVAL_ERROR_CODES as readonly unknown[]).includes(code) ? (code as ApprovalErrorCode) : null;
}
