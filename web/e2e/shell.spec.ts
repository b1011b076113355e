import { expect, test } from './support/test';

const DEMO_PASSWORD = 'kadens-demo';

test('an editor logs in, sees the shell in Norwegian and switches to English', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('login-email').fill('editor@kadens.demo');
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();

  // The demo organisation speaks bokmål, and the editor has not chosen a language of their own.
  await expect(page.getByTestId('nav-calendar')).toContainText('Kalender');
  await expect(page.getByTestId('nav-settings')).toContainText('Innstillinger');
  await expect(page.locator('html')).toHaveAttribute('lang', 'nb');

  await page.getByTestId('language-picker').click();
  await page.getByTestId('language-option-en').click();
  await expect(page.getByTestId('nav-calendar')).toContainText('Calendar');
  await expect(page.getByTestId('nav-settings')).toContainText('Settings');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  // The choice is the user's now: it survives a reload.
  await page.reload();
  await expect(page.getByTestId('nav-calendar')).toContainText('Calendar');
});

test('a wrong password gets a translated refusal that does not say which part was wrong', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('login-email').fill('editor@kadens.demo');
  await page.getByTestId('login-password').fill('not the password');
  await page.getByTestId('login-submit').click();
  await expect(page.getByRole('alert')).toContainText(/wrong e-mail or password/i);
});
