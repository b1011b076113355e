import { expect, type Page, test } from './support/test';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

const DEMO_PASSWORD = 'kadens-demo';
/** A month no other spec plans in, without a DST change in Oslo. */
const MONTH = '2032-03';
const DAY = `${MONTH}-10`;
const SCREENS = resolve(__dirname, '../../tmp/screenshots');
const PHONE = { width: 390, height: 844 };

test.use({ viewport: PHONE });

async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENS, { recursive: true });
  await page.screenshot({ path: `${SCREENS}/phone-${name}.png`, animations: 'disabled' });
}

async function created(page: Page, path: string, data: object): Promise<string> {
  const response = await page.request.post(path, { data });
  expect(response.status(), `POST ${path}`).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

test('on a phone (390×844) the calendar fits: one toolbar row, the list first, filters in a sheet, days that never overflow, channels first in the composer', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByTestId('login-email').fill('editor@kadens.demo');
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('org-switcher')).toBeVisible();

  const me = (await (await page.request.get('/api/me')).json()) as {
    memberships: Array<{ organizationId: string; organizationSlug: string }>;
  };
  const organizationId = me.memberships.find((membership) => membership.organizationSlug === 'fjordvik')?.organizationId ?? '';
  expect(organizationId).not.toBe('');
  await page.request.patch('/api/me', { data: { locale: 'en' } });
  try {
    const api = `/api/organizations/${organizationId}`;
    const run = Date.now().toString(36);
    const themeId = await created(page, `${api}/themes`, { name: `Phone ${run}`, color: '#00897b' });
    const channelId = await created(page, `${api}/channels`, { platform: 'mastodon', name: `Fjordvik on Mastodon ${run}` });
    const contentTypes = (await (await page.request.get(`${api}/content-types`)).json()) as Array<{ id: string; key: string | null }>;
    const news = contentTypes.find((type) => type.key === 'news')?.id ?? '';
    // Five posts on one day, with long titles: more than a phone's day cell can hold.
    for (const hour of ['07', '08', '09', '10', '11']) {
      await created(page, `${api}/posts`, {
        title: `Opening hours of the municipal swimming pool during the winter holiday ${hour}`,
        body: 'The swimming pool keeps holiday hours.',
        contentTypeId: news,
        themeId,
        plannedAt: `${DAY}T${hour}:00:00Z`,
        targets: [{ channelId }],
      });
    }

    // A URL without a view: the phone opens the list, and the first screen shows posts.
    await page.goto(`/o/${organizationId}/calendar?date=${DAY}`);
    const calendar = page.getByTestId('calendar');
    await expect(calendar).toHaveAttribute('data-view', 'list');
    const firstPost = calendar.locator('[data-testid^="calendar-post-"]').first();
    await expect(firstPost).toBeVisible();
    const firstPostBox = await firstPost.boundingBox();
    expect(firstPostBox, 'the first post of the list').not.toBeNull();
    expect((firstPostBox?.y ?? PHONE.height) + (firstPostBox?.height ?? 0)).toBeLessThanOrEqual(PHONE.height);

    // The toolbar keeps to one row: organisation, bell and the person's initials side by side.
    const toolbar = page.locator('.shell__toolbar');
    const toolbarBox = await toolbar.boundingBox();
    expect(toolbarBox?.height ?? 999).toBeLessThanOrEqual(64);
    for (const testId of ['org-switcher', 'user-menu']) {
      const box = await page.getByTestId(testId).boundingBox();
      expect(box, testId).not.toBeNull();
      expect((box?.y ?? 0) + (box?.height ?? 0) / 2, `${testId} sits in the toolbar`).toBeLessThan(
        (toolbarBox?.y ?? 0) + (toolbarBox?.height ?? 0),
      );
    }
    await expect(page.getByTestId('user-menu')).toHaveText('ER');
    // The five filters wait behind one button.
    await expect(page.getByTestId('calendar-filter-theme')).toHaveCount(0);
    await screenshot(page, 'calendar-list');

    // The filters open in a sheet from the bottom; a choice counts on the button and goes into the URL.
    await page.getByTestId('calendar-filters-open').click();
    const sheet = page.locator('mat-bottom-sheet-container');
    await expect(sheet.getByTestId('calendar-filters-sheet')).toBeVisible();
    await expect(sheet.getByTestId('calendar-filter-theme')).toBeVisible();
    await expect(sheet.getByTestId('calendar-filter-initiative')).toBeVisible();
    await screenshot(page, 'calendar-filters-sheet');
    await sheet.getByTestId('calendar-filter-theme').click();
    await page.getByTestId(`calendar-filter-theme-${themeId}`).click();
    await page.keyboard.press('Escape');
    await expect(page).toHaveURL(new RegExp(`[?&]theme=${themeId}(&|$)`));
    await sheet.getByTestId('calendar-filters-done').click();
    await expect(sheet).toHaveCount(0);
    await expect(page.getByTestId('calendar-filters-open')).toHaveText('Filters (1)');

    // The month, when the URL asks for it: each day keeps its posts inside, with "+n more" for the rest.
    await page.goto(`/o/${organizationId}/calendar?view=month&date=${DAY}`);
    await expect(calendar).toHaveAttribute('data-view', 'month');
    const day = calendar.locator(`[data-date="${DAY}"]`).first();
    await expect(day.locator('[data-testid^="calendar-post-"]')).toHaveCount(2);
    await expect(day.locator('.kd-more')).toBeVisible();
    const spills = await calendar.evaluate((root) => {
      const found: string[] = [];
      const inside = (inner: DOMRect, outer: DOMRect) => inner.left >= outer.left - 0.5 && inner.right <= outer.right + 0.5;
      for (const entry of Array.from(root.querySelectorAll<HTMLElement>('[data-testid^="calendar-post-"], .kd-more'))) {
        const cell = entry.closest<HTMLElement>('[data-date]');
        if (!cell) continue;
        const cellBox = cell.getBoundingClientRect();
        for (let element: HTMLElement | null = entry; element && element !== cell; element = element.parentElement) {
          const box = element.getBoundingClientRect();
          // Hidden (behind "+n more") or layout-only elements have no box to spill.
          if (box.width > 0 && !inside(box, cellBox))
            found.push(
              `${cell.dataset['date']}: ${element.className || element.tagName} ${box.left}–${box.right} in ${cellBox.left}–${cellBox.right}`,
            );
        }
        for (const part of Array.from(entry.querySelectorAll<HTMLElement>('*'))) {
          const box = part.getBoundingClientRect();
          if (box.width > 0 && !inside(box, cellBox) && !part.closest('.entry')) found.push(`${cell.dataset['date']}: ${part.className}`);
        }
      }
      return found;
    });
    expect(spills, 'elements wider than their day').toEqual([]);
    await screenshot(page, 'calendar-month');

    // The composer puts the channels before the text fields.
    await page.getByTestId('calendar-new-post').click();
    await expect(page.getByTestId('composer')).toBeVisible();
    const channels = await page.getByTestId('composer-channels').boundingBox();
    const title = await page.getByTestId('composer-title').boundingBox();
    expect(channels, 'the channels').not.toBeNull();
    expect(title, 'the title field').not.toBeNull();
    expect(channels?.y ?? 999).toBeLessThan(title?.y ?? 0);
    await expect(page.getByTestId(`composer-channel-${channelId}`)).toBeInViewport();
    await screenshot(page, 'composer');
  } finally {
    await page.request.patch('/api/me', { data: { locale: null } });
  }
});
