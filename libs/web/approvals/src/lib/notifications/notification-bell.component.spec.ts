import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import type { NotificationView } from '@kadens/shared/contracts';

import { BASE, BlankPageComponent, queries, settle, setUpApprovalsTestBed } from '../testing/approvals-test-bed.testing';
import { NotificationBellComponent } from './notification-bell.component';
import { NOTIFICATION_POLL_MS, NotificationsStore } from './notifications.store';

const NOTIFICATIONS = `${BASE}/notifications`;

const notification = (id: string, kind: NotificationView['kind'], title: string, read = false): NotificationView => ({
  id,
  kind,
  postId: `post-${id}`,
  params: { title, revision: 1 },
  createdAt: new Date(Date.now() - 5 * 60_000).toISOString(),
  read,
});

function setVisibility(state: DocumentVisibilityState): void {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
  document.dispatchEvent(new Event('visibilitychange'));
}

const unreadPolls = (http: HttpTestingController) =>
  http.match((request) => request.url === NOTIFICATIONS && request.params.get('unread') === 'true');

describe('NotificationsStore', () => {
  afterEach(() => {
    jest.useRealTimers();
    setVisibility('visible');
  });

  it('asks for the unread count at once and every 30 seconds, but not while the tab is hidden', async () => {
    const { http } = await setUpApprovalsTestBed({ role: 'editor', providers: [NotificationsStore] });
    jest.useFakeTimers();
    const store = TestBed.inject(NotificationsStore);
    expect(TestBed.inject(NOTIFICATION_POLL_MS)).toBe(30_000);

    store.watch('o1');
    unreadPolls(http)[0]?.flush({ unread: 2, notifications: [] });
    await Promise.resolve();
    expect(store.unread()).toBe(2);

    jest.advanceTimersByTime(29_000);
    expect(unreadPolls(http)).toHaveLength(0);
    jest.advanceTimersByTime(1_000);
    unreadPolls(http)[0]?.flush({ unread: 3, notifications: [] });
    await Promise.resolve();
    expect(store.unread()).toBe(3);

    setVisibility('hidden');
    jest.advanceTimersByTime(120_000);
    expect(unreadPolls(http)).toHaveLength(0);

    setVisibility('visible');
    expect(unreadPolls(http)).toHaveLength(1);
    jest.advanceTimersByTime(30_000);
    expect(unreadPolls(http)).toHaveLength(1);
  });
});

describe('NotificationBellComponent', () => {
  async function render(unread: number) {
    const { http } = await setUpApprovalsTestBed({
      role: 'approver',
      routes: [
        { path: 'o/:organizationId/approvals/:postId', component: BlankPageComponent },
        { path: 'o/:organizationId/strategy', component: BlankPageComponent },
      ],
    });
    const fixture = TestBed.createComponent(NotificationBellComponent);
    await settle(fixture);
    http
      .expectOne((request) => request.url === NOTIFICATIONS && request.params.get('unread') === 'true')
      .flush({ unread, notifications: [] });
    await settle(fixture);
    return { fixture, http, ...queries(fixture, document.body) };
  }

  it('shows the unread count, and no badge when everything is read', async () => {
    const { find, text } = await render(3);
    expect(text(find('notification-count'))).toBe('3');
    expect(find('notification-bell')?.getAttribute('aria-label')).toBe('Notifications, 3 unread');
    TestBed.resetTestingModule();
    const again = await render(0);
    expect(again.find('notification-count')).toBeNull();
  });

  it('lists the notifications worded by kind, and opening one marks it read and goes to its review', async () => {
    const { fixture, http, click, findAll, find, text } = await render(2);
    await click('notification-bell');
    http
      .expectOne((request) => request.url === NOTIFICATIONS && !request.params.has('unread'))
      .flush({
        unread: 2,
        notifications: [
          notification('n1', 'changes_requested', 'School starts'),
          notification('n2', 'review_requested', 'Culture week'),
          notification('n3', 'approved', 'Summer hours', true),
        ],
      });
    await settle(fixture);
    const items = findAll('notification-item');
    expect(items.map((item) => text(item.querySelector('.notification__text')))).toEqual([
      'Changes were asked for in “School starts”',
      '“Culture week” is waiting for your approval',
      '“Summer hours” was approved',
    ]);
    expect(text(items[0]?.querySelector('.notification__time'))).toBe('5 minutes ago');

    await click('notification-item', 1);
    const read = http.expectOne({ method: 'POST', url: `${NOTIFICATIONS}/read` });
    expect(read.request.body).toEqual({ ids: ['n2'] });
    read.flush(null, { status: 204, statusText: 'No Content' });
    await settle(fixture);
    expect(TestBed.inject(Router).url).toBe('/o/o1/approvals/post-n2');
    expect(text(find('notification-count'))).toBe('1');
  });

  it('marks everything read at once', async () => {
    const { fixture, http, click, find } = await render(2);
    await click('notification-bell');
    http
      .expectOne((request) => request.url === NOTIFICATIONS && !request.params.has('unread'))
      .flush({
        unread: 2,
        notifications: [notification('n1', 'commented', 'School starts'), notification('n2', 'expired', 'Culture week')],
      });
    await settle(fixture);
    await click('notifications-mark-all-read');
    const read = http.expectOne({ method: 'POST', url: `${NOTIFICATIONS}/read` });
    expect(read.request.body).toEqual({});
    read.flush(null, { status: 204, statusText: 'No Content' });
    await settle(fixture);
    expect(find('notification-count')).toBeNull();
  });

  it('opens the channels for a connection that expires soon (it has no post)', async () => {
    const { fixture, http, click, findAll, text } = await render(1);
    await click('notification-bell');
    http
      .expectOne((request) => request.url === NOTIFICATIONS && !request.params.has('unread'))
      .flush({
        unread: 1,
        notifications: [
          {
            ...notification('n1', 'connection_expiring', 'Fjordvik on X'),
            postId: null,
            params: { title: 'Fjordvik on X', channelId: 'c1' },
          },
        ],
      });
    await settle(fixture);
    expect(text(findAll('notification-item')[0]?.querySelector('.notification__text'))).toContain('Fjordvik on X');
    await click('notification-item', 0);
    http.expectOne({ method: 'POST', url: `${NOTIFICATIONS}/read` }).flush(null, { status: 204, statusText: 'No Content' });
    await settle(fixture);
    expect(TestBed.inject(Router).url).toBe('/o/o1/strategy?tab=channels');
  });
});
