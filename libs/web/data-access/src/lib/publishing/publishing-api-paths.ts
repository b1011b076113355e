import type { OrganizationId } from '@kadens/shared/contracts';

import { API_PATHS } from '../api/api-paths';

const publishing = (organizationId: OrganizationId) => `${API_PATHS.organization(organizationId)}/publishing`;
const target = (organizationId: OrganizationId, targetId: string) =>
  `${publishing(organizationId)}/targets/${encodeURIComponent(targetId)}`;

/** What a person can do about one target from the needs-attention list or the post's delivery panel. */
type TargetActionPath = 'check-again' | 'retry' | 'publish-now' | 'mark-published' | 'reschedule';

/** The publishing endpoints: the crisis switch, the needs-attention list, a target's deliveries and the live stream. */
export const PUBLISHING_API_PATHS = {
  status: (organizationId: OrganizationId) => `${publishing(organizationId)}/status`,
  pause: (organizationId: OrganizationId) => `${publishing(organizationId)}/pause`,
  channelPause: (organizationId: OrganizationId, channelId: string) =>
    `${API_PATHS.organization(organizationId)}/channels/${encodeURIComponent(channelId)}/publishing-pause`,
  attention: (organizationId: OrganizationId) => `${publishing(organizationId)}/attention`,
  channelConnections: (organizationId: OrganizationId) => `${API_PATHS.organization(organizationId)}/channel-connections`,
  targetAction: (organizationId: OrganizationId, targetId: string, action: TargetActionPath) =>
    `${target(organizationId, targetId)}/${action}`,
  attempts: (organizationId: OrganizationId, targetId: string) => `${target(organizationId, targetId)}/attempts`,
  deliveries: (organizationId: OrganizationId, postId: string) =>
    `${API_PATHS.organization(organizationId)}/posts/${encodeURIComponent(postId)}/deliveries`,
  events: (organizationId: OrganizationId) => `${publishing(organizationId)}/events`,
} as const;
