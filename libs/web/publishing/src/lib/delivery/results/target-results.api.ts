import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { ManualResultsInput, OrganizationId, TargetResultsView } from '@kadens/shared/contracts';
import { PUBLISHING_API_PATHS } from '@kadens/web/data-access';
import { firstValueFrom } from 'rxjs';

/** `…/publishing/targets/{targetId}/results`: a published target's numbers. Failures reject with the HttpErrorResponse. */
@Injectable({ providedIn: 'root' })
export class TargetResultsApi {
  private readonly http = inject(HttpClient);

  get(organizationId: OrganizationId, targetId: string): Promise<TargetResultsView> {
    return firstValueFrom(this.http.get<TargetResultsView>(targetResultsPath(organizationId, targetId)));
  }

  /** Replaces the numbers entered by hand; an empty `numbers` clears them. */
  put(organizationId: OrganizationId, targetId: string, input: ManualResultsInput): Promise<TargetResultsView> {
    return firstValueFrom(this.http.put<TargetResultsView>(targetResultsPath(organizationId, targetId), input));
  }
}

export function targetResultsPath(organizationId: OrganizationId, targetId: string): string {
  return `${PUBLISHING_API_PATHS.attempts(organizationId, targetId).replace(/\/attempts$/, '')}/results`;
}
