import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { ChannelPromises, ChannelPromisesView, OrganizationId } from '@kadens/shared/contracts';
import { firstValueFrom } from 'rxjs';

import { STRATEGY_API_PATHS } from './strategy-api-paths';

/**
 * A channel's two promises: its cadence and its service hours, each null while the channel documents
 * none. Failures reject with the HttpErrorResponse; a refused value is a 400 `invalid_promises` whose
 * `errors` name the field (`cadence.minPostsPerWeek`, `serviceHours.openingHours`, …).
 */
@Injectable({ providedIn: 'root' })
export class ChannelPromisesApi {
  private readonly http = inject(HttpClient);

  get(organizationId: OrganizationId, channelId: string): Promise<ChannelPromisesView> {
    return firstValueFrom(this.http.get<ChannelPromisesView>(STRATEGY_API_PATHS.channelPromises(organizationId, channelId)));
  }

  /** Replaces both promises at once. */
  replace(organizationId: OrganizationId, channelId: string, promises: ChannelPromises): Promise<ChannelPromisesView> {
    return firstValueFrom(this.http.put<ChannelPromisesView>(STRATEGY_API_PATHS.channelPromises(organizationId, channelId), promises));
  }
}
