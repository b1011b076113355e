import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { OrganizationId, ThemeInput, ThemeUpdate, ThemeView } from '@kadens/shared/contracts';
import { firstValueFrom } from 'rxjs';

import { STRATEGY_API_PATHS } from './strategy-api-paths';

/** The organisation's themes. Failures reject with the HttpErrorResponse. */
@Injectable({ providedIn: 'root' })
export class ThemesApi {
  private readonly http = inject(HttpClient);

  list(organizationId: OrganizationId, includeArchived = false): Promise<ThemeView[]> {
    const params: Record<string, string> = includeArchived ? { includeArchived: 'true' } : {};
    return firstValueFrom(this.http.get<ThemeView[]>(STRATEGY_API_PATHS.collection(organizationId, 'themes'), { params }));
  }

  create(organizationId: OrganizationId, input: ThemeInput): Promise<ThemeView> {
    return firstValueFrom(this.http.post<ThemeView>(STRATEGY_API_PATHS.collection(organizationId, 'themes'), input));
  }

  /** Also archives (`{ archived: true }`) and restores a theme. */
  update(organizationId: OrganizationId, id: string, changes: ThemeUpdate): Promise<ThemeView> {
    return firstValueFrom(this.http.patch<ThemeView>(STRATEGY_API_PATHS.item(organizationId, 'themes', id), changes));
  }

  /** Refused with 409 `theme_in_use` once posts use the theme. */
  remove(organizationId: OrganizationId, id: string): Promise<void> {
    return firstValueFrom(this.http.delete<void>(STRATEGY_API_PATHS.item(organizationId, 'themes', id)));
  }
}
