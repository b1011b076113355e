import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { AudienceView, ChannelView, ContentTypeView, InitiativeView, OrganizationId, ThemeView } from '@kadens/shared/contracts';
import { firstValueFrom } from 'rxjs';

import { OrganizationTimeZone } from '../organization/organization-time-zone';
import { AudiencesApi } from '../strategy/audiences.api';
import { ChannelsApi } from '../strategy/channels.api';
import { InitiativesApi } from '../strategy/initiatives.api';
import { ThemesApi } from '../strategy/themes.api';
import { PLANNING_API_PATHS } from './planning-api-paths';

/**
 * Everything a post refers to, loaded once per page: the organisation's time zone (every planned time
 * is shown and entered in it) and its themes, audiences, channels, initiatives and content types.
 * Archived themes, audiences and content types are included, so older posts still show their colour
 * and names; pickers for new choices leave them out.
 */
export interface PlanningCatalog {
  organizationId: OrganizationId;
  /** IANA zone, e.g. Europe/Oslo. */
  timeZone: string;
  themes: ThemeView[];
  audiences: AudienceView[];
  channels: ChannelView[];
  initiatives: InitiativeView[];
  contentTypes: ContentTypeView[];
}

/** Reads what planning needs; the strategy pages own the editing of it. */
@Injectable({ providedIn: 'root' })
export class PlanningCatalogApi {
  private readonly http = inject(HttpClient);
  private readonly organizationTimeZone = inject(OrganizationTimeZone);
  private readonly themes = inject(ThemesApi);
  private readonly audiences = inject(AudiencesApi);
  private readonly channels = inject(ChannelsApi);
  private readonly initiatives = inject(InitiativesApi);

  async load(organizationId: OrganizationId): Promise<PlanningCatalog> {
    const [timeZone, themes, audiences, channels, initiatives, contentTypes] = await Promise.all([
      this.organizationTimeZone.refresh(organizationId),
      this.themes.list(organizationId, true),
      this.audiences.list(organizationId, true),
      this.channels.list(organizationId),
      this.initiatives.list(organizationId),
      this.contentTypes(organizationId),
    ]);
    return { organizationId, timeZone, themes, audiences, channels, initiatives, contentTypes };
  }

  /** Content types, archived ones included. */
  contentTypes(organizationId: OrganizationId): Promise<ContentTypeView[]> {
    return firstValueFrom(
      this.http.get<ContentTypeView[]>(PLANNING_API_PATHS.contentTypes(organizationId), {
        params: { includeArchived: 'true' },
      }),
    );
  }
}
