import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatMenuHarness } from '@angular/material/menu/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { TranslocoTestingModule } from '@jsverse/transloco';
import type { SessionView } from '@kadens/shared/contracts';
import { ActiveOrganization, BROWSER_LANGUAGES, BROWSER_STORAGE, SessionStore } from '@kadens/web/data-access';
import { provideIcuMessages } from '@kadens/web/util';

import { readTranslations, TRANSLATIONS_DIRECTORY, type TranslationTree } from '../i18n/translation-files.testing';
import { ShellComponent } from './shell.component';

@Component({ template: '' })
class BlankPageComponent {}

/** The bell's texts live in the approvals scope, the banner's and the publishing link's in the publishing scope. */
function readScope(scope: 'approvals' | 'publishing' | 'media', locale: string): TranslationTree {
  return JSON.parse(readFileSync(join(TRANSLATIONS_DIRECTORY, scope, `${locale}.json`), 'utf8')) as TranslationTree;
}

const SESSION: SessionView = {
  user: { id: 'u1', email: 'editor@kadens.demo', name: 'Eddie Editor', locale: null },
  memberships: [
    { organizationId: 'o1', organizationName: 'Kadens Demo', organizationSlug: 'demo', organizationLocale: 'nb', role: 'editor' },
    { organizationId: 'o2', organizationName: 'Malmö stad', organizationSlug: 'malmo', organizationLocale: 'sv', role: 'viewer' },
  ],
};

