import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { AudienceInput, AudienceUpdate, AudienceView, OrganizationId } from '@kadens/shared/contracts';
import { firstValueFrom } from 'rxjs';

import { STRATEGY_API_PATHS } from './strategy-api-paths';

/** The organisation's audiences. Failures reject with the HttpErrorResponse. */
@Injectable({ providedIn: 'root' })
export class AudiencesApi {
  private readonly http = inject(HttpClient);

  list(organizationId: OrganizationId, includeArchived = false): Promise<AudienceView[]> {
    const params: Record<string, string> = includeArchived ? { includeArchived: 'true' } : {};
    return firstValueFrom(this.http.get<AudienceView[]>(STRATEGY_API_PATHS.collection(organizationId, 'audiences'), { params }));
  }

  create(organizationId: OrganizationId, input: AudienceInput): Promise<AudienceView> {
    return firstValueFrom(this.http.post<AudienceView>(STRATEGY_API_PATHS.collection(organizationId, 'audiences'), input));
  }

  /** Also archives (`{ archived: true }`) and restores an audience. */
  update(organizationId: OrganizationId, id: string, changes: AudienceUpdate): Promise<AudienceView> {
    return firstValueFrom(this.http.patch<AudienceView>(STRATEGY_API_PATHS.item(organizationId, 'audiences', id), changes));
  }

  /** Refused with 409 `audience_in_use` while posts or initiatives are for the audience. */
  remove(organizationId: OrganizationId, id: string): Promise<void> {
    return firstValueFrom(this.http.delete<void>(STRATEGY_API_PATHS.item(organizationId, 'audiences', id)));
  }
}
