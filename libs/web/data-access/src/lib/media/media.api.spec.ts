import { type HttpErrorResponse, provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { MeView } from '@kadens/shared/contracts';
import { firstValueFrom, toArray } from 'rxjs';

import { SessionStore } from '../session/session.store';
import { MediaApi } from './media.api';

const MB = 1024 * 1024;
const ME: MeView = {
  user: { id: 'u1', email: 'editor@kadens.demo', name: 'Eddie', locale: null },
  memberships: [{ organizationId: 'o1', organizationName: 'Demo', organizationSlug: 'demo', organizationLocale: 'nb', role: 'editor' }],
  installation: { operator: false, mayCreateOrganizations: false },
  mediaLimits: { maxImageBytes: 2 * MB, maxVideoBytes: 3 * MB },
};

/** A file of `bytes` bytes without allocating them (only size and type are read before sending). */
function file(bytes: number, type: string): File {
  const blob = new File(['x'], 'upload', { type });
  Object.defineProperty(blob, 'size', { value: bytes });
  return blob;
}

describe('MediaApi.upload against the installation’s limits', () => {
  let api: MediaApi;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(MediaApi);
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  async function knowLimits(): Promise<void> {
    const loaded = TestBed.inject(SessionStore).refresh();
    http.expectOne('/api/me').flush(ME);
    await loaded;
  }

  it('refuses a file over its kind’s limit at once, as the API would (413 file_too_large), without sending it', async () => {
    await knowLimits();
    const error = (await firstValueFrom(api.upload('o1', file(2 * MB + 1, 'image/jpeg'), 'photo.jpg')).catch(
      (caught: unknown) => caught,
    )) as HttpErrorResponse;
    expect(error.status).toBe(413);
    expect(error.error).toMatchObject({ code: 'file_too_large', errors: [{ field: 'file', messages: ['an image may be at most 2 MB'] }] });
    const video = (await firstValueFrom(api.upload('o1', file(3 * MB + 1, 'video/mp4'), 'film.mp4')).catch(
      (caught: unknown) => caught,
    )) as HttpErrorResponse;
    expect(video.error.message).toBe('a video may be at most 3 MB');
    http.expectNone('/api/organizations/o1/media');
  });

  it('sends a file within its limit (a 2.5 MB video)', async () => {
    await knowLimits();
    const events = firstValueFrom(api.upload('o1', file(2.5 * MB, 'video/mp4'), 'film.mp4').pipe(toArray()));
    http.expectOne('/api/organizations/o1/media').flush({ id: 'm1' });
    expect((await events).at(-1)).toEqual({ kind: 'done', medium: { id: 'm1' } });
  });

  it('leaves the check to the API while it has not said its limits', async () => {
    const events = firstValueFrom(api.upload('o1', file(50 * MB, 'image/png'), 'big.png').pipe(toArray()));
    http.expectOne('/api/organizations/o1/media').flush({ id: 'm2' });
    expect((await events).at(-1)).toEqual({ kind: 'done', medium: { id: 'm2' } });
  });
});
