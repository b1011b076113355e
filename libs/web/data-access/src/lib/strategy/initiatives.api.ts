import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { InitiativeInput, InitiativeUpdate, InitiativeView, OrganizationId, StrategyWorkload } from '@kadens/shared/contracts';
import { firstValueFrom } from 'rxjs';

import { STRATEGY_API_PATHS } from './strategy-api-paths';

/** The organisation's initiatives and what they cost together. Failures reject with the HttpErrorResponse. */
@Injectable({ providedIn: 'root' })
export class InitiativesApi {
  private readonly http = inject(HttpClient);

  /** Oldest first, the order the plan was written in. */
  list(organizationId: OrganizationId): Promise<InitiativeView[]> {
    return firstValueFrom(this.http.get<InitiativeView[]>(STRATEGY_API_PATHS.collection(organizationId, 'initiatives')));
  }

  create(organizationId: OrganizationId, input: InitiativeInput): Promise<InitiativeView> {
    return firstValueFrom(this.http.post<InitiativeView>(STRATEGY_API_PATHS.collection(organizationId, 'initiatives'), input));
  }

  update(organizationId: OrganizationId, id: string, changes: InitiativeUpdate): Promise<InitiativeView> {
    return firstValueFrom(this.http.patch<InitiativeView>(STRATEGY_API_PATHS.item(organizationId, 'initiatives', id), changes));
  }

  /** Refused with 409 `initiative_in_use` while posts belong to the initiative. */
  remove(organizationId: OrganizationId, id: string): Promise<void> {
    return firstValueFrom(this.http.delete<void>(STRATEGY_API_PATHS.item(organizationId, 'initiatives', id)));
  }

  /** Hours per week of the active initiatives against the organisation's stated capacity. */
  workload(organizationId: OrganizationId): Promise<StrategyWorkload> {
    return firstValueFrom(this.http.get<StrategyWorkload>(STRATEGY_API_PATHS.workload(organizationId)));
  }
}
