import { expect, type Page, test } from './support/test';

import { createOwnOrganization, logInThroughTheFormInEnglish } from './support/members';

/** Picks options in a Material select by their visible names, then closes it. */
async function choose(page: Page, selectTestId: string, ...options: string[]): Promise<void> {
  // The floating label lies over an empty select; a click on its form field opens it all the same.
  await page.locator('mat-form-field', { has: page.getByTestId(selectTestId) }).click();
  for (const option of options) await page.getByRole('option', { name: option, exact: true }).click();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('listbox')).toHaveCount(0);
}

// The admin's language is part of their account; give it back so other specs see the default.
test.afterEach(async ({ page }) => {
  await page.request.patch('/api/me', { data: { locale: null } });
});

test('an admin writes a strategy and weighs it against the hours the people have', async ({ page }) => {
  const run = Date.now().toString(36);
  const theme = `Everyday life ${run}`;
  const channel = `Solsikken on Facebook ${run}`;
  const audience = `Parents of small children ${run}`;
  const what = 'a weekly post about what the children have been up to';
  const outcome = 'parents who know what happens at the kindergarten';

  await logInThroughTheFormInEnglish(page, 'admin@kadens.demo');
  // An organisation of its own, so what other specs plan in the demo ones does not count here.
  await createOwnOrganization(page, `Solsikken barnehage ${run}`);

  // Nothing planned, no capacity stated yet.
  await expect(page.getByTestId('initiatives-empty')).toBeVisible();
  await expect(page.getByTestId('workload-capacity')).toHaveText('Not stated');
  await expect(page.getByTestId('workload-capacity-missing')).toBeVisible();

  await page.getByTestId('strategy-tab-themes').click();
  await page.getByTestId('theme-add').click();
  await page.getByTestId('theme-name').fill(theme);
  await page.getByTestId('theme-swatch-teal').click();
  await expect(page.getByTestId('theme-color')).toHaveValue('#00897b');
  await page.getByTestId('theme-description').fill('What the children do all day');
  await page.getByTestId('theme-save').click();
  await expect(page.getByTestId('theme-item').filter({ hasText: theme })).toBeVisible();

  await page.getByTestId('strategy-tab-channels').click();
  await page.getByTestId('channel-add').click();
  await page.getByTestId('channel-platform').click();
  await page.getByTestId('platform-option-facebook').click();
  await page.getByTestId('channel-name').fill(channel);
  await page.getByTestId('channel-handle').fill('@solsikken');
  await choose(page, 'channel-responsible', 'Ada Admin');
  await page.getByTestId('channel-save').click();
  await expect(page.getByTestId('channel-item').filter({ hasText: channel })).toContainText('Responsible: Ada Admin');

  await page.getByTestId('strategy-tab-audiences').click();
  await page.getByTestId('audience-add').click();
  await page.getByTestId('audience-name').fill(audience);
  await page.getByTestId('audience-communication-goal').fill('They know what their children did today');
  await page.getByTestId('audience-effect-goal').fill('They come to the parent evenings');
  await choose(page, 'audience-channels', channel);
  await page.getByTestId('audience-save').click();
  await expect(page.getByTestId('audience-item').filter({ hasText: audience })).toContainText(`Is on: ${channel}`);

  await page.getByTestId('strategy-tab-initiatives').click();
  await page.getByTestId('initiative-add').click();
  await choose(page, 'initiative-channels', channel);
  await page.getByTestId('initiative-what').fill(what);
  await page.getByTestId('initiative-outcome').fill(outcome);
  await choose(page, 'initiative-audiences', audience);
  await page.getByTestId('initiative-hours').fill('6');
  await choose(page, 'initiative-status', 'Active');
  await page.getByTestId('initiative-core').click();
  await page.getByTestId('initiative-save').click();

  await expect(page.getByTestId('initiative-sentence')).toHaveText(
    `We will be on ${channel} to do ${what} to achieve ${outcome} for ${audience}.`,
  );
  await expect(page.getByTestId('initiative-core-badge')).toHaveText('Core');
  await expect(page.getByTestId('workload-active-hours')).toHaveText('6 h/week');
  await expect(page.getByTestId('workload-core-hours')).toHaveText('6 h/week');

  // Stating less time than the plan costs turns the summary into a warning.
  await page.getByTestId('workload-settings-link').click();
  await expect(page.getByTestId('organization-name')).not.toHaveValue('');
  await page.getByTestId('organization-capacity').fill('4');
  await page.getByTestId('organization-save').click();
  await expect(page.getByText('Settings saved.')).toBeVisible();
  await page.getByTestId('nav-strategy').click();
  await expect(page.getByTestId('workload-capacity')).toHaveText('4 h/week');
  await expect(page.getByTestId('workload-over-capacity')).toContainText('The plan costs 2 hours a week more than your people have.');
});
