import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { SessionView } from '@kadens/shared/contracts';

import { SessionStore } from './session.store';

const SESSION: SessionView = {
  user: { id: 'u1', email: 'editor@kadens.demo', name: 'Eddie', locale: null },
  memberships: [{ organizationId: 'o1', organizationName: 'Demo', organizationSlug: 'demo', organizationLocale: 'nb', role: 'editor' }],
};

describe('SessionStore', () => {
  let store: SessionStore;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    store = TestBed.inject(SessionStore);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('logs in, then loads the memberships from /api/me', async () => {
    const login = store.login({ email: 'editor@kadens.demo', password: 'secret-password' });
    const post = http.expectOne('/api/auth/login');
    expect(post.request.method).toBe('POST');
    expect(post.request.body).toEqual({ email: 'editor@kadens.demo', password: 'secret-password' });
    post.flush(SESSION.user);
    await Promise.resolve();
    http.expectOne({ method: 'GET', url: '/api/me' }).flush(SESSION);
    await expect(login).resolves.toEqual(SESSION);
    expect(store.user()?.name).toBe('Eddie');
    expect(store.memberships()).toHaveLength(1);
  });

  it('treats 401 from /api/me as "not logged in" and asks only once', async () => {
    const first = store.ensureLoaded();
    const second = store.ensureLoaded();
    http.expectOne('/api/me').flush(null, { status: 401, statusText: 'Unauthorized' });
    await expect(first).resolves.toBeNull();
    await expect(second).resolves.toBeNull();
    expect(store.isLoggedIn()).toBe(false);
  });

  it('answers with the current session after a login, not the first answer', async () => {
    const first = store.ensureLoaded();
    http.expectOne('/api/me').flush(null, { status: 401, statusText: 'Unauthorized' });
    await expect(first).resolves.toBeNull();
    const login = store.login({ email: 'editor@kadens.demo', password: 'secret-password' });
    http.expectOne('/api/auth/login').flush(SESSION.user);
    await Promise.resolve();
    http.expectOne('/api/me').flush(SESSION);
    await login;
    await expect(store.ensureLoaded()).resolves.toEqual(SESSION);
  });

  it('treats an unreachable API as logged out, and asks again next time', async () => {
    const first = store.ensureLoaded();
    http.expectOne('/api/me').error(new ProgressEvent('error'));
    await expect(first).resolves.toBeNull();
    const second = store.ensureLoaded();
    http.expectOne('/api/me').flush(SESSION);
    await expect(second).resolves.toEqual(SESSION);
  });

  it('forgets the session on logout even when the server fails', async () => {
    const load = store.ensureLoaded();
    http.expectOne('/api/me').flush(SESSION);
    await load;
    const logout = store.logout();
    http.expectOne('/api/auth/logout').flush(null, { status: 500, statusText: 'Server Error' });
    await expect(logout).rejects.toBeTruthy();
    expect(store.session()).toBeNull();
  });
});
