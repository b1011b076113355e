import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { OrganizationId, Violation } from '@kadens/shared/contracts';
import { firstValueFrom } from 'rxjs';

import { APPROVALS_API_PATHS } from './approvals-api-paths';

/** A stretch of the plan (at most 370 days), optionally for some channels only. */
interface ViolationsQuery {
  from: string;
  to: string;
  channelIds?: readonly string[];
}

/** The channels' promises the plan breaks in a range: blocking rules and warnings. */
@Injectable({ providedIn: 'root' })
export class ViolationsApi {
  private readonly http = inject(HttpClient);

  list(organizationId: OrganizationId, query: ViolationsQuery): Promise<Violation[]> {
    const params: Record<string, string> = { from: query.from, to: query.to };
    if (query.channelIds && query.channelIds.length > 0) params['channelIds'] = query.channelIds.join(',');
    return firstValueFrom(this.http.get<Violation[]>(APPROVALS_API_PATHS.violations(organizationId), { params }));
  }
}
