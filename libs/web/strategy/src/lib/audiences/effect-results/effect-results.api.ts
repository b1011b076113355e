import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { AudienceEffectResultsView, EffectResultsInput, OrganizationId } from '@kadens/shared/contracts';
import { STRATEGY_API_PATHS } from '@kadens/web/data-access';
import { firstValueFrom } from 'rxjs';

/** `…/audiences/{id}/effect-results`: an audience's effect goal measured per period. Failures reject with the HttpErrorResponse. */
@Injectable({ providedIn: 'root' })
export class EffectResultsApi {
  private readonly http = inject(HttpClient);

  get(organizationId: OrganizationId, audienceId: string): Promise<AudienceEffectResultsView> {
    return firstValueFrom(this.http.get<AudienceEffectResultsView>(this.path(organizationId, audienceId)));
  }

  /** Sets each listed period's value; `value: null` removes that period. */
  put(organizationId: OrganizationId, audienceId: string, input: EffectResultsInput): Promise<AudienceEffectResultsView> {
    return firstValueFrom(this.http.put<AudienceEffectResultsView>(this.path(organizationId, audienceId), input));
  }

  private path(organizationId: OrganizationId, audienceId: string): string {
    return `${STRATEGY_API_PATHS.item(organizationId, 'audiences', audienceId)}/effect-results`;
  }
}
