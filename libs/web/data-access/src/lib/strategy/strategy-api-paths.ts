import type { OrganizationId } from '@kadens/shared/contracts';

import { API_PATHS } from '../api/api-paths';

/** The kinds of strategy item the API serves, each as its own collection under the organisation. */
type StrategyCollection = 'themes' | 'audiences' | 'channels' | 'initiatives';

/** The strategy endpoints, under `/api/organizations/:organizationId/`. */
export const STRATEGY_API_PATHS = {
  collection: (organizationId: OrganizationId, collection: StrategyCollection) => `${API_PATHS.organization(organizationId)}/${collection}`,
  item: (organizationId: OrganizationId, collection: StrategyCollection, id: string) =>
    `${API_PATHS.organization(organizationId)}/${collection}/${encodeURIComponent(id)}`,
  workload: (organizationId: OrganizationId) => `${API_PATHS.organization(organizationId)}/strategy/workload`,
  /** A channel's cadence and service hours. */
  channelPromises: (organizationId: OrganizationId, channelId: string) =>
    `${API_PATHS.organization(organizationId)}/channels/${encodeURIComponent(channelId)}/promises`,
} as const;
