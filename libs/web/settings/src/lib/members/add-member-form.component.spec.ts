import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { TranslocoTestingModule } from '@jsverse/transloco';
import type { MemberView } from '@kadens/shared/contracts';
import { ProblemNotifier } from '@kadens/web/ui';

import { AddMemberFormComponent } from './add-member-form.component';

describe('AddMemberFormComponent', () => {
  async function render() {
    const notifier = { report: jest.fn(), announce: jest.fn() };
    TestBed.configureTestingModule({
      imports: [
        AddMemberFormComponent,
        TranslocoTestingModule.forRoot({
          langs: { en: {} },
          translocoConfig: { availableLangs: ['en'], defaultLang: 'en', missingHandler: { logMissingKey: false } },
          preloadLangs: true,
        }),
      ],
      providers: [provideHttpClient(), provideHttpClientTesting(), { provide: ProblemNotifier, useValue: notifier }],
    });
    const fixture = TestBed.createComponent(AddMemberFormComponent);
    fixture.componentRef.setInput('organizationId', 'o1');
    const added: MemberView[] = [];
    fixture.componentInstance.added.subscribe((member) => added.push(member));
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
      (element.querySelector('[data-testid="add-member-submit"]') as HTMLButtonElement).click();
      await fixture.whenStable();
    };
    const settle = async () => {
      for (let i = 0; i < 5; i++) await Promise.resolve();
      await fixture.whenStable();
    };
    const errorNextTo = (testId: string) =>
      input(testId).closest('mat-form-field')?.querySelector('mat-error')?.textContent?.trim() ?? null;
    return { fill, submit, settle, errorNextTo, added, notifier, http: TestBed.inject(HttpTestingController) };
  }

  it('adds an existing user without sending an empty password', async () => {
    const { fill, submit, settle, http, added, notifier } = await render();
    fill('add-member-email', 'ann@kadens.demo');
    fill('add-member-name', 'Ann');
    await submit();
    const request = http.expectOne({ method: 'POST', url: '/api/organizations/o1/members' });
    expect(request.request.body).toEqual({ email: 'ann@kadens.demo', name: 'Ann', role: 'editor' });
    const member: MemberView = { userId: 'u9', email: 'ann@kadens.demo', name: 'Ann', role: 'editor', joinedAt: '2026-01-01' };
    request.flush(member, { status: 201, statusText: 'Created' });
    await settle();
    expect(added).toEqual([member]);
    expect(notifier.announce).toHaveBeenCalledWith('settings.members.added', { name: 'Ann' });
  });

  it('asks for a first password next to its field when the e-mail has no account yet', async () => {
    const { fill, submit, settle, http, errorNextTo, notifier } = await render();
    fill('add-member-email', 'new@kadens.demo');
    fill('add-member-name', 'New Person');
    await submit();
    http.expectOne('/api/organizations/o1/members').flush(
      { statusCode: 400, error: 'Bad Request', message: 'x', code: 'initial_password_required' },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle();
    expect(errorNextTo('add-member-initial-password')).toBe('errors.code.initial_password_required');
    expect(notifier.report).not.toHaveBeenCalled();
  });

  it('says so next to the e-mail when the person is already a member', async () => {
    const { fill, submit, settle, http, errorNextTo } = await render();
    fill('add-member-email', 'ann@kadens.demo');
    fill('add-member-name', 'Ann');
    await submit();
    http.expectOne('/api/organizations/o1/members').flush(
      { statusCode: 409, error: 'Conflict', message: 'x', code: 'already_member' },
      { status: 409, statusText: 'Conflict' },
    );
    await settle();
    expect(errorNextTo('add-member-email')).toBe('errors.code.already_member');
  });

  it('checks the first password’s length before asking the API', async () => {
    const { fill, submit, http, errorNextTo } = await render();
    fill('add-member-email', 'new@kadens.demo');
    fill('add-member-name', 'New Person');
    fill('add-member-initial-password', 'short');
    await submit();
    http.expectNone('/api/organizations/o1/members');
    expect(errorNextTo('add-member-initial-password')).toBe('validation.minLength');
  });
});
