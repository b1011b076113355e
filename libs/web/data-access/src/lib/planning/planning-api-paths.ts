import type { OrganizationId } from '@kadens/shared/contracts';

import { API_PATHS } from '../api/api-paths';

/** The planning endpoints: posts, content types, the calendar and what the channels' promises allow. */
export const PLANNING_API_PATHS = {
  calendar: (organizationId: OrganizationId) => `${API_PATHS.organization(organizationId)}/calendar`,
  posts: (organizationId: OrganizationId) => `${API_PATHS.organization(organizationId)}/posts`,
  post: (organizationId: OrganizationId, postId: string) => `${API_PATHS.organization(organizationId)}/posts/${encodeURIComponent(postId)}`,
  postMove: (organizationId: OrganizationId, postId: string) => `${PLANNING_API_PATHS.post(organizationId, postId)}/move`,
  postRevisions: (organizationId: OrganizationId, postId: string) => `${PLANNING_API_PATHS.post(organizationId, postId)}/revisions`,
  contentTypes: (organizationId: OrganizationId) => `${API_PATHS.organization(organizationId)}/content-types`,
  staffedPeriods: (organizationId: OrganizationId) => `${API_PATHS.organization(organizationId)}/calendar/staffed-periods`,
  planCheck: (organizationId: OrganizationId) => `${API_PATHS.organization(organizationId)}/calendar/check`,
  nextFreeSlotOnChannels: (organizationId: OrganizationId) => `${API_PATHS.organization(organizationId)}/calendar/next-free-slot`,
  nextFreeSlot: (organizationId: OrganizationId, channelId: string) =>
    `${API_PATHS.organization(organizationId)}/channels/${encodeURIComponent(channelId)}/next-free-slot`,
} as const;
