import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { TranslocoTestingModule } from '@jsverse/transloco';
import type { PlatformSettingsView, SessionView } from '@kadens/shared/contracts';
import { BROWSER_STORAGE, SessionStore } from '@kadens/web/data-access';
import { ProblemNotifier } from '@kadens/web/ui';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { PLATFORM_SETTINGS_PATH } from './platform-settings.api';
import { PlatformSettingsPageComponent, platformLook } from './platform-settings-page.component';

const CONNECT_EN = JSON.parse(readFileSync(join(__dirname, '../../../../../../web/public/i18n/connect/en.json'), 'utf8')) as object;

const VIEWS: PlatformSettingsView[] = [
  {
    platform: 'x',
    signIn: 'app',
    configured: false,
    redirectUri: 'https://kadens.example/api/oauth/callback',
    settings: [
      { name: 'X_CLIENT_ID', required: true, set: false },
      { name: 'X_CLIENT_SECRET', required: false, set: true },
    ],
  },
  {
    platform: 'mastodon',
    signIn: 'per_instance',
    configured: true,
    redirectUri: 'https://kadens.example/api/oauth/callback',
    settings: [],
  },
  { platform: 'webhook', signIn: 'form', configured: false, redirectUri: null, settings: [] },
];

describe('the operators’ platforms page', () => {
  async function render(operator: boolean) {
    TestBed.configureTestingModule({
      imports: [
        PlatformSettingsPageComponent,
        TranslocoTestingModule.forRoot({
          langs: { en: { connect: CONNECT_EN } },
          translocoConfig: { availableLangs: ['en'], defaultLang: 'en', missingHandler: { logMissingKey: false } },
          preloadLangs: true,
        }),
      ],
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: BROWSER_STORAGE, useValue: null },
        { provide: ProblemNotifier, useValue: { report: jest.fn(), announce: jest.fn() } },
      ],
    });
    const http = TestBed.inject(HttpTestingController);
    const session: SessionView = {
      user: { id: 'u1', email: 'ops@kadens.demo', name: 'Ops', locale: null },
      memberships: [],
      installation: { operator, mayCreateOrganizations: operator },
    } as SessionView;
    const loading = TestBed.inject(SessionStore).ensureLoaded();
    http.expectOne('/api/me').flush(session);
    await loading;
    const fixture = TestBed.createComponent(PlatformSettingsPageComponent);
    const element = fixture.nativeElement as HTMLElement;
    const settle = async () => {
      await new Promise((resolve) => setTimeout(resolve));
      await fixture.whenStable();
    };
    await settle();
    return { http, element, settle };
  }

  it('tells an operator, per platform, whether it is ready, the redirect URI and which settings are missing', async () => {
    const { http, element, settle } = await render(true);
    http.expectOne(PLATFORM_SETTINGS_PATH).flush(VIEWS);
    await settle();
    const entries = [...element.querySelectorAll<HTMLElement>('[data-testid="platform-setting"]')];
    const text = (entry: HTMLElement | undefined, testId: string) =>
      entry?.querySelector(`[data-testid="${testId}"]`)?.textContent?.replace(/\s+/g, ' ').trim();
    expect(entries.map((entry) => text(entry, 'platform-state'))).toEqual(['! Not configured', 'Ready', 'Credentials form']);
    expect(text(entries[0], 'platform-redirect-uri')).toBe('https://kadens.example/api/oauth/callback');
    expect(
      [...(entries[0]?.querySelectorAll('[data-testid="platform-setting-variable"]') ?? [])].map((item) =>
        item.textContent?.replace(/\s+/g, ' ').trim(),
      ),
    ).toEqual(['X_CLIENT_ID not set', 'X_CLIENT_SECRET set (optional)']);
    expect(entries[2]?.querySelector('[data-testid="platform-redirect-uri"]')).toBeNull();
  });

  it('asks nothing for anyone else, and says the page is for operators', async () => {
    const { http, element } = await render(false);
    http.expectNone(PLATFORM_SETTINGS_PATH);
    expect(element.querySelector('[data-testid="platform-settings-forbidden"]')?.textContent).toContain('Only the operators');
  });

  it('looks ready only when signing in works', () => {
    expect(VIEWS.map(platformLook)).toEqual(['missing', 'configured', 'form']);
  });
});
