import type { InitiativeView } from '@kadens/shared/contracts';

import type { Initiative } from './initiative.entity';

export function toInitiativeView(initiative: Initiative, channelIds: string[], audienceIds: string[]): InitiativeView {
  return {
    id: initiative.id,
    channelIds,
    what: initiative.what,
    outcome: initiative.outcome,
    audienceIds,
    hoursPerWeek: initiative.hoursPerWeek,
    core: initiative.core,
    status: initiative.status,
    createdAt: initiative.createdAt.toISOString(),
  };
}