describe('ShellComponent', () => {
  async function render() {
    TestBed.configureTestingModule({
      imports: [
        TranslocoTestingModule.forRoot({
          langs: {
            nb: readTranslations('nb'),
            da: readTranslations('da'),
            sv: readTranslations('sv'),
            en: readTranslations('en'),
            'approvals/nb': readScope('approvals', 'nb'),
            'approvals/en': readScope('approvals', 'en'),
            'publishing/nb': readScope('publishing', 'nb'),
            'publishing/en': readScope('publishing', 'en'),
            'media/nb': readScope('media', 'nb'),
            'media/en': readScope('media', 'en'),
          },
          translocoConfig: { availableLangs: ['nb', 'da', 'sv', 'en'], defaultLang: 'en', reRenderOnLangChange: true },
          preloadLangs: true,
        }),
      ],
      providers: [
        provideRouter([
          { path: 'login', component: BlankPageComponent },
          {
            path: 'o/:organizationId',
            component: ShellComponent,
            children: ['calendar', 'approvals', 'publishing', 'strategy', 'reports', 'settings'].map((path) => ({
              path,
              component: BlankPageComponent,
            })),
          },
        ]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideIcuMessages(),
        { provide: BROWSER_STORAGE, useValue: null },
        { provide: BROWSER_LANGUAGES, useValue: ['en-US'] },
      ],
    });
    const http = TestBed.inject(HttpTestingController);
    const loading = TestBed.inject(SessionStore).ensureLoaded();
    http.expectOne('/api/me').flush(SESSION);
    await loading;
    TestBed.inject(ActiveOrganization).select('o1');

    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/o/o1/calendar');
    // Menus and select panels open in an overlay outside the component, so look at the whole page.
    const element = document.body;
    const loader = TestbedHarnessEnvironment.documentRootLoader(harness.fixture);
    const navText = () =>
      ['calendar', 'approvals', 'strategy', 'reports', 'settings'].map((area) =>
        element.querySelector(`[data-testid="nav-${area}"]`)?.textContent?.trim(),
      );
    return { harness, http, element, loader, navText, router: TestBed.inject(Router) };
  }

  it('speaks the organisation’s language (Norwegian) and offers every area', async () => {
    const { navText, element } = await render();
    expect(navText()).toEqual(['Kalender', 'Godkjenninger', 'Strategi', 'Rapporter', 'Innstillinger']);
    expect(document.documentElement.lang).toBe('nb');
    for (const testId of ['org-switcher', 'language-picker', 'user-menu']) {
      expect(element.querySelector(`[data-testid="${testId}"]`)).not.toBeNull();
    }
    expect(element.querySelector('[data-testid="nav-calendar"]')?.getAttribute('href')).toBe('/o/o1/calendar');
    expect(element.querySelector('[data-testid="nav-calendar"]')?.getAttribute('aria-current')).toBe('page');
  });

  it('rings the bell with the number of unread notifications in the organisation', async () => {
    const { http, element, harness } = await render();
    http.expectOne('/api/organizations/o1/notifications?unread=true').flush({ unread: 4, notifications: [] });
    for (let i = 0; i < 5; i++) await Promise.resolve();
    await harness.fixture.whenStable();
    expect(element.querySelector('[data-testid="notification-count"]')?.textContent?.trim()).toBe('4');
    expect(element.querySelector('[data-testid="notification-bell"]')?.getAttribute('aria-label')).toBe('Varsler, 4 uleste');
  });

  it('offers the needs-attention list after the approvals, with its count, and shows a pause on every page', async () => {
    const { http, element, harness } = await render();
    const links = [...element.querySelectorAll('nav a[data-testid^="nav-"]')].map((link) => link.getAttribute('data-testid'));
    expect(links).toEqual(['nav-calendar', 'nav-approvals', 'nav-publishing', 'nav-media', 'nav-strategy', 'nav-reports', 'nav-settings']);
    http.expectOne('/api/organizations/o1/publishing/status').flush({
      organization: { pausedAt: '2030-06-04T08:00:00.000Z', reason: 'Storm', pausedBy: { id: 'u9', name: 'Ada Admin' } },
      channels: [],
      heldCount: 2,
      attentionCount: 5,
      reconnectNeeded: [],
    });
    for (let i = 0; i < 5; i++) await Promise.resolve();
    await harness.fixture.whenStable();
    expect(element.querySelector('[data-testid="nav-publishing"]')?.getAttribute('href')).toBe('/o/o1/publishing');
    expect(element.querySelector('[data-testid="nav-publishing-count"]')?.textContent?.trim()).toBe('5');
    expect(element.querySelector('[data-testid="banner-organization-pause"]')?.textContent).toContain('Publisering er satt på pause siden');
    expect(element.querySelector('[data-testid="banner-organization-pause"]')?.textContent).toContain('av Ada Admin: Storm');
    // An editor may not resume or pause.
    expect(element.querySelector('[data-testid="banner-resume"]')).toBeNull();
    expect(element.querySelector('[data-testid="nav-pause-publishing"]')).toBeNull();
  });

  it('shows invitations waiting for the person on every page, to answer right there', async () => {
    const { http, element, harness } = await render();
    http
      .expectOne('/api/me/invitations')
      .flush([
        { id: 'i1', organizationName: 'Bølgeby Kommune', role: 'approver', invitedByName: 'Ada Admin', expiresAt: '2999-01-08T10:00:00Z' },
      ]);
    for (let i = 0; i < 5; i++) await Promise.resolve();
    await harness.fixture.whenStable();
    const notice = element.querySelector('[data-testid="my-invitations"]');
    expect(notice?.querySelector('[data-testid="my-invitation"]')?.getAttribute('data-organization')).toBe('Bølgeby Kommune');
    expect(notice?.querySelector('[data-testid="invitation-accept"]')).not.toBeNull();
  });

  it('switches to English from the language picker at once and saves the choice', async () => {
    const { loader, navText, http, harness } = await render();
    const picker = await loader.getHarness(MatSelectHarness.with({ selector: '[data-testid="language-picker"]' }));
    await picker.open();
    await picker.clickOptions({ text: 'English' });
    await harness.fixture.whenStable();
    expect(navText()).toEqual(['Calendar', 'Approvals', 'Strategy', 'Reports', 'Settings']);
    expect(document.documentElement.lang).toBe('en');
    const save = http.expectOne({ method: 'PATCH', url: '/api/me' });
    expect(save.request.body).toEqual({ locale: 'en' });
    save.flush({ ...SESSION, user: { ...SESSION.user, locale: 'en' } });
  });

  it('switches organisation and keeps the area', async () => {
    const { loader, router, harness } = await render();
    await harness.navigateByUrl('/o/o1/settings');
    const switcher = await loader.getHarness(MatSelectHarness.with({ selector: '[data-testid="org-switcher"]' }));
    expect(await switcher.getValueText()).toBe('Kadens Demo');
    await switcher.open();
    await switcher.clickOptions({ text: 'Malmö stad' });
    await harness.fixture.whenStable();
    expect(router.url).toBe('/o/o2/settings');
  });

  it('logs out from the user menu', async () => {
    const { loader, http, router, harness } = await render();
    const menu = await loader.getHarness(MatMenuHarness.with({ selector: '[data-testid="user-menu"]' }));
    expect(await menu.getTriggerText()).toBe('Eddie Editor');
    await menu.open();
    await menu.clickItem({ text: 'Logg ut' });
    http.expectOne({ method: 'POST', url: '/api/auth/logout' }).flush(null, { status: 204, statusText: 'No Content' });
    for (let i = 0; i < 5; i++) await Promise.resolve();
    await harness.fixture.whenStable();
    expect(router.url).toBe('/login');
    expect(TestBed.inject(SessionStore).session()).toBeNull();
  });
});
