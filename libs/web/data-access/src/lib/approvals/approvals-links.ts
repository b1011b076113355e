import type { OrganizationId } from '@kadens/shared/contracts';

import { organizationAreaLink } from '../app-paths';

/** The approvals area's own routes, under `/o/:organizationId/approvals/`. */
export const APPROVALS_PATHS = {
  settings: 'settings',
  audit: 'audit',
} as const;

/** The route parameter of the review screen (`/o/:organizationId/approvals/:postId`). */
export const REVIEW_POST_ID_PARAM = 'postId';

/** The review screen of one post: its text per channel, what changed, the checklist, the decision. */
export function reviewLink(organizationId: OrganizationId, postId: string): string[] {
  return [...organizationAreaLink(organizationId, 'approvals'), postId];
}

/** The approval policy and the review checklist. */
export function approvalSettingsLink(organizationId: OrganizationId): string[] {
  return [...organizationAreaLink(organizationId, 'approvals'), APPROVALS_PATHS.settings];
}

/** The organisation's audit log (admins). */
export function auditLogLink(organizationId: OrganizationId): string[] {
  return [...organizationAreaLink(organizationId, 'approvals'), APPROVALS_PATHS.audit];
}

/** The approvals inbox. */
export function approvalsInboxLink(organizationId: OrganizationId): string[] {
  return organizationAreaLink(organizationId, 'approvals');
}
