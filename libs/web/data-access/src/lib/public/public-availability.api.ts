import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { Locale, PublicAvailability } from '@kadens/shared/contracts';
import { firstValueFrom } from 'rxjs';

import { API_PREFIX } from '../api/api-paths';

/** Everything under here answers without a session: the organisation's public promises. */
export const PUBLIC_API_PREFIX = `${API_PREFIX}/public/`;

export const PUBLIC_API_PATHS = {
  availability: (slug: string) => `${PUBLIC_API_PREFIX}${encodeURIComponent(slug)}/availability`,
  /** The iCalendar feed of staffed periods, with its words in `locale`. */
  availabilityIcal: (slug: string, locale: Locale) => `${PUBLIC_API_PREFIX}${encodeURIComponent(slug)}/availability.ics?lang=${locale}`,
} as const;

/** An organisation's public availability page, as the API serves it. Failures reject with the HttpErrorResponse. */
@Injectable({ providedIn: 'root' })
export class PublicAvailabilityApi {
  private readonly http = inject(HttpClient);

  /**
   * `fresh` asks past the browser's cache (the API lets it keep the answer five minutes), for when the
   * page knows a channel has just opened or closed.
   */
  get(slug: string, options: { fresh?: boolean } = {}): Promise<PublicAvailability> {
    return firstValueFrom(
      this.http.get<PublicAvailability>(PUBLIC_API_PATHS.availability(slug), options.fresh ? { cache: 'no-cache' } : {}),
    );
  }
}
