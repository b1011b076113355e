import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { type InvitationPreview, PASSWORD_PROBLEM_MESSAGES, type SessionView } from '@kadens/shared/contracts';
import { BROWSER_LANGUAGES, BROWSER_STORAGE } from '@kadens/web/data-access';
import { ProblemNotifier } from '@kadens/web/ui';

import { InvitationPageComponent } from './invitation-page.component';

@Component({ template: '' })
class BlankPageComponent {}

const PREVIEW: InvitationPreview = {
  email: 'ny@example.no',
  organizationName: 'Fjordvik kommune',
  role: 'editor',
  name: 'Nina Ny',
  accountExists: false,
  expiresAt: '2999-01-08T10:00:00Z',
};

const JOINED = { organizationId: 'o1', organizationName: 'Fjordvik kommune', role: 'editor' };

function sessionOf(email: string): SessionView {
  return { user: { id: 'u1', email, name: 'Someone', locale: null }, memberships: [] };
}

describe('InvitationPageComponent', () => {
  async function open(answers: { session: SessionView | null; lookup: InvitationPreview | { status: number; code: string } }) {
    const notifier = { report: jest.fn(), announce: jest.fn() };
    TestBed.configureTestingModule({
      imports: [
        TranslocoTestingModule.forRoot({
          langs: { en: {} },
          translocoConfig: { availableLangs: ['en'], defaultLang: 'en', missingHandler: { logMissingKey: false } },
          preloadLangs: true,
        }),
      ],
      providers: [
        provideRouter([
          { path: 'invitation', component: InvitationPageComponent },
          { path: 'login', component: BlankPageComponent },
          { path: 'o/:organizationId/calendar', component: BlankPageComponent },
          { path: '', component: BlankPageComponent },
        ]),
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: BROWSER_STORAGE, useValue: null },
        { provide: BROWSER_LANGUAGES, useValue: ['en-US'] },
        { provide: ProblemNotifier, useValue: notifier },
      ],
    });
    const http = TestBed.inject(HttpTestingController);
    const harness = await RouterTestingHarness.create();
    const navigation = harness.navigateByUrl('/invitation?token=abc');
    const settle = async () => {
      for (let i = 0; i < 10; i++) await Promise.resolve();
      await harness.fixture.whenStable();
    };
    await settle();
    const me = http.expectOne('/api/me');
    if (answers.session) me.flush(answers.session);
    else me.flush({ statusCode: 401 }, { status: 401, statusText: 'Unauthorized' });
    const lookup = http.expectOne({ method: 'POST', url: '/api/invitations/lookup' });
    expect(lookup.request.body).toEqual({ token: 'abc' });
    if ('status' in answers.lookup)
      lookup.flush({ statusCode: answers.lookup.status, code: answers.lookup.code }, { status: answers.lookup.status, statusText: 'Gone' });
    else lookup.flush(answers.lookup);
    await navigation;
    await settle();
    await new Promise((resolve) => setTimeout(resolve));
    const element = harness.routeNativeElement as HTMLElement;
    const find = <T extends HTMLElement = HTMLElement>(testId: string) => element.querySelector<T>(`[data-testid="${testId}"]`);
    const fill = (testId: string, value: string) => {
      const input = find<HTMLInputElement>(testId) as HTMLInputElement;
      input.value = value;
      input.dispatchEvent(new Event('input'));
    };
    const errorNextTo = (testId: string) =>
      find(testId)?.closest('mat-form-field')?.querySelector('mat-error')?.textContent?.trim() ?? null;
    const state = () => find('invitation-page')?.dataset['state'];
    return { http, element, find, fill, errorNextTo, state, settle, notifier, router: TestBed.inject(Router) };
  }

  it('explains a link that no longer works, gives a way on, and puts the focus on the explanation', async () => {
    const { find, state } = await open({ session: null, lookup: { status: 410, code: 'invitation_invalid' } });
    expect(state()).toBe('invalid');
    expect(find('invitation-title')?.textContent?.trim()).toBe('invitations.invalid.title');
    expect(document.activeElement).toBe(find('invitation-title'));
    expect(find('invitation-home')?.getAttribute('href')).toBe('/');
  });

  it('lets someone new choose a name and password, logs them in and opens the organisation', async () => {
    const { http, find, fill, settle, router, notifier } = await open({ session: null, lookup: PREVIEW });
    expect((find<HTMLInputElement>('new-account-name') as HTMLInputElement).value).toBe('Nina Ny');
    expect((find<HTMLInputElement>('new-account-email') as HTMLInputElement).value).toBe('ny@example.no');
    fill('new-account-password', 'nordlys trampoline blåbær');
    fill('new-account-password-repeat', 'nordlys trampoline blåbær');
    find('new-account-submit')?.click();
    await settle();
    const accept = http.expectOne({ method: 'POST', url: '/api/invitations/accept' });
    expect(accept.request.body).toEqual({ token: 'abc', name: 'Nina Ny', password: 'nordlys trampoline blåbær' });
    accept.flush(JOINED);
    await settle();
    http.expectOne('/api/me').flush({
      ...sessionOf('ny@example.no'),
      memberships: [
        {
          organizationId: 'o1',
          organizationName: 'Fjordvik kommune',
          organizationSlug: 'fjordvik',
          organizationLocale: 'en',
          role: 'editor',
        },
      ],
    });
    await settle();
    expect(router.url).toBe('/o/o1/calendar');
    expect(notifier.announce).toHaveBeenCalledWith('invitations.mine.joined', { organization: 'Fjordvik kommune' });
  });

  it('shows the password policy’s verdict on the password field, in the reader’s words', async () => {
    const { http, find, fill, settle, errorNextTo } = await open({ session: null, lookup: PREVIEW });
    fill('new-account-password', 'password1234');
    fill('new-account-password-repeat', 'password1234');
    find('new-account-submit')?.click();
    await settle();
    http
      .expectOne('/api/invitations/accept')
      .flush(
        { statusCode: 400, code: 'validation_failed', errors: [{ field: 'password', messages: [PASSWORD_PROBLEM_MESSAGES.guessable] }] },
        { status: 400, statusText: 'Bad Request' },
      );
    await settle();
    expect(errorNextTo('new-account-password')).toBe('invitations.accept.passwordProblems.guessable');
    expect(find('new-account-password')?.getAttribute('aria-invalid')).toBe('true');
  });

  it('checks that the two passwords match before asking the API', async () => {
    const { http, find, fill, settle, errorNextTo } = await open({ session: null, lookup: PREVIEW });
    fill('new-account-password', 'nordlys trampoline blåbær');
    fill('new-account-password-repeat', 'nordlys trampoline blåber');
    find('new-account-submit')?.click();
    await settle();
    http.expectNone('/api/invitations/accept');
    expect(errorNextTo('new-account-password-repeat')).toBe('invitations.accept.passwordMismatch');
  });

  it('sends someone whose account appeared meanwhile to log in', async () => {
    const { http, find, fill, settle, state } = await open({ session: null, lookup: PREVIEW });
    fill('new-account-password', 'nordlys trampoline blåbær');
    fill('new-account-password-repeat', 'nordlys trampoline blåbær');
    find('new-account-submit')?.click();
    await settle();
    http.expectOne('/api/invitations/accept').flush({ statusCode: 409, code: 'account_exists' }, { status: 409, statusText: 'Conflict' });
    await settle();
    expect(state()).toBe('logIn');
    expect(find('invitation-created-meanwhile')).not.toBeNull();
  });

  it('sends someone with an account to log in, and back to this link afterwards', async () => {
    const { find, settle, router, state } = await open({ session: null, lookup: { ...PREVIEW, accountExists: true } });
    expect(state()).toBe('logIn');
    find('invitation-log-in')?.click();
    await settle();
    expect(router.url).toBe('/login?returnUrl=%2Finvitation%3Ftoken%3Dabc');
  });

  it('asks someone logged in as another person to log out first', async () => {
    const { http, find, settle, state } = await open({ session: sessionOf('other@example.no'), lookup: PREVIEW });
    expect(state()).toBe('otherAccount');
    find('invitation-log-out')?.click();
    await settle();
    http.expectOne({ method: 'POST', url: '/api/auth/logout' }).flush(null, { status: 204, statusText: 'No Content' });
    await settle();
    expect(state()).toBe('newAccount');
  });

  it('lets the invited person, logged in, accept in the app', async () => {
    const { http, element, settle, router, state } = await open({
      session: sessionOf('ny@example.no'),
      lookup: { ...PREVIEW, accountExists: true },
    });
    expect(state()).toBe('inApp');
    http
      .expectOne('/api/me/invitations')
      .flush([
        { id: 'i1', organizationName: 'Fjordvik kommune', role: 'editor', invitedByName: 'Ada Admin', expiresAt: '2999-01-08T10:00:00Z' },
      ]);
    await settle();
    element.querySelector<HTMLButtonElement>('[data-testid="invitation-accept"]')?.click();
    await settle();
    http.expectOne({ method: 'POST', url: '/api/me/invitations/i1/accept' }).flush(JOINED);
    await settle();
    http.expectOne('/api/me').flush(sessionOf('ny@example.no'));
    await settle();
    expect(router.url).toBe('/o/o1/calendar');
  });
});
