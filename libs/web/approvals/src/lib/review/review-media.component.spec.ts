import { TestBed } from '@angular/core/testing';
import { TranslocoTestingModule } from '@jsverse/transloco';
import type { MediaView } from '@kadens/shared/contracts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { ReviewMediaComponent } from './review-media.component';

const MEDIA_EN = JSON.parse(readFileSync(join(__dirname, '../../../../../../web/public/i18n/media/en.json'), 'utf8')) as object;

const medium = (id: string, overrides: Partial<MediaView> = {}): MediaView => ({
  id,
  kind: 'image',
  mimeType: 'image/jpeg',
  fileName: `${id}.jpg`,
  bytes: 1000,
  width: 10,
  height: 10,
  altText: '',
  thumbnailUrl: `/api/organizations/o1/media/${id}/content?variant=thumbnail`,
  contentUrl: `/api/organizations/o1/media/${id}/content`,
  createdAt: '',
  ...overrides,
});

describe('the media on the review page', () => {
  it('shows each medium, opening in full size, with its alt text or a visible warning', async () => {
    TestBed.configureTestingModule({
      imports: [
        ReviewMediaComponent,
        TranslocoTestingModule.forRoot({
          langs: { en: { media: MEDIA_EN } },
          translocoConfig: { availableLangs: ['en'], defaultLang: 'en', missingHandler: { logMissingKey: false } },
          preloadLangs: true,
        }),
      ],
    });
    const fixture = TestBed.createComponent(ReviewMediaComponent);
    fixture.componentRef.setInput('media', [medium('a', { altText: 'Barn i snøen' }), medium('b')]);
    fixture.detectChanges();
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    const items = [...element.querySelectorAll('[data-testid="review-medium"]')];
    expect(items[0]?.querySelector('a')?.getAttribute('href')).toBe('/api/organizations/o1/media/a/content');
    expect(items[0]?.querySelector('a')?.getAttribute('aria-label')).toBe('Open a.jpg in full size');
    expect(items[0]?.querySelector('[data-testid="review-medium-alt"]')?.textContent).toBe('Barn i snøen');
    expect(items[1]?.querySelector('[data-testid="review-medium-no-alt"]')?.textContent?.trim()).toContain('No text alternative');
  });
});
