import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { TranslocoTestingModule } from '@jsverse/transloco';
import type { InvitationView } from '@kadens/shared/contracts';
import { ProblemNotifier } from '@kadens/web/ui';

import { InviteMemberFormComponent } from './invite-member-form.component';

const INVITATION: InvitationView = {
  id: 'i1',
  email: 'ann@example.no',
  role: 'editor',
  name: null,
  invitedByName: 'Me',
  createdAt: '2026-01-01T10:00:00Z',
  expiresAt: '2026-01-08T10:00:00Z',
};

describe('InviteMemberFormComponent', () => {
  async function render() {
    const notifier = { report: jest.fn(), announce: jest.fn() };
    TestBed.configureTestingModule({
      imports: [
        InviteMemberFormComponent,
        TranslocoTestingModule.forRoot({
          langs: { en: {} },
          translocoConfig: { availableLangs: ['en'], defaultLang: 'en', missingHandler: { logMissingKey: false } },
          preloadLangs: true,
        }),
      ],
      providers: [provideHttpClient(), provideHttpClientTesting(), { provide: ProblemNotifier, useValue: notifier }],
    });
    const fixture = TestBed.createComponent(InviteMemberFormComponent);
    fixture.componentRef.setInput('organizationId', 'o1');
    const invited: InvitationView[] = [];
    fixture.componentInstance.invited.subscribe((invitation) => invited.push(invitation));
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    const input = (testId: string) => {
      const found = element.querySelector<HTMLInputElement>(`[data-testid="${testId}"]`);
      if (!found) throw new Error(`nothing with data-testid="${testId}"`);
      return found;
    };
    const fill = (testId: string, value: string) => {
      input(testId).value = value;
      input(testId).dispatchEvent(new Event('input'));
    };
    const submit = async () => {
      (element.querySelector('[data-testid="invite-submit"]') as HTMLButtonElement).click();
      await fixture.whenStable();
    };
    const settle = async () => {
      for (let i = 0; i < 5; i++) await Promise.resolve();
      await fixture.whenStable();
    };
    const errorNextTo = (testId: string) =>
      input(testId).closest('mat-form-field')?.querySelector('mat-error')?.textContent?.trim() ?? null;
    return { element, input, fill, submit, settle, errorNextTo, invited, notifier, http: TestBed.inject(HttpTestingController) };
  }

  it('invites by e-mail and role, leaving out an empty name, and empties the form', async () => {
    const { fill, submit, settle, http, invited, notifier, input } = await render();
    fill('invite-email', 'ann@example.no');
    await submit();
    const request = http.expectOne({ method: 'POST', url: '/api/organizations/o1/invitations' });
    expect(request.request.body).toEqual({ email: 'ann@example.no', role: 'editor' });
    request.flush(INVITATION, { status: 201, statusText: 'Created' });
    await settle();
    expect(invited).toEqual([INVITATION]);
    expect(notifier.announce).toHaveBeenCalledWith('settings.members.invited', { email: 'ann@example.no' });
    expect(input('invite-email').value).toBe('');
  });

  it('sends the suggested name when one is given', async () => {
    const { fill, submit, http } = await render();
    fill('invite-email', 'ann@example.no');
    fill('invite-name', '  Ann Olsen ');
    await submit();
    expect(http.expectOne('/api/organizations/o1/invitations').request.body).toEqual({
      email: 'ann@example.no',
      role: 'editor',
      name: 'Ann Olsen',
    });
  });

  it.each([
    ['already_member', 'errors.code.already_member'],
    ['already_invited', 'errors.code.already_invited'],
  ])('says %s next to the e-mail', async (code, message) => {
    const { fill, submit, settle, http, errorNextTo, notifier } = await render();
    fill('invite-email', 'ann@example.no');
    await submit();
    http
      .expectOne('/api/organizations/o1/invitations')
      .flush({ statusCode: 409, error: 'Conflict', message: 'x', code }, { status: 409, statusText: 'Conflict' });
    await settle();
    expect(errorNextTo('invite-email')).toBe(message);
    expect(notifier.report).not.toHaveBeenCalled();
  });

  it('checks the e-mail before asking the API', async () => {
    const { fill, submit, http, errorNextTo } = await render();
    fill('invite-email', 'not an address');
    await submit();
    http.expectNone('/api/organizations/o1/invitations');
    expect(errorNextTo('invite-email')).toBe('validation.email');
  });
});
