import { apiError } from '@kadens/web/ui/testing';

import { renderAccount } from '../testing/account-test-bed.testing';
import { ForgotPasswordPageComponent } from './forgot-password-page.component';

describe('ForgotPasswordPageComponent', () => {
  it('asks for a link and says it was sent if the account exists, moving focus to the message', async () => {
    const { fill, click, http, settle, find, text } = await renderAccount(ForgotPasswordPageComponent);
    await fill('forgot-email', ' kari@example.no ');
    await click('forgot-submit');
    const request = http.expectOne('/api/auth/password-reset');
    expect(request.request.body).toEqual({ email: 'kari@example.no' });
    request.flush({ message: 'sent' }, { status: 202, statusText: 'Accepted' });
    await settle();
    expect(text(find('forgot-sent'))).toBe(
      'If kari@example.no has an account, we have sent it a link to choose a new password. The link works for one hour.',
    );
    expect(find('forgot-sent')?.getAttribute('role')).toBe('status');
    expect(document.activeElement).toBe(find('forgot-sent'));
  });

  it('needs an e-mail address before asking', async () => {
    const { click, http, find, text } = await renderAccount(ForgotPasswordPageComponent);
    await click('forgot-submit');
    http.expectNone('/api/auth/password-reset');
    const field = find('forgot-email')?.closest('mat-form-field');
    const error = field?.querySelector('mat-error');
    expect(text(error)).toBeTruthy();
    // Material ties the error to the input for screen readers.
    expect(find('forgot-email')?.getAttribute('aria-describedby')).toContain(error?.id ?? 'none');
    expect(document.activeElement).toBe(find('forgot-email'));
  });

  it('explains a refusal for too many requests', async () => {
    const { fill, click, http, settle, find, text } = await renderAccount(ForgotPasswordPageComponent);
    await fill('forgot-email', 'kari@example.no');
    await click('forgot-submit');
    apiError(http.expectOne('/api/auth/password-reset'), 429, { code: 'too_many_attempts' });
    await settle();
    expect(text(find('forgot-message'))).toContain('several links in a short time');
  });
});
