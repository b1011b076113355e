import { PASSWORD_PROBLEM_MESSAGES } from '@kadens/shared/contracts';
import { apiError } from '@kadens/web/ui/testing';

import { renderAccount } from '../testing/account-test-bed.testing';
import { ChangePasswordFormComponent } from './change-password-form.component';

describe('ChangePasswordFormComponent', () => {
  async function render() {
    const view = await renderAccount(ChangePasswordFormComponent);
    const changed = jest.fn();
    view.fixture.componentInstance.changed.subscribe(changed);
    const submit = async (current: string, next: string, repeat = next) => {
      await view.fill('current-password', current);
      await view.fill('new-password', next);
      await view.fill('repeat-password', repeat);
      await view.click('change-password-submit');
    };
    const errorOf = (testId: string) => view.text(view.find(testId)?.closest('mat-form-field')?.querySelector('mat-error'));
    return { ...view, changed, submit, errorOf };
  }

  it('explains the rules and ties them to the new password field', async () => {
    const { find, text } = await render();
    expect(text(find('change-password-form')?.querySelector('#password-rules'))).toContain('At least 12 characters');
    expect(find('new-password')?.getAttribute('aria-describedby')).toContain('password-rules');
  });

  it('changes the password, says the other devices are logged out and tells the page', async () => {
    const { submit, http, settle, find, text, changed } = await render();
    await submit('old password here', 'fjord lantern quietly pickles');
    const request = http.expectOne('/api/me/password');
    expect(request.request.method).toBe('PUT');
    expect(request.request.body).toEqual({ currentPassword: 'old password here', newPassword: 'fjord lantern quietly pickles' });
    request.flush(null, { status: 204, statusText: 'No Content' });
    await settle();
    expect(text(find('change-password-done'))).toContain('logged out on your other devices');
    expect(changed).toHaveBeenCalledTimes(1);
  });

  it('asks nothing of the API while the repeat differs or the password is short', async () => {
    const { submit, http, errorOf } = await render();
    await submit('old password here', 'fjord lantern quietly pickles', 'fjord lantern quietly pickled');
    expect(errorOf('repeat-password')).toBe('The two passwords are not the same.');
    await submit('old password here', 'too short');
    expect(errorOf('new-password')).toBe('Use at least 12 characters.');
    http.expectNone('/api/me/password');
  });

  it('shows the API’s refusals on their fields, in the reader’s words', async () => {
    const { submit, http, settle, errorOf } = await render();
    await submit('old password here', 'password1234');
    apiError(http.expectOne('/api/me/password'), 400, {
      code: 'validation_failed',
      errors: [{ field: 'newPassword', messages: [PASSWORD_PROBLEM_MESSAGES.guessable] }],
    });
    await settle();
    expect(errorOf('new-password')).toContain('Too easy to guess');

    await submit('not it', 'fjord lantern quietly pickles');
    apiError(http.expectOne('/api/me/password'), 400, {
      code: 'wrong_password',
      errors: [{ field: 'currentPassword', messages: ['This is not your current password.'] }],
    });
    await settle();
    expect(errorOf('current-password')).toBe('That is not your current password.');
  });
});
