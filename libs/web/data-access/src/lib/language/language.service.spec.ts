import { DOCUMENT } from '@angular/common';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { TranslocoService, TranslocoTestingModule } from '@jsverse/transloco';
import type { Locale, MembershipView, SessionView } from '@kadens/shared/contracts';

import { BROWSER_STORAGE } from '../browser-storage';
import { ActiveOrganization } from '../organization/active-organization.store';
import { SessionStore } from '../session/session.store';
import { BROWSER_LANGUAGES } from './browser-languages';
import { LanguageService } from './language.service';

function membership(organizationId: string, organizationLocale: Locale): MembershipView {
  return { organizationId, organizationName: organizationId, organizationSlug: organizationId, organizationLocale, role: 'editor' };
}

function session(userLocale: Locale | null, memberships: MembershipView[]): SessionView {
  return { user: { id: 'u1', email: 'editor@kadens.demo', name: 'Eddie', locale: userLocale }, memberships };
}

describe('LanguageService', () => {
  function setUp(browserLanguages: readonly string[]) {
    TestBed.configureTestingModule({
      imports: [
        TranslocoTestingModule.forRoot({
          langs: { nb: {}, da: {}, sv: {}, en: {} },
          translocoConfig: { availableLangs: ['nb', 'da', 'sv', 'en'], defaultLang: 'en' },
          preloadLangs: true,
        }),
      ],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: BROWSER_LANGUAGES, useValue: browserLanguages },
        { provide: BROWSER_STORAGE, useValue: null },
      ],
    });
    const language = TestBed.inject(LanguageService);
    const http = TestBed.inject(HttpTestingController);
    const logIn = async (value: SessionView) => {
      const loading = TestBed.inject(SessionStore).ensureLoaded();
      http.expectOne('/api/me').flush(value);
      await loading;
      TestBed.tick();
    };
    return {
      language,
      logIn,
      http,
      transloco: TestBed.inject(TranslocoService),
      document: TestBed.inject(DOCUMENT),
      activeOrganization: TestBed.inject(ActiveOrganization),
    };
  }

  it('follows the browser when nobody is logged in, and sets <html lang>', () => {
    const { language, transloco, document } = setUp(['sv-SE', 'en']);
    TestBed.tick();
    expect(language.locale()).toBe('sv');
    expect(transloco.getActiveLang()).toBe('sv');
    expect(document.documentElement.lang).toBe('sv');
  });

  it('uses the organisation’s default language when the user has none', async () => {
    const { language, logIn, transloco } = setUp(['en-US']);
    await logIn(session(null, [membership('org-1', 'nb')]));
    expect(language.locale()).toBe('nb');
    expect(transloco.getActiveLang()).toBe('nb');
  });

  it('prefers the user’s own language to the organisation’s', async () => {
    const { language, logIn } = setUp(['sv-SE']);
    await logIn(session('da', [membership('org-1', 'nb')]));
    expect(language.locale()).toBe('da');
  });

  it('follows the active organisation when the user switches organisation', async () => {
    const { language, logIn, activeOrganization } = setUp(['en']);
    await logIn(session(null, [membership('org-no', 'nb'), membership('org-se', 'sv')]));
    expect(language.locale()).toBe('nb');
    activeOrganization.select('org-se');
    TestBed.tick();
    expect(language.locale()).toBe('sv');
  });

  it('switches at once and saves the choice with PATCH /api/me when logged in', async () => {
    const { language, logIn, http, transloco, document } = setUp(['en']);
    await logIn(session(null, [membership('org-1', 'nb')]));

    const saving = language.choose('en');
    TestBed.tick();
    expect(language.locale()).toBe('en');
    expect(transloco.getActiveLang()).toBe('en');
    expect(document.documentElement.lang).toBe('en');

    const request = http.expectOne('/api/me');
    expect(request.request.method).toBe('PATCH');
    expect(request.request.body).toEqual({ locale: 'en' });
    request.flush(session('en', [membership('org-1', 'nb')]));
    await saving;
    expect(language.locale()).toBe('en');
    http.verify();
  });

  it('keeps the new language on screen when saving fails, and reports the failure', async () => {
    const { language, logIn, http } = setUp(['en']);
    await logIn(session(null, [membership('org-1', 'nb')]));
    const saving = language.choose('sv');
    http.expectOne('/api/me').flush(null, { status: 500, statusText: 'Server Error' });
    await expect(saving).rejects.toBeTruthy();
    expect(language.locale()).toBe('sv');
  });

  it('lets a page speak its own language without saving it, and hands back afterwards', async () => {
    const { language, logIn, http, transloco, document } = setUp(['en']);
    await logIn(session('sv', [membership('org-1', 'nb')]));
    language.usePageLocale('da');
    TestBed.tick();
    expect(language.locale()).toBe('da');
    expect(transloco.getActiveLang()).toBe('da');
    expect(document.documentElement.lang).toBe('da');
    language.usePageLocale(null);
    TestBed.tick();
    expect(language.locale()).toBe('sv');
    http.verify();
  });

  it('does not call the API for a guest’s choice', () => {
    const { language, http } = setUp(['nb-NO']);
    void language.choose('da');
    TestBed.tick();
    expect(language.locale()).toBe('da');
    http.verify();
  });
});
