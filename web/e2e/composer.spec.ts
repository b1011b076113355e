import { resolve } from 'node:path';

import { expect, type Page, test } from './support/test';

const DEMO_PASSWORD = 'kadens-demo';
const SCREENS = resolve(__dirname, '../../tmp/screens');
/** A winter day far ahead (no DST switch near it): 14:00 in Oslo is 13:00 UTC. */
const DATE = '2031-01-14';

/** Both sizes, for people to look at (tmp/screens). */
async function screenshots(page: Page, name: string): Promise<void> {
  for (const [size, width, height] of [
    ['desktop', 1280, 800],
    ['phone', 390, 844],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `${SCREENS}/composer-${name}-${size}.png` });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

async function create(page: Page, path: string, data: object): Promise<string> {
  const response = await page.request.post(path, { data });
  expect(response.status(), `POST ${path}`).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

test('the composer asks before Escape throws text away, and plans in Norwegian 24-hour Oslo time', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('login-email').fill('editor@kadens.demo');
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('nav-calendar')).toBeVisible();
  // The organisation's own language (nb), in an American browser (the config's en-US).
  expect((await page.request.patch('/api/me', { data: { locale: null } })).ok()).toBe(true);
  const me = (await (await page.request.get('/api/me')).json()) as {
    memberships: Array<{ organizationId: string; organizationSlug: string }>;
  };
  const organizationId = me.memberships.find((membership) => membership.organizationSlug === 'fjordvik')?.organizationId ?? '';
  const api = `/api/organizations/${organizationId}`;
  const run = Date.now().toString(36);
  const themeId = await create(page, `${api}/themes`, { name: `Skole ${run}`, color: '#1e88e5' });
  const channelId = await create(page, `${api}/channels`, { platform: 'mastodon', name: `Fjordvik på Mastodon ${run}` });

  await page.goto(`/o/${organizationId}/calendar?view=month&date=${DATE}`);
  await expect(page.getByTestId('calendar-time-zone')).toHaveText('Klokkeslett i Europe/Oslo');

  // A clean composer closes on Escape without a question.
  await page.getByTestId('calendar-new-post').click();
  await expect(page.getByTestId('composer')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('composer')).toHaveCount(0);

  // Typed text: Escape asks, and "keep editing" keeps the text and the focus in the composer.
  await page.getByTestId('calendar-new-post').click();
  // The dialog puts the focus on its first field (the channels) when its opening has finished; on a busy
  // machine that can come after a fill, and "keep editing" would then rightly go back to the channels.
  await expect(page.getByTestId('composer').locator(':focus')).toHaveCount(1);
  await page.getByTestId('composer-title').fill('Skolestart');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('alertdialog')).toContainText('Forkaste endringene?');
  await expect(page.getByTestId('composer-keep-editing')).toBeFocused();
  await screenshots(page, 'discard');
  await page.getByTestId('composer-keep-editing').click();
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  await expect(page.getByTestId('composer-title')).toHaveValue('Skolestart');
  await expect(page.getByTestId('composer-title')).toBeFocused();
  await page.getByTestId('composer-body').fill('Velkommen tilbake etter juleferien!');

  // The time: a Norwegian date and a 24-hour clock, meant in Oslo whatever the browser's zone.
  await page.getByTestId('composer-theme').click();
  await page.getByTestId(`composer-theme-option-${themeId}`).click();
  await page.getByTestId('composer-planned-date').fill('14.01.2031');
  await page.getByTestId('composer-planned-time').fill('14');
  await page.getByTestId('composer-planned-time').press('Tab');
  await expect(page.getByTestId('composer-planned-date')).toHaveValue('14.01.2031');
  await expect(page.getByTestId('composer-planned-time')).toHaveValue('14:00');
  await expect(page.getByTestId('composer-planned-at')).toHaveAttribute('data-wall-clock', `${DATE}T14:00`);
  await page.getByTestId(`composer-channel-${channelId}`).click();
  await page.getByTestId('composer-planned-at').getByRole('button').click();
  await expect(page.locator('mat-datepicker-content')).toBeVisible();
  await screenshots(page, 'datepicker');
  // Escape closes the calendar popup only, not the composer.
  await page.keyboard.press('Escape');
  await expect(page.locator('mat-datepicker-content')).toHaveCount(0);
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  await screenshots(page, 'time');

  const answer = page.waitForResponse((response) => response.url().endsWith(`${api}/posts`) && response.request().method() === 'POST');
  await page.getByTestId('composer-save').click();
  const saved = await answer;
  expect(saved.status()).toBe(201);
  expect(((await saved.json()) as { plannedAt: string }).plannedAt).toBe('2031-01-14T13:00:00.000Z');
  // Saved: nothing to ask about.
  await expect(page.getByTestId('composer')).toHaveCount(0);
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
});
