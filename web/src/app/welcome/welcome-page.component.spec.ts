import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { TranslocoTestingModule } from '@jsverse/transloco';
import type { MeView } from '@kadens/shared/contracts';
import { BROWSER_LANGUAGES, BROWSER_STORAGE, SessionStore } from '@kadens/web/data-access';

import { readTranslations } from '../i18n/translation-files.testing';
import { WelcomePageComponent } from './welcome-page.component';

const ME: MeView = {
  user: { id: 'u1', email: 'ny@kadens.demo', name: 'Nora Ny', locale: null },
  memberships: [],
  installation: { operator: false, mayCreateOrganizations: false },
};

describe('WelcomePageComponent', () => {
  async function render(mayCreateOrganizations: boolean) {
    TestBed.configureTestingModule({
      imports: [
        WelcomePageComponent,
        TranslocoTestingModule.forRoot({
          langs: { en: readTranslations('en') },
          translocoConfig: { availableLangs: ['en'], defaultLang: 'en' },
          preloadLangs: true,
        }),
      ],
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: BROWSER_STORAGE, useValue: null },
        { provide: BROWSER_LANGUAGES, useValue: ['en'] },
      ],
    });
    const loaded = TestBed.inject(SessionStore).refresh();
    TestBed.inject(HttpTestingController)
      .expectOne('/api/me')
      .flush({ ...ME, installation: { operator: false, mayCreateOrganizations } });
    await loaded;
    const fixture = TestBed.createComponent(WelcomePageComponent);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    return { find: (testId: string) => element.querySelector(`[data-testid="${testId}"]`) };
  }

  it('offers to create an organisation to someone the installation lets', async () => {
    const { find } = await render(true);
    expect(find('welcome-create-organization')).not.toBeNull();
    expect(find('welcome-creation-restricted')).toBeNull();
  });

  it('explains instead, to someone it does not', async () => {
    const { find } = await render(false);
    expect(find('welcome-create-organization')).toBeNull();
    expect(find('welcome-creation-restricted')?.textContent).toContain('only the people who run Kadens can create organisations');
    expect(find('account-link')?.getAttribute('href')).toBe('/account');
  });
});
