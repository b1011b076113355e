import { inject, Injectable } from '@angular/core';
import type { OrganizationId } from '@kadens/shared/contracts';
import { PlanPromisesApi } from '@kadens/web/data-access';

interface FreeSlotSearch {
  channelIds: readonly string[];
  /** ISO instant to search from. */
  from: string;
  invitesDialogue: boolean;
  /** The post being placed, when it is already saved. */
  postId?: string | null;
}

/** The next time that breaks no blocking rule on any of the chosen channels: one request, the API searches. */
@Injectable({ providedIn: 'root' })
export class NextFreeSlotFinder {
  private readonly api = inject(PlanPromisesApi);

  /** The ISO instant, or null when nothing is free on all the channels within the API's horizon. */
  async find(organizationId: OrganizationId, search: FreeSlotSearch): Promise<string | null> {
    if (search.channelIds.length === 0) return null;
    const slot = await this.api.nextFreeSlotOnChannels(organizationId, search.channelIds, {
      from: search.from,
      invitesDialogue: search.invitesDialogue,
      postId: search.postId,
    });
    return slot.at;
  }
}
