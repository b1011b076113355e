import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { CalendarEntry, CalendarQuery, OrganizationId } from '@kadens/shared/contracts';
import { firstValueFrom } from 'rxjs';

import { PLANNING_API_PATHS } from './planning-api-paths';

const LIST_FILTERS = ['themeIds', 'audienceIds', 'channelIds', 'initiativeIds', 'states'] as const;

/**
 * The query string for a calendar range: `from` and `to` as given (instants with an offset), each
 * non-empty filter as one comma-separated value.
 */
export function calendarQueryParams(query: CalendarQuery): HttpParams {
  let params = new HttpParams().set('from', query.from).set('to', query.to);
  for (const name of LIST_FILTERS) {
    const values = query[name];
    if (values && values.length > 0) params = params.set(name, values.join(','));
  }
  return params;
}

/** The planned posts in a date range (at most 370 days), as the calendar draws them. */
@Injectable({ providedIn: 'root' })
export class CalendarApi {
  private readonly http = inject(HttpClient);

  entries(organizationId: OrganizationId, query: CalendarQuery): Promise<CalendarEntry[]> {
    return firstValueFrom(
      this.http.get<CalendarEntry[]>(PLANNING_API_PATHS.calendar(organizationId), { params: calendarQueryParams(query) }),
    );
  }
}
