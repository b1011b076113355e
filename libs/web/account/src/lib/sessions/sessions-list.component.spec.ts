import type { AccountSessionView } from '@kadens/shared/contracts';

import { renderAccount } from '../testing/account-test-bed.testing';
import { SessionsListComponent } from './sessions-list.component';

const SESSIONS: AccountSessionView[] = [
  {
    id: 's1',
    createdAt: '2026-11-01T08:00:00Z',
    lastUsedAt: '2026-12-01T09:30:00Z',
    device: 'Firefox on Windows',
    address: '192.0.2.x',
    current: true,
  },
  {
    id: 's2',
    createdAt: '2026-10-01T08:00:00Z',
    lastUsedAt: '2026-11-20T12:00:00Z',
    device: 'Safari on iOS',
    address: '2001:db8:1::/48',
    current: false,
  },
];

describe('SessionsListComponent', () => {
  async function render(confirm = true) {
    const view = await renderAccount(SessionsListComponent, [], confirm);
    view.http.expectOne('/api/me/sessions').flush(SESSIONS);
    await view.settle();
    return view;
  }

  it('lists each session with its browser, network and times, and marks this device', async () => {
    const { findAll, text } = await render();
    const items = findAll('session-item').map((item) => text(item));
    expect(items[0]).toContain('Firefox on Windows This device');
    expect(items[0]).toContain('Network 192.0.2.x');
    expect(items[0]).toMatch(/Last used Dec 1, 2026/);
    expect(items[1]).toContain('Safari on iOS');
    expect(items[1]).not.toContain('This device');
  });

  it('names the session on each button for screen readers', async () => {
    const { findAll } = await render();
    expect(findAll('session-end').map((button) => button.getAttribute('aria-label'))).toEqual([
      'Log out here, on this device (Firefox on Windows)',
      'Log out Safari on iOS',
    ]);
  });

  it('ends another session without asking and drops it from the list', async () => {
    const { click, http, settle, findAll, confirmation, notifier } = await render();
    await click('session-end', 1);
    http.expectOne({ method: 'DELETE', url: '/api/me/sessions/s2' }).flush(null, { status: 204, statusText: 'No Content' });
    await settle();
    expect(confirmation.ask).not.toHaveBeenCalled();
    expect(findAll('session-item')).toHaveLength(1);
    expect(notifier.announce).toHaveBeenCalledWith('account.sessions.ended');
  });

  it('logs out everywhere once confirmed, then goes to the login page', async () => {
    const { click, http, settle, router } = await render();
    await click('logout-everywhere');
    http.expectOne({ method: 'POST', url: '/api/auth/logout-everywhere' }).flush(null, { status: 204, statusText: 'No Content' });
    await settle();
    expect(router.navigate).toHaveBeenCalledWith(['/', 'login']);
  });

  it('does nothing when the person thinks better of it', async () => {
    const { click, http } = await render(false);
    await click('logout-everywhere');
    http.expectNone('/api/auth/logout-everywhere');
  });
});
