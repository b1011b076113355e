import { expect, type Page, test } from './support/test';

import { createOwnOrganization, logInThroughTheFormInEnglish } from './support/members';

// The admin's language is part of their account; give it back so other specs see the default.
test.afterEach(async ({ page }) => {
  await page.request.patch('/api/me', { data: { locale: null } });
});

test('an admin writes down what a channel promises and sees it summed up after a reload', async ({ page }) => {
  const run = Date.now().toString(36);
  const channel = `Solsikken on Instagram ${run}`;

  await logInThroughTheFormInEnglish(page, 'admin@kadens.demo');
  // An organisation of its own (in Norway, the default), so no other spec's channels are in the way.
  await createOwnOrganization(page, `Solsikken barnehage ${run}`);

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

  // Service hours as a week, by keyboard: Monday 09:00–12:00, copied to the other weekdays.
  const monday = page.locator('[data-testid="weekly-day"][data-day="1"]');
  await expect(monday).toContainText('Closed');
  await page.getByRole('button', { name: 'Add time on Monday' }).click();
  const from = page.getByRole('textbox', { name: 'From, Monday, time 1' });
  const to = page.getByRole('textbox', { name: 'To, Monday, time 1' });
  await expect(from).toBeFocused();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('9');
  await page.keyboard.press('Tab');
  await expect(from).toHaveValue('09:00');
  await expect(to).toBeFocused();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('1200');
  await page.keyboard.press('Tab');
  await expect(to).toHaveValue('12:00');
  await page.getByRole('button', { name: 'Copy Monday to Tue–Fri' }).click();
  await expect(page.getByRole('textbox', { name: 'To, Friday, time 1' })).toHaveValue('12:00');
  await expect(page.locator('[data-testid="weekly-day"][data-day="6"]')).toContainText('Closed');
  const holidays = page.getByRole('switch', { name: 'Closed on public holidays' });
  await expect(holidays).toBeChecked();
  await expect(page.getByTestId('promises-hours-written')).toHaveText('Saved as opening_hours: Mo-Fr 09:00-12:00; PH off');
  await expect(page.getByTestId('promises-preview-day')).toHaveCount(7);
  await expect(page.getByTestId('promises-preview')).toContainText('Europe/Oslo');
  await expect(page.getByTestId('promises-preview-holidays')).toHaveText('Closed on public holidays.');

  // A mistake is said next to its field.
  await page.getByRole('textbox', { name: 'To, Wednesday, time 1' }).fill('08:00');
  await page.getByRole('textbox', { name: 'To, Wednesday, time 1' }).blur();
  await expect(page.getByTestId('weekly-to-error')).toHaveText(
    'Must be after the start. Past midnight? End at 24:00 and go on from 00:00 the next day.',
  );
  await page.getByRole('textbox', { name: 'To, Wednesday, time 1' }).fill('12:00');
  await expect(page.getByTestId('weekly-to-error')).toHaveCount(0);
  await hoursScreenshots(page, 'weekly-hours', true);

  // The raw syntax stays available, with the parser's own words while typing.
  const advanced = page.getByRole('switch', { name: 'Advanced: write the opening_hours value yourself' });
  await advanced.click();
  await expect(page.getByTestId('promises-opening-hours')).toHaveValue('Mo-Fr 09:00-12:00; PH off');
  await page.getByTestId('promises-opening-hours').fill('Mo-Fr 25:00-12:00');
  await expect(page.getByTestId('promises-opening-hours-error')).toContainText('Time range starts outside of the current day');
  await expect(advanced).toBeDisabled();
  await page.getByTestId('promises-opening-hours').fill('week 01-26 Mo-Fr 09:00-12:00');
  await expect(page.getByTestId('promises-hours-unreadable')).toContainText('say more than a plain week can show');
  await hoursScreenshots(page, 'weekly-hours-advanced');
  await page.getByTestId('promises-opening-hours').fill('Mo-Fr 09:00-12:00; PH off');
  await expect(advanced).toBeEnabled();
  await advanced.click();
  await expect(page.getByRole('textbox', { name: 'From, Thursday, time 1' })).toHaveValue('09:00');

  await page.getByTestId('promises-response-window').fill('2');
  await page.getByTestId('promises-min-per-week').fill('3');
  await page.getByTestId('promises-public-sentence').fill('We post 3–5 times a week');
  await page.getByTestId('promises-save').click();
  await expect(page.getByText(`Promises of «${channel}» saved.`)).toBeVisible();

  await page.reload();
  const reloaded = page.getByTestId('channel-item').filter({ hasText: channel });
  await expect(reloaded.getByTestId('channel-promises-summary')).toHaveText('at least 3 a week · Mon–Fri 09–12 · answers within 2 h');

  // Opened again, the week is as it was written.
  await reloaded.getByTestId('channel-promises').click();
  await expect(page.getByRole('textbox', { name: 'From, Monday, time 1' })).toHaveValue('09:00');
  await expect(page.getByRole('textbox', { name: 'To, Friday, time 1' })).toHaveValue('12:00');
  await expect(page.locator('[data-testid="weekly-day"][data-day="7"]')).toContainText('Closed');
  await expect(page.getByRole('switch', { name: 'Closed on public holidays' })).toBeChecked();
  await page.getByTestId('promises-cancel').click();

  // The public page says the same in words.
  const me = (await (await page.request.get('/api/me')).json()) as {
    memberships: Array<{ organizationName: string; organizationSlug: string }>;
  };
  const slug = me.memberships.find((membership) => membership.organizationName === `Solsikken barnehage ${run}`)?.organizationSlug;
  expect(slug).toBeTruthy();
  await page.goto(`/public/${slug}?lang=en`);
  const card = page.getByTestId('public-channel').filter({ hasText: channel });
  await expect(card.getByTestId('public-hours')).toContainText('Monday–Friday 9:00–12:00');
  await expect(card.getByTestId('public-hours')).toContainText('Closed on public holidays.');

  // In Norwegian, the week speaks Norwegian.
  await page.request.patch('/api/me', { data: { locale: 'nb' } });
  await page.goto('/');
  // '/' lands on the organisation's calendar; a click before that redirect would be undone by it.
  await expect(page).toHaveURL(/\/calendar/);
  await page.getByTestId('nav-strategy').click();
  await page.getByTestId('strategy-tab-channels').click();
  await page.getByTestId('channel-item').filter({ hasText: channel }).getByTestId('channel-promises').click();
  await expect(page.getByRole('textbox', { name: 'Fra, mandag, tidsrom 1' })).toHaveValue('09:00');
  await expect(page.getByRole('switch', { name: 'Stengt på helligdager' })).toBeChecked();
  await hoursScreenshots(page, 'weekly-hours-nb');
});

