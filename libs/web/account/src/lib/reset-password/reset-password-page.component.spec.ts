import { ActivatedRoute, convertToParamMap } from '@angular/router';
import { PASSWORD_PROBLEM_MESSAGES } from '@kadens/shared/contracts';
import { apiError } from '@kadens/web/ui/testing';

import { renderAccount } from '../testing/account-test-bed.testing';
import { ResetPasswordPageComponent } from './reset-password-page.component';

describe('ResetPasswordPageComponent', () => {
  async function render(token: string | null = 'a-long-random-token-from-the-mail') {
    const route = { provide: ActivatedRoute, useValue: { snapshot: { queryParamMap: convertToParamMap(token ? { token } : {}) } } };
    const view = await renderAccount(ResetPasswordPageComponent, [route]);
    const submit = async (password: string, repeat = password) => {
      await view.fill('reset-password', password);
      await view.fill('reset-repeat', repeat);
      await view.click('reset-submit');
    };
    const errorOf = (testId: string) => view.text(view.find(testId)?.closest('mat-form-field')?.querySelector('mat-error'));
    return { ...view, submit, errorOf };
  }

  it('sets the new password with the token and sends the person to log in with it', async () => {
    const { submit, http, settle, router } = await render();
    await submit('fjord lantern quietly pickles');
    const request = http.expectOne('/api/auth/password-reset/confirm');
    expect(request.request.body).toEqual({ token: 'a-long-random-token-from-the-mail', password: 'fjord lantern quietly pickles' });
    request.flush(null, { status: 204, statusText: 'No Content' });
    await settle();
    expect(router.navigate).toHaveBeenCalledWith(['/', 'login'], { queryParams: { passwordReset: 'done' } });
  });

  it('shows why the API refused the password on the field', async () => {
    const { submit, http, settle, errorOf, router } = await render();
    await submit('kari@example.no1');
    apiError(http.expectOne('/api/auth/password-reset/confirm'), 400, {
      code: 'validation_failed',
      errors: [{ field: 'password', messages: [PASSWORD_PROBLEM_MESSAGES.personal] }],
    });
    await settle();
    expect(errorOf('reset-password')).toBe("Don't build the password from your name or e-mail address.");
    expect(router.navigate).not.toHaveBeenCalled();
  });

  it('offers a new link when this one has expired or was used', async () => {
    const { submit, http, settle, find, text } = await render();
    await submit('fjord lantern quietly pickles');
    apiError(http.expectOne('/api/auth/password-reset/confirm'), 400, {
      code: 'invalid_reset_token',
      errors: [{ field: 'token', messages: ['expired'] }],
    });
    await settle();
    expect(text(find('reset-link-invalid'))).toContain('expired or has already been used');
    expect(find('reset-request-new')?.getAttribute('href')).toBe('/forgot-password');
  });

  it('says so when the link has no token at all', async () => {
    const { find, text } = await render(null);
    expect(text(find('reset-link-invalid'))).toContain('incomplete');
    expect(find('reset-password')).toBeNull();
  });
});
