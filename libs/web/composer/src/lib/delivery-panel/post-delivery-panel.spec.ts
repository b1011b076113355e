import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { TranslocoTestingModule } from '@jsverse/transloco';
import type { PostView } from '@kadens/shared/contracts';
import { hasPermission, type Permission } from '@kadens/shared/rules';
import { ActiveOrganization, type PlanningCatalog } from '@kadens/web/data-access';

import { ComposerDialogComponent } from '../composer-dialog/composer-dialog.component';
import { CATALOG, POST } from '../composer-dialog/composer-dialog.testing';
import { planningTranslations } from '../testing/planning-translations.testing';
import { POST_DELIVERY_PANEL } from './post-delivery-panel';

@Component({
  selector: 'kd-stub-delivery-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<p data-testid="stub-delivery">{{ post().id }} in {{ catalog().timeZone }}</p>`,
})
class StubDeliveryPanelComponent {
  readonly post = input.required<PostView>();
  readonly catalog = input.required<PlanningCatalog>();
}

describe('POST_DELIVERY_PANEL', () => {
  async function render(panel: typeof StubDeliveryPanelComponent | null, postId?: string) {
    TestBed.configureTestingModule({
      imports: [
        TranslocoTestingModule.forRoot({
          langs: { en: {}, 'planning/en': planningTranslations('en') },
          translocoConfig: { availableLangs: ['en'], defaultLang: 'en', missingHandler: { logMissingKey: false } },
          preloadLangs: true,
        }),
      ],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: MAT_DIALOG_DATA, useValue: { catalog: CATALOG, postId } },
        { provide: MatDialogRef, useValue: { close: jest.fn() } },
        { provide: ActiveOrganization, useValue: { can: (permission: Permission) => hasPermission('editor', permission) } },
        ...(panel ? [{ provide: POST_DELIVERY_PANEL, useValue: panel }] : []),
      ],
    });
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(ComposerDialogComponent);
    const settle = async () => {
      for (let i = 0; i < 5; i++) await Promise.resolve();
      await fixture.whenStable();
    };
    await settle();
    if (postId) http.expectOne(`/api/organizations/o1/posts/${postId}`).flush(POST);
    await settle();
    return (fixture.nativeElement as HTMLElement).querySelector('[data-testid="stub-delivery"]');
  }

  it('shows the provided panel under a saved post, given the post and the catalog', async () => {
    expect((await render(StubDeliveryPanelComponent, 'p1'))?.textContent).toBe('p1 in Europe/Oslo');
  });

  it('shows no panel for a new post, nor when none is provided', async () => {
    expect(await render(StubDeliveryPanelComponent)).toBeNull();
    TestBed.resetTestingModule();
    expect(await render(null, 'p1')).toBeNull();
  });
});
