import { inject, Injectable } from '@angular/core';
import type { OrganizationId } from '@kadens/shared/contracts';
import { PlanPromisesApi } from '@kadens/web/data-access';

export interface FreeSlotSearch {
  channelIds: readonly string[];
  /** ISO instant to search from. */
  from: string;
  invitesDialogue: boolean;
  /** The post being placed, when it is already saved. */
  postId?: string | null;
}

/** Each channel gets this many turns before the search settles for the latest answer. */
const ROUNDS = 5;

/**
 * The next time that breaks no blocking rule on any of the chosen channels. The API answers per
 * channel, so the channels take turns: each searches from the latest answer, until all agree.
 */
@Injectable({ providedIn: 'root' })
export class NextFreeSlotFinder {
  private readonly api = inject(PlanPromisesApi);

  /** The ISO instant, or null when some channel has nothing free within the API's horizon. */
  async find(organizationId: OrganizationId, search: FreeSlotSearch): Promise<string | null> {
    const channels = search.channelIds;
    if (channels.length === 0) return null;
    let at = search.from;
    let agreeing = 0;
    for (let turn = 0; turn < channels.length * ROUNDS && agreeing < channels.length; turn++) {
      const channelId = channels[turn % channels.length] as string;
      const slot = await this.api.nextFreeSlot(organizationId, channelId, {
        from: at,
        invitesDialogue: search.invitesDialogue,
        postId: search.postId,
      });
      if (slot.at === null) return null;
      if (Date.parse(slot.at) === Date.parse(at)) {
        agreeing++;
      } else {
        at = slot.at;
        agreeing = 1;
      }
    }
    return at;
  }
}
