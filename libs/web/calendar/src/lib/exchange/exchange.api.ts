import { HttpClient, HttpEventType, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  type CalendarFeedCreated,
  type CalendarFeedInput,
  type CalendarFeedView,
  type CalendarQuery,
  type ImportResult,
  type OrganizationId,
  UPLOAD_HEADERS,
} from '@kadens/shared/contracts';
import { calendarQueryParams } from '@kadens/web/data-access';
import { filter, firstValueFrom, map, type Observable } from 'rxjs';

/** The translation scope of the calendar's subscribe, import and export pieces: `web/public/i18n/exchange/<locale>.json`. */
export const EXCHANGE_SCOPE = 'exchange';

/** Upload progress (0–1) while the file goes up; then the server's answer. */
export type ImportProgress = { kind: 'progress'; fraction: number } | { kind: 'done'; result: ImportResult };

/** The calendar feeds, the CSV import and the CSV export's address (issue 14). */
@Injectable({ providedIn: 'root' })
export class ExchangeApi {
  private readonly http = inject(HttpClient);

  feeds(): Promise<CalendarFeedView[]> {
    return firstValueFrom(this.http.get<CalendarFeedView[]>('/api/me/calendar-feeds'));
  }

  createFeed(input: CalendarFeedInput): Promise<CalendarFeedCreated> {
    return firstValueFrom(this.http.post<CalendarFeedCreated>('/api/me/calendar-feeds', input));
  }

  regenerateFeed(id: string): Promise<CalendarFeedCreated> {
    return firstValueFrom(this.http.post<CalendarFeedCreated>(`/api/me/calendar-feeds/${encodeURIComponent(id)}/regenerate`, {}));
  }

  revokeFeed(id: string): Promise<void> {
    return firstValueFrom(this.http.delete<void>(`/api/me/calendar-feeds/${encodeURIComponent(id)}`));
  }

  /** The file as the multipart field `file`; `dryRun` answers the preview and stores nothing. */
  importPosts(organizationId: OrganizationId, file: File, dryRun: boolean): Observable<ImportProgress> {
    const body = new FormData();
    body.append('file', file, file.name);
    return this.http
      .post<ImportResult>(`/api/organizations/${encodeURIComponent(organizationId)}/imports/posts`, body, {
        headers: UPLOAD_HEADERS,
        params: new HttpParams().set('dryRun', String(dryRun)),
        reportProgress: true,
        observe: 'events',
      })
      .pipe(
        filter((event) => event.type === HttpEventType.UploadProgress || event.type === HttpEventType.Response),
        map((event): ImportProgress => {
          if (event.type === HttpEventType.Response) return { kind: 'done', result: event.body as ImportResult };
          const total = event.type === HttpEventType.UploadProgress ? (event.total ?? file.size) : file.size;
          const loaded = event.type === HttpEventType.UploadProgress ? event.loaded : 0;
          return { kind: 'progress', fraction: total > 0 ? Math.min(1, loaded / total) : 1 };
        }),
      );
  }

  /** The export's address for the calendar as shown: same range, same filters. */
  exportUrl(organizationId: OrganizationId, query: CalendarQuery): string {
    return `/api/organizations/${encodeURIComponent(organizationId)}/calendar.csv?${calendarQueryParams(query).toString()}`;
  }
}
