import type { OrganizationId } from '@kadens/shared/contracts';

import { API_PATHS } from '../api/api-paths';

const post = (organizationId: OrganizationId, postId: string) =>
  `${API_PATHS.organization(organizationId)}/posts/${encodeURIComponent(postId)}`;

/** The sign-off endpoints: the inbox, a post's review, decisions, comments and history, settings, notifications. */
export const APPROVALS_API_PATHS = {
  inbox: (organizationId: OrganizationId) => `${API_PATHS.organization(organizationId)}/approvals/inbox`,
  review: (organizationId: OrganizationId, postId: string) => `${post(organizationId, postId)}/review`,
  decision: (organizationId: OrganizationId, postId: string, decision: 'submit' | 'approve' | 'request-changes' | 'cancel') =>
    `${post(organizationId, postId)}/${decision}`,
  comments: (organizationId: OrganizationId, postId: string) => `${post(organizationId, postId)}/comments`,
  history: (organizationId: OrganizationId, postId: string) => `${post(organizationId, postId)}/history`,
  audit: (organizationId: OrganizationId) => `${API_PATHS.organization(organizationId)}/audit`,
  violations: (organizationId: OrganizationId) => `${API_PATHS.organization(organizationId)}/calendar/violations`,
  checklist: (organizationId: OrganizationId) => `${API_PATHS.organization(organizationId)}/checklist`,
  checklistItem: (organizationId: OrganizationId, itemId: string) =>
    `${API_PATHS.organization(organizationId)}/checklist/${encodeURIComponent(itemId)}`,
  policy: (organizationId: OrganizationId) => `${API_PATHS.organization(organizationId)}/approval-policy`,
  notifications: (organizationId: OrganizationId) => `${API_PATHS.organization(organizationId)}/notifications`,
  notificationsRead: (organizationId: OrganizationId) => `${API_PATHS.organization(organizationId)}/notifications/read`,
  notificationMailPreferences: (organizationId: OrganizationId) =>
    `${API_PATHS.organization(organizationId)}/notifications/mail-preferences`,
} as const;
