import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { NextFreeSlotView, OrganizationId, StaffedPeriod } from '@kadens/shared/contracts';
import { firstValueFrom } from 'rxjs';

import { PLANNING_API_PATHS } from './planning-api-paths';

/** A stretch of the week view (at most 62 days), optionally for some channels only. */
export interface StaffedPeriodsQuery {
  from: string;
  to: string;
  channelIds?: readonly string[];
}

export interface NextFreeSlotQuery {
  /** ISO instant to search from; the API's default is now. */
  from?: string;
  /** Dialogue posts must also fit the channel's service hours. */
  invitesDialogue: boolean;
  /** The post being placed, whose own current time does not count against it. */
  postId?: string | null;
}

/**
 * What the channels' promises allow while planning: when each channel is staffed, and the next time a
 * post breaks none of a channel's blocking rules. (The broken promises themselves: `ViolationsApi`.)
 */
@Injectable({ providedIn: 'root' })
export class PlanPromisesApi {
  private readonly http = inject(HttpClient);

  staffedPeriods(organizationId: OrganizationId, query: StaffedPeriodsQuery): Promise<StaffedPeriod[]> {
    const params: Record<string, string> = { from: query.from, to: query.to };
    if (query.channelIds && query.channelIds.length > 0) params['channelIds'] = query.channelIds.join(',');
    return firstValueFrom(this.http.get<StaffedPeriod[]>(PLANNING_API_PATHS.staffedPeriods(organizationId), { params }));
  }

  nextFreeSlot(organizationId: OrganizationId, channelId: string, query: NextFreeSlotQuery): Promise<NextFreeSlotView> {
    const params: Record<string, string> = { invitesDialogue: String(query.invitesDialogue) };
    if (query.from) params['from'] = query.from;
    if (query.postId) params['postId'] = query.postId;
    return firstValueFrom(this.http.get<NextFreeSlotView>(PLANNING_API_PATHS.nextFreeSlot(organizationId, channelId), { params }));
  }
}
