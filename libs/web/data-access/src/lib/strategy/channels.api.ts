import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { ChannelInput, ChannelUpdate, ChannelView, OrganizationId } from '@kadens/shared/contracts';
import { firstValueFrom } from 'rxjs';

import { STRATEGY_API_PATHS } from './strategy-api-paths';

/** The organisation's channels. Failures reject with the HttpErrorResponse. */
@Injectable({ providedIn: 'root' })
export class ChannelsApi {
  private readonly http = inject(HttpClient);

  list(organizationId: OrganizationId): Promise<ChannelView[]> {
    return firstValueFrom(this.http.get<ChannelView[]>(STRATEGY_API_PATHS.collection(organizationId, 'channels')));
  }

  create(organizationId: OrganizationId, input: ChannelInput): Promise<ChannelView> {
    return firstValueFrom(this.http.post<ChannelView>(STRATEGY_API_PATHS.collection(organizationId, 'channels'), input));
  }

  /** The platform is fixed once the channel exists. */
  update(organizationId: OrganizationId, id: string, changes: ChannelUpdate): Promise<ChannelView> {
    return firstValueFrom(this.http.patch<ChannelView>(STRATEGY_API_PATHS.item(organizationId, 'channels', id), changes));
  }

  /** Refused with 409 `channel_in_use` while posts or initiatives use the channel. */
  remove(organizationId: OrganizationId, id: string): Promise<void> {
    return firstValueFrom(this.http.delete<void>(STRATEGY_API_PATHS.item(organizationId, 'channels', id)));
  }
}
