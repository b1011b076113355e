import { expect, test } from '@playwright/test';

const DEMO_PASSWORD = 'kadens-demo';

// The admin's language is part of their account; give it back so other specs see the default.
test.afterEach(async ({ page }) => {
  await page.request.patch('/api/me', { data: { locale: null } });
});

test('an admin writes down what a channel promises and sees it summed up after a reload', async ({ page }) => {
  const run = Date.now().toString(36);
  const channel = `Solsikken on Instagram ${run}`;

  await page.goto('/');
  await page.getByTestId('login-email').fill('admin@kadens.demo');
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('nav-strategy')).toBeVisible();
  await page.getByTestId('language-picker').click();
  await page.getByTestId('language-option-en').click();
  await expect(page.getByTestId('nav-strategy')).toHaveText('Strategy');

  // An organisation of its own (in Norway, the default), so no other spec's channels are in the way.
  await page.getByTestId('org-switcher').click();
  await page.getByTestId('org-create').click();
  await page.getByTestId('organization-name').fill(`Solsikken barnehage ${run}`);
  await page.getByTestId('create-organization-submit').click();
  await expect(page.getByTestId('organization-settings-form')).toBeVisible();
  await page.getByTestId('nav-strategy').click();

  await page.getByTestId('strategy-tab-channels').click();
  await page.getByTestId('channel-add').click();
  await page.getByTestId('channel-platform').click();
  await page.getByTestId('platform-option-instagram').click();
  await page.getByTestId('channel-name').fill(channel);
  await page.getByTestId('channel-save').click();
  const item = page.getByTestId('channel-item').filter({ hasText: channel });
  await expect(item.getByTestId('channel-promises-summary')).toHaveText('No promises yet');

  await item.getByTestId('channel-promises').click();
  await expect(page.getByTestId('promises-max-per-day')).toBeFocused();

  // The parser's own words, while typing.
  await page.getByTestId('promises-opening-hours').fill('Mo-Fr 25:00-12:00');
  await expect(page.getByTestId('promises-opening-hours-error')).toContainText('Time range starts outside of the current day');

  await page.getByTestId('promises-preset-weekdays0912').click();
  await expect(page.getByTestId('promises-opening-hours')).toHaveValue('Mo-Fr 09:00-12:00; PH off');
  await expect(page.getByTestId('promises-opening-hours-error')).toHaveCount(0);
  await expect(page.getByTestId('promises-preview-day')).toHaveCount(7);
  await expect(page.getByTestId('promises-preview')).toContainText('Europe/Oslo');
  await expect(page.getByTestId('promises-preview-holidays')).toHaveText('Closed on public holidays.');

  await page.getByTestId('promises-response-window').fill('2');
  await page.getByTestId('promises-min-per-week').fill('3');
  await page.getByTestId('promises-public-sentence').fill('We post 3–5 times a week');
  await page.getByTestId('promises-save').click();
  await expect(page.getByText(`Promises of «${channel}» saved.`)).toBeVisible();

  await page.reload();
  const reloaded = page.getByTestId('channel-item').filter({ hasText: channel });
  await expect(reloaded.getByTestId('channel-promises-summary')).toHaveText('at least 3 a week · Mon–Fri 09–12 · answers within 2 h');
});
