import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { translocoTesting } from '@kadens/web/ui/testing';

import { mediaTranslations } from './media-translations.testing';
import { medium } from './media.testing';
import { MediaPickerDialogComponent } from './media-picker-dialog.component';

const LIST = '/api/organizations/o1/media';

describe('choosing media from the library', () => {
  it('searches, offers what is not attached yet and gives back the chosen media', async () => {
    const dialogRef = { close: jest.fn() };
    TestBed.configureTestingModule({
      imports: [MediaPickerDialogComponent, translocoTesting('en', { en: {}, 'media/en': mediaTranslations('en') })],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: MAT_DIALOG_DATA, useValue: { organizationId: 'o1', attachedIds: ['m1'] } },
        { provide: MatDialogRef, useValue: dialogRef },
      ],
    });
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(MediaPickerDialogComponent);
    const element = fixture.nativeElement as HTMLElement;
    const settle = async () => {
      for (let i = 0; i < 5; i++) await Promise.resolve();
      fixture.detectChanges();
      await fixture.whenStable();
    };
    fixture.detectChanges();
    http.expectOne(`${LIST}?limit=24&offset=0`).flush({ items: [medium({ id: 'm1' }), medium({ id: 'm2', altText: 'Snø' })], total: 2 });
    await settle();
    const items = [...element.querySelectorAll<HTMLButtonElement>('[data-testid="media-picker-item"]')];
    expect(items.map((item) => [item.textContent?.trim(), item.disabled, item.getAttribute('aria-pressed')])).toEqual([
      ['IMG_2041.jpg', true, 'true'],
      ['Snø', false, 'false'],
    ]);
    items[1]?.click();
    await settle();
    expect(items[1]?.getAttribute('aria-pressed')).toBe('true');
    const add = element.querySelector<HTMLButtonElement>('[data-testid="media-picker-add"]');
    expect(add?.textContent?.trim()).toBe('Add 1 medium');
    add?.click();
    expect(dialogRef.close).toHaveBeenCalledWith([expect.objectContaining({ id: 'm2' })]);

    const search = element.querySelector<HTMLInputElement>('[data-testid="media-picker-search"]');
    if (search) search.value = 'snø';
    search?.form?.dispatchEvent(new Event('submit'));
    http.expectOne(`${LIST}?q=sn%C3%B8&limit=24&offset=0`).flush({ items: [], total: 0 });
    await settle();
    expect(element.textContent).toContain('No media yet.');
  });
});
