import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { LinkPreview, OrganizationId } from '@kadens/shared/contracts';
import { API_PREFIX } from '@kadens/web/data-access';
import { firstValueFrom } from 'rxjs';

const base = (organizationId: OrganizationId) => `${API_PREFIX}/organizations/${encodeURIComponent(organizationId)}/link-preview`;

/** `GET …/link-preview?url=`: the card a link gets; its image through `…/link-preview/image?url=` (the app's CSP shows only its own images). */
@Injectable({ providedIn: 'root' })
export class LinkPreviewApi {
  private readonly http = inject(HttpClient);

  preview(organizationId: OrganizationId, url: string): Promise<LinkPreview> {
    return firstValueFrom(this.http.get<LinkPreview>(base(organizationId), { params: new HttpParams().set('url', url) }));
  }

  imageSrc(organizationId: OrganizationId, imageUrl: string): string {
    return `${base(organizationId)}/image?url=${encodeURIComponent(imageUrl)}`;
  }
}
