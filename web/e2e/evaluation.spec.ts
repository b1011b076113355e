import { resolve } from 'node:path';

import { expectNoSeriousA11yViolations } from './support/accessibility';
import { created, logInAs, organizationIdOf } from './support/members';
import { expect, type Page, test } from './support/test';

const SCREENS = resolve(__dirname, '../../tmp/screenshots');

/** Last month in Oslo (the demo organisation's zone), e.g. '2026-11'. */
function lastMonthInOslo(now = new Date()): string {
  const [year, month] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit' })
    .format(now)
    .split('-')
    .map(Number) as [number, number];
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
}

/** The top of the page and, scrolled down, the given sections; on a desktop and at 390 px. */
async function screenshots(page: Page, name: string, sections: string[]): Promise<void> {
  for (const [size, viewport] of [
    ['desktop', { width: 1280, height: 800 }],
    ['phone', { width: 390, height: 844 }],
  ] as const) {
    await page.setViewportSize(viewport);
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${SCREENS}/evaluation-${name}-${size}.png` });
    for (const section of sections) {
      await page.getByTestId(section).scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${SCREENS}/evaluation-${name}-${size}-${section}.png` });
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth), `no sideways scrolling on ${size}`).toBeLessThanOrEqual(
      viewport.width,
    );
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

test.describe('the evaluation of a month', () => {
  test('the demo admin opens last month’s evaluation and reads the promises and publishing', async ({ browser }) => {
    const { page, context } = await logInAs(browser, 'admin@kadens.demo');
    const organizationId = await organizationIdOf(page, 'fjordvik');
    const api = `/api/organizations/${organizationId}`;
    // A channel of this run promising three posts a week, so the promises section has a row whatever the demo publishes.
    const run = Date.now().toString(36);
    const channelId = await created(page, `${api}/channels`, { platform: 'mastodon', name: `Mastodon ${run}` });
    const promised = await page.request.put(`${api}/channels/${channelId}/promises`, {
      data: {
        cadence: {
          maxPostsPerDay: null,
          minMinutesBetweenPosts: null,
          minPostsPerWeek: 3,
          maxDaysOfSilence: 4,
          preferredSlots: [],
          publicDescription: 'Three times a week',
        },
        serviceHours: null,
      },
    });
    expect(promised.ok()).toBe(true);

    const period = lastMonthInOslo();
    await page.goto(`/o/${organizationId}/reports/evaluation?period=${period}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Evaluation' })).toBeVisible();
    await expect(page.getByTestId('evaluation-period')).toHaveValue(period);

    const promises = page.getByTestId('evaluation-promises');
    await expect(promises.getByRole('heading', { name: 'Promises kept' })).toBeVisible();
    // The channel was made today: it published nothing last month, so no week reached the minimum.
    await expect(promises.getByTestId('evaluation-promise-sentence').filter({ hasText: `Mastodon ${run}` })).toHaveText(
      new RegExp(`^Mastodon ${run}: 0 of [45] weeks at the promised 3 posts$`),
    );
    await expect(promises.getByRole('table', { name: 'Promises kept per channel' })).toBeVisible();
    await expect(page.getByTestId('evaluation-publishing').getByRole('heading', { name: 'Publishing' })).toBeVisible();
    await expect(page.getByTestId('evaluation-sign-off')).toBeVisible();
    await expect(page.getByTestId('evaluation-settings')).toBeVisible();
    await screenshots(page, 'last-month', ['evaluation-publishing', 'evaluation-goals', 'evaluation-settings']);
    await expectNoSeriousA11yViolations(page, 'evaluation');

    // A quarter from the picker: the address follows, and the page answers for it.
    const quarter = page.getByTestId('evaluation-period').locator('optgroup').nth(1).locator('option').nth(1);
    const quarterKey = (await quarter.getAttribute('value')) ?? '';
    await page.getByTestId('evaluation-period').selectOption(quarterKey);
    await expect(page).toHaveURL(new RegExp(`period=${quarterKey}`));
    await expect(page.getByTestId('evaluation-coverage')).toBeVisible();

    // The Reports page's tab leads back.
    await page.getByTestId('evaluation-tab-results').click();
    await expect(page).toHaveURL(new RegExp(`/o/${organizationId}/reports($|\\?)`));

    // The admin shows "promises kept" on the public page, and a citizen reads it there.
    await page.goto(`/o/${organizationId}/reports/evaluation?period=${period}`);
    await page.getByTestId('evaluation-public-toggle').getByRole('switch').click();
    await expect(page.getByTestId('evaluation-settings')).toContainText('Saved.');
    await page.goto('/public/fjordvik?lang=en');
    await expect(page.getByTestId('public-promises-kept')).toContainText(
      `Mastodon ${run}, at least 3 a week: kept in 0 of the last 12 weeks (0%)`,
    );
    await page.getByTestId('public-promises-kept').screenshot({ path: `${SCREENS}/evaluation-public-promises-kept.png` });
    await expectNoSeriousA11yViolations(page, 'public page with promises kept');
    expect((await page.request.put(`${api}/evaluation/public-promises-kept`, { data: { show: false } })).ok()).toBe(true);
    await context.close();
  });
});