/** The service hours (and, with `lower`, what follows the week) at a desktop's and a phone's width, for people to look at (tmp/). */
async function hoursScreenshots(page: Page, name: string, lower = false): Promise<void> {
  const hours = page.locator('kd-service-hours-fields');
  await expect(page.locator('mat-snack-bar-container')).toHaveCount(0, { timeout: 15_000 });
  for (const [width, height] of [
    [1280, 800],
    [390, 844],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.getByTestId('promises-hours-advanced').evaluate((toggle) => toggle.scrollIntoView({ block: 'center' }));
    await page.screenshot({ path: `tmp/${name}-${width}.png`, animations: 'disabled' });
    if (lower) {
      await page.getByTestId('promises-hours-written').evaluate((written) => written.scrollIntoView({ block: 'center' }));
      await page.screenshot({ path: `tmp/${name}-lower-${width}.png`, animations: 'disabled' });
    }
    // Nothing in the hours reaches past their own edge, so nothing is cut off or scrolls sideways.
    const overflowing = await hours.evaluate((host) => {
      const right = host.getBoundingClientRect().right + 1;
      return [...host.querySelectorAll('*')]
        .filter((element) => element.getBoundingClientRect().right > right && element.getClientRects().length > 0)
        .map((element) => `${element.tagName.toLowerCase()}.${[...element.classList].join('.')}`);
    });
    expect(overflowing, `at ${width} px`).toEqual([]);
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}
