import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { expectNoSeriousA11yViolations } from './support/accessibility';
import { logInAs, organizationIdOf } from './support/members';
import { expect, type Page, test } from './support/test';

const SCREENS = resolve(__dirname, '../../tmp/screenshots');

/** The page as it opens, and its sections one by one (the shell scrolls its own main area, so a full-page shot would not show them). */
async function screenshots(page: Page, name: string): Promise<void> {
  const shoot = async (size: string) => {
    await page.screenshot({ path: `${SCREENS}/reports-${name}-${size}.png` });
    for (const section of ['report-groups', 'report-top-posts', 'report-content-types', 'report-posts']) {
      await page.getByTestId(section).screenshot({ path: `${SCREENS}/reports-${name}-${size}-${section.slice('report-'.length)}.png` });
    }
    await page.evaluate(() => window.scrollTo(0, 0));
  };
  await shoot('desktop');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(400);
  // At phone width the page itself never scrolls sideways: wide tables scroll inside their own box.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await shoot('phone');
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.waitForTimeout(300);
}

/** Whether the chart's canvas has anything drawn on it (Chart.js drew bars, not an empty box). */
async function chartHasInk(page: Page): Promise<boolean> {
  return page.getByTestId('report-chart-canvas').evaluate((canvas: HTMLCanvasElement) => {
    const context = canvas.getContext('2d');
    if (!context || canvas.width === 0 || canvas.height === 0) return false;
    const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
    for (let i = 3; i < pixels.length; i += 4) if ((pixels[i] ?? 0) > 0) return true;
    return false;
  });
}

test.describe('reports', () => {
  test('the demo admin opens Reports for Fjordvik: a chart and its table, another grouping, the CSV read back', async ({ browser }) => {
    const { page, context } = await logInAs(browser, 'admin@kadens.demo');
    const organizationId = await organizationIdOf(page, 'fjordvik');
    await page.goto(`/o/${organizationId}/reports`);

    await expect(page.getByRole('heading', { level: 1, name: 'Reports' })).toBeVisible();
    await expect(page.getByTestId('report-period')).toContainText('Last 12 months');
    await expect(page.getByTestId('report-group-by')).toContainText('Theme');
    // The demo organisation's year of published posts and results, marked as demo.
    await expect(page.getByTestId('report-demo-badge')).toBeVisible();
    await expect(page.getByTestId('report-total-posts').getByTestId('report-total-value')).not.toHaveText('0');

    const canvas = page.getByTestId('report-chart-canvas');
    await expect(canvas).toHaveAttribute('role', 'img');
    await expect(canvas).toHaveAttribute('aria-label', /^Bar chart of Engagement per theme.*The table below gives every number\.$/);
    await expect.poll(() => chartHasInk(page)).toBe(true);

    const table = page.getByTestId('report-groups-table');
    await expect(table).toHaveAttribute('data-group-by', 'theme');
    await expect(table.locator('caption')).toContainText('Results per theme');
    await expect(table.locator('thead th').first()).toHaveText('Theme');
    const themes = await table.getByTestId('report-group-row').locator('th').allTextContents();
    expect(themes.length).toBeGreaterThan(0);

    await expect(page.getByTestId('report-top-posts').getByTestId('report-ranked-post')).toHaveCount(5);
    await expect(page.getByTestId('report-posts-table').getByTestId('report-post-row').first()).toBeVisible();
    await expect(page.getByTestId('report-content-types-table')).toBeVisible();

    await screenshots(page, 'theme');
    await expectNoSeriousA11yViolations(page, 'reports');

    // Another grouping: the address says so, and the table changes with it.
    await page.getByTestId('report-group-by').click();
    await page.getByTestId('report-group-by-audience').click();
    await expect(page).toHaveURL(/[?&]groupBy=audience\b/);
    await expect(table).toHaveAttribute('data-group-by', 'audience');
    await expect(table.locator('thead th').first()).toHaveText('Audience');
    await expect(table.locator('caption')).toContainText('Results per audience');
    await expect(canvas).toHaveAttribute('aria-label', /^Bar chart of Engagement per audience/);
    const audiences = await table.getByTestId('report-group-row').locator('th').allTextContents();
    expect(audiences.length).toBeGreaterThan(0);
    expect(audiences).not.toEqual(themes);

    // The view is in the address: a reload shows the same.
    await page.reload();
    await expect(page.getByTestId('report-groups-table')).toHaveAttribute('data-group-by', 'audience');

    // Export: the file is fetched with the session and saved under the period's name.
    const downloading = page.waitForEvent('download');
    await page.getByTestId('report-export').click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^kadens-report-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync(await download.path(), 'utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv
      .slice(1)
      .split('\r\n')
      .filter((line) => line !== '');
    expect(lines[0]?.startsWith('Published;Channel;Platform;Title;')).toBe(true);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines[1]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2};/);

    await context.close();
  });

  test('a period with nothing published says so and offers a way on', async ({ browser }) => {
    const { page, context } = await logInAs(browser, 'admin@kadens.demo');
    const organizationId = await organizationIdOf(page, 'fjordvik');
    await page.goto(`/o/${organizationId}/reports?period=custom&from=2031-02-01&to=2031-02-28`);
    await expect(page.getByTestId('report-empty')).toContainText('Nothing was published in this period');
    await expectNoSeriousA11yViolations(page, 'reports, empty');
    await page.getByTestId('report-empty-longer').click();
    await expect(page).toHaveURL(new RegExp(`/o/${organizationId}/reports$`));
    await expect(page.getByTestId('report-groups-table')).toBeVisible();
    await context.close();
  });
});
