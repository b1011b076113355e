import { TestBed } from '@angular/core/testing';
import type { MeView } from '@kadens/shared/contracts';
import { SessionStore } from '@kadens/web/data-access';

import { renderAccount } from '../testing/account-test-bed.testing';
import { AccountPageComponent } from './account-page.component';

const ME: MeView = {
  user: { id: 'u1', email: 'kari@example.no', name: 'Kari Nordmann', locale: null },
  memberships: [],
  installation: { operator: false, mayCreateOrganizations: false },
};

describe('AccountPageComponent', () => {
  async function render() {
    const view = await renderAccount(AccountPageComponent);
    view.http.expectOne('/api/me/sessions').flush([]);
    await view.settle();
    return view;
  }

  it('shows name and language, password and sessions under one heading, with a way back', async () => {
    const { fixture, find, text } = await render();
    const element = fixture.nativeElement as HTMLElement;
    expect(text(element.querySelector('h1'))).toBe('Your account');
    expect([...element.querySelectorAll('h2')].map((heading) => text(heading))).toEqual([
      'Name and language',
      'Password',
      'Where you are logged in',
      'E-mail notifications',
    ]);
    expect(find('account-back')?.getAttribute('href')).toBe('/');
  });

  it('reads the sessions again after a password change, since the others have ended', async () => {
    const { fill, click, http, settle } = await render();
    await fill('current-password', 'old password here');
    await fill('new-password', 'fjord lantern quietly pickles');
    await fill('repeat-password', 'fjord lantern quietly pickles');
    await click('change-password-submit');
    http.expectOne('/api/me/password').flush(null, { status: 204, statusText: 'No Content' });
    await settle();
    http.expectOne('/api/me/sessions').flush([]);
  });

  it('saves the name and language choice on the account', async () => {
    const { fill, click, http, settle, find } = await render();
    const loaded = TestBed.inject(SessionStore).refresh();
    http.expectOne('/api/me').flush(ME);
    await loaded;
    await settle();
    expect(find<HTMLInputElement>('profile-name')?.value).toBe('Kari Nordmann');
    expect(find('profile-locale')?.textContent).toContain("The organisation's language");
    await fill('profile-name', 'Kari N. Nordmann');
    await click('profile-save');
    const request = http.expectOne({ method: 'PATCH', url: '/api/me' });
    expect(request.request.body).toEqual({ name: 'Kari N. Nordmann', locale: null });
    request.flush({ ...ME, user: { ...ME.user, name: 'Kari N. Nordmann' } });
    await settle();
    expect(find('profile-saved')).not.toBeNull();
  });
});
