import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { Evaluation, EvaluationDigestPreference, OrganizationId } from '@kadens/shared/contracts';
import { firstValueFrom } from 'rxjs';

function organizationPath(organizationId: OrganizationId): string {
  return `/api/organizations/${encodeURIComponent(organizationId)}`;
}

/** The evaluation endpoints: a month's or quarter's evaluation, my monthly mail, and "promises kept" in public. */
@Injectable({ providedIn: 'root' })
export class EvaluationApi {
  private readonly http = inject(HttpClient);

  evaluation(organizationId: OrganizationId, period: string): Promise<Evaluation> {
    const params = new HttpParams().set('period', period);
    return firstValueFrom(this.http.get<Evaluation>(`${organizationPath(organizationId)}/reports/evaluation`, { params }));
  }

  mailPreference(organizationId: OrganizationId): Promise<EvaluationDigestPreference> {
    return firstValueFrom(this.http.get<EvaluationDigestPreference>(`${organizationPath(organizationId)}/evaluation/mail-preference`));
  }

  setMailPreference(organizationId: OrganizationId, monthlyEvaluation: boolean): Promise<EvaluationDigestPreference> {
    return firstValueFrom(
      this.http.put<EvaluationDigestPreference>(`${organizationPath(organizationId)}/evaluation/mail-preference`, { monthlyEvaluation }),
    );
  }

  publicPromisesKept(organizationId: OrganizationId): Promise<{ show: boolean }> {
    return firstValueFrom(this.http.get<{ show: boolean }>(`${organizationPath(organizationId)}/evaluation/public-promises-kept`));
  }

  setPublicPromisesKept(organizationId: OrganizationId, show: boolean): Promise<{ show: boolean }> {
    return firstValueFrom(
      this.http.put<{ show: boolean }>(`${organizationPath(organizationId)}/evaluation/public-promises-kept`, { show }),
    );
  }
}
