import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { NextFreeSlotView, OrganizationId, PlanCheckInput, PlanCheckView, StaffedPeriod } from '@kadens/shared/contracts';
import { firstValueFrom } from 'rxjs';

import { PLANNING_API_PATHS } from './planning-api-paths';

/** A stretch of the week view (at most 62 days), optionally for some channels only. */
interface StaffedPeriodsQuery {
  from: string;
  to: string;
  channelIds?: readonly string[];
}

interface NextFreeSlotQuery {
  /** ISO instant to search from; the API's default is now. */
  from?: string;
  /** Dialogue posts must also fit the channel's service hours. */
  invitesDialogue: boolean;
  /** The post being placed, whose own current time does not count against it. */
  postId?: string | null;
}

/**
 * What the channels' promises allow while planning: when each channel is staffed, the next time a post
 * breaks none of the chosen channels' blocking rules, and what a save of planned values would be told.
 * (The broken promises of the plan itself: `ViolationsApi`.)
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

  /** The earliest time free on every one of the channels, in one request. */
  nextFreeSlotOnChannels(
    organizationId: OrganizationId,
    channelIds: readonly string[],
    query: NextFreeSlotQuery,
  ): Promise<NextFreeSlotView> {
    const params: Record<string, string> = { channelIds: channelIds.join(','), invitesDialogue: String(query.invitesDialogue) };
    if (query.from) params['from'] = query.from;
    if (query.postId) params['postId'] = query.postId;
    return firstValueFrom(this.http.get<NextFreeSlotView>(PLANNING_API_PATHS.nextFreeSlotOnChannels(organizationId), { params }));
  }

  /** The blocking rules a save of these planned values would break; nothing is saved. */
  check(organizationId: OrganizationId, input: PlanCheckInput): Promise<PlanCheckView> {
    return firstValueFrom(this.http.post<PlanCheckView>(PLANNING_API_PATHS.planCheck(organizationId), input));
  }
}
