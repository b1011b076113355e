import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { provideRouter } from '@angular/router';
import { TranslocoTestingModule } from '@jsverse/transloco';
import type { InvitationView, MemberView, SessionView } from '@kadens/shared/contracts';
import { ActiveOrganization, BROWSER_STORAGE, SessionStore } from '@kadens/web/data-access';
import { Confirmation, ProblemNotifier } from '@kadens/web/ui';

import { MembersPanelComponent } from './members-panel.component';

const MEMBERS: MemberView[] = [
  { userId: 'u1', email: 'me@kadens.demo', name: 'Me', role: 'admin', joinedAt: '2026-01-01' },
  { userId: 'u2', email: 'other@kadens.demo', name: 'Other', role: 'editor', joinedAt: '2026-01-02' },
];

const INVITATIONS: InvitationView[] = [
  {
    id: 'i1',
    email: 'new@example.no',
    role: 'viewer',
    name: null,
    invitedByName: 'Me',
    createdAt: '2026-01-03T10:00:00Z',
    expiresAt: '2999-01-10T10:00:00Z',
  },
  {
    id: 'i2',
    email: 'late@example.no',
    role: 'editor',
    name: 'Late',
    invitedByName: 'Me',
    createdAt: '2026-01-01T10:00:00Z',
    expiresAt: '2026-01-08T10:00:00Z',
  },
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
    http.expectOne('/api/organizations/o1/invitations').flush(INVITATIONS);
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
    request.flush({ statusCode: 409, error: 'Conflict', message: 'x', code: 'last_admin' }, { status: 409, statusText: 'Conflict' });
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

  it('lists pending invitations with their expiry, and says which have expired', async () => {
    const { element } = await render();
    const rows = [...element.querySelectorAll<HTMLElement>('[data-testid="pending-invitation"]')];
    expect(rows.map((row) => row.dataset['email'])).toEqual(['new@example.no', 'late@example.no']);
    const expiry = rows.map((row) => row.querySelector('[data-testid="pending-invitation-expiry"]')?.textContent?.trim());
    expect(expiry[0]).toMatch(/settings\.members\.expires$/);
    expect(expiry[1]).toMatch(/settings\.members\.expired$/);
  });

  it('sends an invitation again and shows the new expiry', async () => {
    const { http, element, settle, notifier } = await render();
    element.querySelectorAll<HTMLButtonElement>('[data-testid="invitation-resend"]')[1].click();
    const request = http.expectOne({ method: 'POST', url: '/api/organizations/o1/invitations/i2/resend' });
    request.flush({ ...INVITATIONS[1], expiresAt: '2999-02-01T10:00:00Z' });
    await settle();
    const expiry = element.querySelectorAll('[data-testid="pending-invitation-expiry"]')[1]?.textContent?.trim();
    expect(expiry).toMatch(/settings\.members\.expires$/);
    expect(notifier.announce).toHaveBeenCalledWith('settings.members.resent', { email: 'late@example.no' });
  });

  it('withdraws an invitation after confirmation', async () => {
    const { http, element, settle, confirmation, notifier } = await render(true);
    element.querySelectorAll<HTMLButtonElement>('[data-testid="invitation-revoke"]')[0].click();
    await settle();
    expect(confirmation.ask).toHaveBeenCalledWith(
      expect.objectContaining({ messageKey: 'settings.members.revokeMessage', params: { email: 'new@example.no' } }),
    );
    http
      .expectOne({ method: 'DELETE', url: '/api/organizations/o1/invitations/i1' })
      .flush(null, { status: 204, statusText: 'No Content' });
    await settle();
    const emails = [...element.querySelectorAll<HTMLElement>('[data-testid="pending-invitation"]')].map((row) => row.dataset['email']);
    expect(emails).toEqual(['late@example.no']);
    expect(notifier.announce).toHaveBeenCalledWith('settings.members.revoked', { email: 'new@example.no' });
  });

  it('adds a sent invitation to the top of the pending list', async () => {
    const { http, element, settle } = await render();
    const input = (testId: string) => element.querySelector<HTMLInputElement>(`[data-testid="${testId}"]`) as HTMLInputElement;
    input('invite-email').value = 'third@example.no';
    input('invite-email').dispatchEvent(new Event('input'));
    (element.querySelector('[data-testid="invite-submit"]') as HTMLButtonElement).click();
    await settle();
    const sent: InvitationView = { ...INVITATIONS[0], id: 'i3', email: 'third@example.no', role: 'editor' };
    http.expectOne({ method: 'POST', url: '/api/organizations/o1/invitations' }).flush(sent, { status: 201, statusText: 'Created' });
    await settle();
    const emails = [...element.querySelectorAll<HTMLElement>('[data-testid="pending-invitation"]')].map((row) => row.dataset['email']);
    expect(emails).toEqual(['third@example.no', 'new@example.no', 'late@example.no']);
  });
});
