import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { TranslocoTestingModule } from '@jsverse/transloco';
import type { MediaView } from '@kadens/shared/contracts';
import { ActiveOrganization, OrganizationTimeZone } from '@kadens/web/data-access';
import { Confirmation, ProblemNotifier } from '@kadens/web/ui';
import { provideIcuMessages } from '@kadens/web/util';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { MediaLibraryPageComponent } from './media-library-page.component';

const MEDIA_EN = JSON.parse(readFileSync(join(__dirname, '../../../../../../web/public/i18n/media/en.json'), 'utf8')) as object;
const LIST = '/api/organizations/o1/media';

const medium = (id: string, overrides: Partial<MediaView> = {}): MediaView => ({
  id,
  kind: 'image',
  mimeType: 'image/jpeg',
  fileName: `${id}.jpg`,
  bytes: 38_400,
  width: 320,
  height: 240,
  altText: '',
  thumbnailUrl: `${LIST}/${id}/content?variant=thumbnail`,
  contentUrl: `${LIST}/${id}/content`,
  createdAt: '2026-12-07T10:00:00.000Z',
  ...overrides,
});

describe('the media library page', () => {
  async function render() {
    const confirm = jest.fn<Promise<boolean>, unknown[]>().mockResolvedValue(true);
    TestBed.configureTestingModule({
      imports: [
        MediaLibraryPageComponent,
        TranslocoTestingModule.forRoot({
          langs: { en: { media: MEDIA_EN, common: { close: 'Close', cancel: 'Cancel', loading: 'Loading' } } },
          translocoConfig: { availableLangs: ['en'], defaultLang: 'en', missingHandler: { logMissingKey: false } },
          preloadLangs: true,
        }),
      ],
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideIcuMessages(),
        { provide: ActiveOrganization, useValue: { organizationId: signal('o1'), can: () => true } },
        { provide: OrganizationTimeZone, useValue: { timeZone: signal('Europe/Oslo') } },
        { provide: Confirmation, useValue: { ask: confirm } },
        { provide: ProblemNotifier, useValue: { announce: jest.fn(), report: jest.fn() } },
      ],
    });
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(MediaLibraryPageComponent);
    const element = fixture.nativeElement as HTMLElement;
    const settle = async () => {
      for (let i = 0; i < 5; i++) await Promise.resolve();
      fixture.detectChanges();
      await fixture.whenStable();
    };
    fixture.detectChanges();
    await settle();
    return { http, fixture, element, settle, confirm };
  }

  it('lists the media with thumbnails, sizes and alt texts, and flags an image without one', async () => {
    const { http, element, settle } = await render();
    http
      .expectOne(`${LIST}?limit=24&offset=0`)
      .flush({ items: [medium('a', { altText: 'Barn i snøen' }), medium('b', { bytes: 2_621_440 })], total: 30 });
    await settle();
    const items = [...element.querySelectorAll('[data-testid="media-library-item"]')];
    expect(items).toHaveLength(2);
    expect(items[0]?.querySelector('img')?.getAttribute('alt')).toBe('Open a.jpg in full size');
    expect(items[0]?.querySelector('.card__facts')?.textContent?.trim()).toBe('320 × 240, 37.5 kB');
    expect(items[1]?.querySelector('.card__facts')?.textContent?.trim()).toBe('320 × 240, 2.5 MB');
    expect(items[0]?.querySelector('[data-testid="media-library-alt-text"]')?.textContent).toBe('Barn i snøen');
    expect(items[1]?.querySelector('.card__alt--missing')?.textContent?.trim()).toBe('No alt text');
    expect(element.querySelector('[data-testid="media-library-count"]')?.textContent?.trim()).toBe('30 media');

    // Paging: 24 a page.
    element.querySelector<HTMLButtonElement>('[data-testid="media-library-next"]')?.click();
    http.expectOne(`${LIST}?limit=24&offset=24`).flush({ items: [medium('z')], total: 30 });
    await settle();
    expect(element.querySelector('[data-testid="media-library-page"]')?.textContent?.trim()).toBe('Page 2 of 2');

    // Search by alt text or file name starts on the first page again.
    const search = element.querySelector<HTMLInputElement>('[data-testid="media-library-search"]');
    if (search) search.value = ' snø ';
    element.querySelector<HTMLButtonElement>('[data-testid="media-library-search-button"]')?.click();
    http.expectOne(`${LIST}?q=sn%C3%B8&limit=24&offset=0`).flush({ items: [medium('a')], total: 1 });
    await settle();
    expect(element.querySelectorAll('[data-testid="media-library-item"]')).toHaveLength(1);
  });

  it('names the planned posts that use a medium when its deletion is refused', async () => {
    const { http, element, settle, confirm } = await render();
    http.expectOne(`${LIST}?limit=24&offset=0`).flush({ items: [medium('a')], total: 1 });
    await settle();
    element.querySelector<HTMLButtonElement>('[data-testid="media-library-delete"]')?.click();
    await settle();
    expect(confirm).toHaveBeenCalledWith(expect.objectContaining({ params: { fileName: 'a.jpg' } }));
    http.expectOne({ method: 'DELETE', url: `${LIST}/a` }).flush(
      {
        code: 'media_in_use',
        errors: [
          {
            field: 'id',
            messages: ['used by the post “Skolestart”'],
            post: { id: 'p1', title: 'Skolestart', plannedAt: '2031-01-14T13:00:00.000Z', state: 'approved' },
          },
        ],
      },
      { status: 409, statusText: 'Conflict' },
    );
    await settle();
    const inUse = element.querySelector('[data-testid="media-in-use"]');
    expect(inUse?.getAttribute('role')).toBe('alert');
    expect(inUse?.textContent).toContain('“a.jpg” cannot be deleted: these posts use it.');
    expect(inUse?.querySelector('a')?.textContent).toBe('Skolestart');
    expect(inUse?.querySelector('a')?.getAttribute('href')).toBe('/o/o1/approvals/p1');
  });

  it('saves an edited alt text to the medium', async () => {
    const { http, element, settle } = await render();
    http.expectOne(`${LIST}?limit=24&offset=0`).flush({ items: [medium('a')], total: 1 });
    await settle();
    element.querySelector<HTMLButtonElement>('[data-testid="media-library-edit"]')?.click();
    await settle();
    const alt = element.querySelector<HTMLTextAreaElement>('[data-testid="media-library-alt"]');
    if (alt) alt.value = '  Barn som aker ';
    element.querySelector<HTMLButtonElement>('[data-testid="media-library-alt-save"]')?.click();
    const patch = http.expectOne({ method: 'PATCH', url: `${LIST}/a` });
    expect(patch.request.body).toEqual({ altText: 'Barn som aker' });
    patch.flush(medium('a', { altText: 'Barn som aker' }));
    await settle();
    expect(element.querySelector('[data-testid="media-library-alt-text"]')?.textContent).toBe('Barn som aker');
  });
});
