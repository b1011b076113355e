import { HttpClient, HttpHeaders, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { OrganizationId, ReportPostsPage, ReportPostsQuery, ReportSummary, ReportSummaryQuery } from '@kadens/shared/contracts';
import { firstValueFrom } from 'rxjs';

function reportsPath(organizationId: OrganizationId): string {
  return `/api/organizations/${encodeURIComponent(organizationId)}/reports`;
}

function postsParams(query: ReportPostsQuery): HttpParams {
  let params = new HttpParams();
  for (const [key, value] of Object.entries(query) as Array<[string, string | number | undefined]>) {
    if (value !== undefined) params = params.set(key, String(value));
  }
  return params;
}

/** The reports endpoints (issue 13): the summary of a period, its posts, and the posts as CSV. */
@Injectable({ providedIn: 'root' })
export class ReportsApi {
  private readonly http = inject(HttpClient);

  summary(organizationId: OrganizationId, query: ReportSummaryQuery): Promise<ReportSummary> {
    const params = new HttpParams().set('from', query.from).set('to', query.to).set('groupBy', query.groupBy);
    return firstValueFrom(this.http.get<ReportSummary>(`${reportsPath(organizationId)}/summary`, { params }));
  }

  posts(organizationId: OrganizationId, query: ReportPostsQuery): Promise<ReportPostsPage> {
    return firstValueFrom(this.http.get<ReportPostsPage>(`${reportsPath(organizationId)}/posts`, { params: postsParams(query) }));
  }

  /** Every post of the period as the server writes the CSV (the same address, asked for text/csv). */
  postsCsv(organizationId: OrganizationId, query: ReportPostsQuery): Promise<Blob> {
    return firstValueFrom(
      this.http.get(`${reportsPath(organizationId)}/posts`, {
        params: postsParams(query),
        headers: new HttpHeaders({ Accept: 'text/csv' }),
        responseType: 'blob',
      }),
    );
  }
}
