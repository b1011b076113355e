import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { MembershipView, Role, SessionView } from '@kadens/shared/contracts';

import { BROWSER_STORAGE } from '../browser-storage';
import { SessionStore } from '../session/session.store';
import { ACTIVE_ORGANIZATION_STORAGE_KEY, ActiveOrganization } from './active-organization.store';

function membership(organizationId: string, role: Role): MembershipView {
  return { organizationId, organizationName: organizationId, organizationSlug: organizationId, organizationLocale: 'nb', role };
}

describe('ActiveOrganization', () => {
  async function setUp(remembered: string | null, memberships: MembershipView[]) {
    const storage = new Map<string, string>(remembered ? [[ACTIVE_ORGANIZATION_STORAGE_KEY, remembered]] : []);
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        {
          provide: BROWSER_STORAGE,
          useValue: {
            getItem: (key: string) => storage.get(key) ?? null,
            setItem: (key: string, value: string) => storage.set(key, value),
            removeItem: (key: string) => storage.delete(key),
          },
        },
      ],
    });
    const loading = TestBed.inject(SessionStore).ensureLoaded();
    const session: SessionView = { user: { id: 'u1', email: 'a@b.no', name: 'A', locale: null }, memberships };
    TestBed.inject(HttpTestingController).expectOne('/api/me').flush(session);
    await loading;
    return { active: TestBed.inject(ActiveOrganization), storage };
  }

  it('opens the remembered organisation', async () => {
    const { active } = await setUp('o2', [membership('o1', 'viewer'), membership('o2', 'admin')]);
    expect(active.organizationId()).toBe('o2');
    expect(active.role()).toBe('admin');
  });

  it('falls back to the first membership when the remembered one is gone', async () => {
    const { active } = await setUp('gone', [membership('o1', 'viewer'), membership('o2', 'admin')]);
    expect(active.organizationId()).toBe('o1');
  });

  it('remembers a choice and answers permissions for its role', async () => {
    const { active, storage } = await setUp(null, [membership('o1', 'viewer'), membership('o2', 'admin')]);
    expect(active.can('members.manage')).toBe(false);
    active.select('o2');
    expect(storage.get(ACTIVE_ORGANIZATION_STORAGE_KEY)).toBe('o2');
    expect(active.can('members.manage')).toBe(true);
  });

  it('has nothing active for a user without memberships', async () => {
    const { active } = await setUp('o1', []);
    expect(active.organizationId()).toBeNull();
    expect(active.can('organization.read')).toBe(false);
  });
});
