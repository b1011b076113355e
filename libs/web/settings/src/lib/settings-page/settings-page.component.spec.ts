import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { TranslocoTestingModule } from '@jsverse/transloco';
import type { MemberView, OrganizationView, Role, SessionView } from '@kadens/shared/contracts';
import { ActiveOrganization, BROWSER_STORAGE, SessionStore } from '@kadens/web/data-access';
import { ProblemNotifier } from '@kadens/web/ui';

import { SettingsPageComponent } from './settings-page.component';

const ORGANIZATION: OrganizationView = {
  id: 'o1',
  name: 'Solsikken barnehage',
  slug: 'solsikken',
  timeZone: 'Europe/Oslo',
  country: 'NO',
  defaultLocale: 'nb',
  capacityHoursPerWeek: 12.5,
  createdAt: '2026-01-01T00:00:00.000Z',
};

const MEMBERS: MemberView[] = [
  { userId: 'u1', email: 'me@kadens.demo', name: 'Me', role: 'admin', joinedAt: '2026-01-01T00:00:00.000Z' },
  { userId: 'u2', email: 'other@kadens.demo', name: 'Other', role: 'editor', joinedAt: '2026-01-02T00:00:00.000Z' },
];

describe('SettingsPageComponent permissions', () => {
  async function renderAs(role: Role) {
    TestBed.configureTestingModule({
      imports: [
        SettingsPageComponent,
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
        { provide: ProblemNotifier, useValue: { report: jest.fn(), announce: jest.fn() } },
      ],
    });
    const http = TestBed.inject(HttpTestingController);
    const session: SessionView = {
      user: { id: 'u1', email: 'me@kadens.demo', name: 'Me', locale: null },
      memberships: [
        { organizationId: 'o1', organizationName: ORGANIZATION.name, organizationSlug: 'solsikken', organizationLocale: 'nb', role },
      ],
    };
    const loading = TestBed.inject(SessionStore).ensureLoaded();
    http.expectOne('/api/me').flush(session);
    await loading;
    TestBed.inject(ActiveOrganization).select('o1');

    const fixture = TestBed.createComponent(SettingsPageComponent);
    await fixture.whenStable();
    http.expectOne('/api/organizations/o1').flush(ORGANIZATION);
    http.expectOne('/api/organizations/o1/members').flush(MEMBERS);
    // Only those who manage members see (and so load) the pending invitations.
    if (role === 'admin') http.expectOne('/api/organizations/o1/invitations').flush([]);
    else http.expectNone('/api/organizations/o1/invitations');
    for (let i = 0; i < 5; i++) await Promise.resolve();
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    const find = (testId: string) => element.querySelector(`[data-testid="${testId}"]`);
    const findAll = (testId: string) => element.querySelectorAll(`[data-testid="${testId}"]`);
    return { element, find, findAll, http };
  }

  it('lets an admin edit the organisation and manage members', async () => {
    const { find, findAll } = await renderAs('admin');
    expect(find('organization-save')).not.toBeNull();
    expect((find('organization-name') as HTMLInputElement).disabled).toBe(false);
    expect((find('organization-name') as HTMLInputElement).value).toBe('Solsikken barnehage');
    expect((find('organization-capacity') as HTMLInputElement).value).toBe('12.5');
    expect(find('invite-member-form')).not.toBeNull();
    expect(find('pending-invitations')).not.toBeNull();
    expect(findAll('member-role')).toHaveLength(2);
    expect(findAll('member-remove')).toHaveLength(2);
    expect(find('settings-sign-off-link')?.getAttribute('href')).toBe('/o/o1/approvals/settings');
  });

  it('saves the stated capacity, and an emptied one as not stated', async () => {
    const { find, http } = await renderAs('admin');
    const capacity = find('organization-capacity') as HTMLInputElement;
    capacity.value = '';
    capacity.dispatchEvent(new Event('input'));
    (find('organization-save') as HTMLButtonElement).click();
    const request = http.expectOne({ method: 'PATCH', url: '/api/organizations/o1' });
    expect(request.request.body).toMatchObject({ name: 'Solsikken barnehage', capacityHoursPerWeek: null });
  });

  it.each<Role>(['editor', 'approver', 'viewer'])('shows a %s the settings read-only, without actions', async (role) => {
    const { find, findAll, element } = await renderAs(role);
    expect(find('organization-save')).toBeNull();
    expect((find('organization-name') as HTMLInputElement).disabled).toBe(true);
    expect((find('organization-slug') as HTMLInputElement).disabled).toBe(true);
    expect((find('organization-capacity') as HTMLInputElement).disabled).toBe(true);
    expect(find('invite-member-form')).toBeNull();
    expect(find('pending-invitations')).toBeNull();
    expect(findAll('member-role')).toHaveLength(0);
    expect(findAll('member-remove')).toHaveLength(0);
    expect(find('settings-sign-off')).toBeNull();
    // The members are still listed, with their roles as text.
    expect(find('members-table')?.textContent).toContain('Other');
    expect(element.textContent).toContain('roles.editor');
  });
});
