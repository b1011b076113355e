import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { provideRouter } from '@angular/router';
import { TranslocoTestingModule } from '@jsverse/transloco';
import type { MemberView, SessionView } from '@kadens/shared/contracts';
import { ActiveOrganization, BROWSER_STORAGE, SessionStore } from '@kadens/web/data-access';
import { Confirmation, ProblemNotifier } from '@kadens/web/ui';

import { MembersPanelComponent } from './members-panel.component';

const MEMBERS: MemberView[] = [
  { userId: 'u1', email: 'me@kadens.demo', name: 'Me', role: 'admin', joinedAt: '2026-01-01' },
  { userId: 'u2', email: 'other@kadens.demo', name: 'Other', role: 'editor', joinedAt: '2026-01-02' },
];

describe('MembersPanelComponent', () => {
  async function render(confirmed = true) {
    const notifier = { report: jest.fn(), announce: jest.fn() };
    const confirmation = { ask: jest.fn().mockResolvedValue(confirmed) };
    TestBed.configureTestingModule({
      imports: [
        MembersPanelComponent,
        TranslocoTestingModule.forRoot({
          langs: { en: {} },
          translocoConfig: { availableLangs: ['en'], defaultLang: 'en', missingHandler: { logMissingKey: false } },
          preloadLangs: true,
        }),
      ],
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: BROWSER_STORAGE, useValue: null },
        { provide: ProblemNotifier, useValue: notifier },
        { provide: Confirmation, useValue: confirmation },
      ],
    });
    const http = TestBed.inject(HttpTestingController);
    const session: SessionView = {
      user: { id: 'u1', email: 'me@kadens.demo', name: 'Me', locale: null },
      memberships: [{ organizationId: 'o1', organizationName: 'Org', organizationSlug: 'org', organizationLocale: 'nb', role: 'admin' }],
    };
    const loading = TestBed.inject(SessionStore).ensureLoaded();
    http.expectOne('/api/me').flush(session);
    await loading;
    TestBed.inject(ActiveOrganization).select('o1');
    const fixture = TestBed.createComponent(MembersPanelComponent);
    await fixture.whenStable();
    http.expectOne('/api/organizations/o1/members').flush(MEMBERS);
    const settle = async () => {
      for (let i = 0; i < 5; i++) await Promise.resolve();
      await fixture.whenStable();
    };
    await settle();
    const loader = TestbedHarnessEnvironment.loader(fixture);
    const element = fixture.nativeElement as HTMLElement;
    return { fixture, element, http, loader, settle, notifier, confirmation };
  }

  it('puts the old role back and explains when the API refuses to drop the last admin', async () => {
    const { http, loader, settle, notifier } = await render();
    const [mySelect] = await loader.getAllHarnesses(MatSelectHarness.with({ selector: '[data-testid="member-role"]' }));
    await mySelect.open();
    await mySelect.clickOptions({ text: 'roles.viewer' });
    const request = http.expectOne({ method: 'PATCH', url: '/api/organizations/o1/members/u1' });
    expect(request.request.body).toEqual({ role: 'viewer' });
    request.flush(
      { statusCode: 409, error: 'Conflict', message: 'x', code: 'last_admin' },
      { status: 409, statusText: 'Conflict' },
    );
    await settle();
    expect(notifier.report).toHaveBeenCalled();
    expect(await mySelect.getValueText()).toBe('roles.admin');
  });

  it('removes a member after confirmation', async () => {
    const { http, element, settle, confirmation, notifier } = await render(true);
    const removeButtons = element.querySelectorAll<HTMLButtonElement>('[data-testid="member-remove"]');
    removeButtons[1].click();
    await settle();
    expect(confirmation.ask).toHaveBeenCalledWith(
      expect.objectContaining({ messageKey: 'settings.members.removeMessage', params: { name: 'Other' } }),
    );
    http.expectOne({ method: 'DELETE', url: '/api/organizations/o1/members/u2' }).flush(null, { status: 204, statusText: 'No Content' });
    await settle();
    expect(element.querySelector('[data-testid="members-table"]')?.textContent).not.toContain('Other');
    expect(notifier.announce).toHaveBeenCalledWith('settings.members.removed', { name: 'Other' });
  });

  it('does nothing when the removal is not confirmed', async () => {
    const { http, element, settle } = await render(false);
    element.querySelectorAll<HTMLButtonElement>('[data-testid="member-remove"]')[1].click();
    await settle();
    http.expectNone('/api/organizations/o1/members/u2');
    expect(element.querySelector('[data-testid="members-table"]')?.textContent).toContain('Other');
  });
});
