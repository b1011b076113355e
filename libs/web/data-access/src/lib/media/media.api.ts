import { HttpClient, HttpErrorResponse, type HttpEvent, HttpEventType, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  type MediaKind,
  type MediaLimits,
  type MediaPage,
  type MediaUpdate,
  type MediaView,
  type OrganizationId,
  UPLOAD_HEADERS,
} from '@kadens/shared/contracts';
import { filter, firstValueFrom, map, type Observable, throwError } from 'rxjs';

import { API_PREFIX } from '../api/api-paths';
import { SessionStore } from '../session/session.store';

/**
 * The translation scope of the media library and the composer's media section:
 * `web/public/i18n/media/<locale>.json`; its keys read `media.…`.
 */
export const MEDIA_SCOPE = 'media';

/** The media library's route inside an organisation, `/o/:organizationId/media`. */
export const MEDIA_LIBRARY_PATH = 'media';

export function mediaLibraryLink(organizationId: OrganizationId): string[] {
  return ['/', 'o', organizationId, MEDIA_LIBRARY_PATH];
}

export const MEDIA_API_PATHS = {
  media: (organizationId: OrganizationId) => `${API_PREFIX}/organizations/${encodeURIComponent(organizationId)}/media`,
  medium: (organizationId: OrganizationId, mediaId: string) =>
    `${API_PREFIX}/organizations/${encodeURIComponent(organizationId)}/media/${encodeURIComponent(mediaId)}`,
} as const;

export interface MediaQuery {
  /** Words in the alt text or the file name. */
  q?: string;
  kind?: MediaKind;
  limit?: number;
  offset?: number;
}

/**
 * How far an upload is: the bytes sent so far and `percent` for a progress bar (99 at most until the server has
 * stored and processed the file), then the stored medium.
 */
export type MediaUploadEvent =
  { kind: 'progress'; loaded: number; total: number | null; percent: number } | { kind: 'done'; medium: MediaView };

/** 0–99: the share of the bytes sent; 100 is for the stored medium. */
function uploadPercent(loaded: number, total: number): number {
  return total > 0 ? Math.min(99, Math.round((loaded / total) * 100)) : 0;
}

/** A post that uses a medium (the API's 409 `media_in_use` names one per error). */
export interface MediaUsingPost {
  id: string;
  title: string;
  plannedAt: string | null;
  state: string;
}

/** The posts a refused deletion names; [] when the error is something else. */
export function postsUsingMedium(error: unknown): MediaUsingPost[] {
  const body = (error as { status?: number; error?: { code?: string; errors?: Array<{ post?: MediaUsingPost }> } } | null) ?? null;
  if (body?.status !== 409 || body.error?.code !== 'media_in_use') return [];
  return (body.error.errors ?? []).flatMap((entry) => (entry.post ? [entry.post] : []));
}

/** The API's 413 for a file over the limit of its kind (video by its type, anything else as an image), or null. */
export function tooLarge(file: Pick<Blob, 'size' | 'type'>, limits: MediaLimits | null, url: string): HttpErrorResponse | null {
  if (!limits) return null;
  const video = file.type.startsWith('video/');
  const limit = video ? limits.maxVideoBytes : limits.maxImageBytes;
  if (file.size <= limit) return null;
  const message = `a${video ? ' video' : 'n image'} may be at most ${Math.floor(limit / 1024 / 1024)} MB`;
  return new HttpErrorResponse({
    status: 413,
    statusText: 'Payload Too Large',
    url,
    error: {
      statusCode: 413,
      error: 'Payload Too Large',
      code: 'file_too_large',
      message,
      errors: [{ field: 'file', messages: [message] }],
    },
  });
}

/** The organisation's media library. Failures reject (or error) with the HttpErrorResponse. */
@Injectable({ providedIn: 'root' })
export class MediaApi {
  private readonly http = inject(HttpClient);
  private readonly session = inject(SessionStore);

  /**
   * Uploads one file (multipart `file`, optional `altText`), reporting the bytes sent as they go. A file
   * larger than the installation takes (`SessionStore.mediaLimits`) fails at once with the API's own 413
   * `file_too_large`, without sending a byte.
   */
  upload(organizationId: OrganizationId, file: Blob, fileName: string, altText?: string): Observable<MediaUploadEvent> {
    const refusal = tooLarge(file, this.session.mediaLimits(), MEDIA_API_PATHS.media(organizationId));
    if (refusal) return throwError(() => refusal);
    const body = new FormData();
    if (altText) body.append('altText', altText);
    // The alt text goes first: the API reads the multipart body as a stream.
    body.append('file', file, fileName);
    return this.http
      .post<MediaView>(MEDIA_API_PATHS.media(organizationId), body, {
        headers: UPLOAD_HEADERS,
        reportProgress: true,
        observe: 'events',
      })
      .pipe(
        map((event: HttpEvent<MediaView>): MediaUploadEvent | null => {
          if (event.type === HttpEventType.UploadProgress) {
            const total = event.total ?? null;
            return { kind: 'progress', loaded: event.loaded, total, percent: uploadPercent(event.loaded, total ?? file.size) };
          }
          if (event.type === HttpEventType.Response && event.body) return { kind: 'done', medium: event.body };
          return null;
        }),
        filter((event): event is MediaUploadEvent => event !== null),
      );
  }

  list(organizationId: OrganizationId, query: MediaQuery = {}): Promise<MediaPage> {
    let params = new HttpParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== '') params = params.set(key, String(value));
    }
    return firstValueFrom(this.http.get<MediaPage>(MEDIA_API_PATHS.media(organizationId), { params }));
  }

  get(organizationId: OrganizationId, mediaId: string): Promise<MediaView> {
    return firstValueFrom(this.http.get<MediaView>(MEDIA_API_PATHS.medium(organizationId, mediaId)));
  }

  update(organizationId: OrganizationId, mediaId: string, update: MediaUpdate): Promise<MediaView> {
    return firstValueFrom(this.http.patch<MediaView>(MEDIA_API_PATHS.medium(organizationId, mediaId), update));
  }

  /** Rejects with a 409 `media_in_use` naming the posts that use it (see `postsUsingMedium`). */
  remove(organizationId: OrganizationId, mediaId: string): Promise<void> {
    return firstValueFrom(this.http.delete<void>(MEDIA_API_PATHS.medium(organizationId, mediaId)));
  }
}
