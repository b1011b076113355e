import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { PlatformSettingsView } from '@kadens/shared/contracts';
import { firstValueFrom } from 'rxjs';

/** `GET /api/operator/platforms`: the operators' view of the platforms' sign-in settings (403 `operator_only` for anyone else). */
export const PLATFORM_SETTINGS_PATH = '/api/operator/platforms';

@Injectable({ providedIn: 'root' })
export class PlatformSettingsApi {
  private readonly http = inject(HttpClient);

  list(): Promise<PlatformSettingsView[]> {
    return firstValueFrom(this.http.get<PlatformSettingsView[]>(PLATFORM_SETTINGS_PATH));
  }
}
