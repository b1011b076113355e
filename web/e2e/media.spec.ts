import { resolve } from 'node:path';

import sharp from 'sharp';

import { FakeMastodon } from '../../libs/api/platforms/src/testing/fake-mastodon';
import { expectNoSeriousA11yViolations } from './support/accessibility';
import { created, logInAs, organizationIdOf } from './support/members';
import { expect, type Page, test } from './support/test';

const SCREENS = resolve(__dirname, '../../tmp/screenshots');

/** Both sizes, for people to look at (tmp/screenshots). */
async function screenshots(page: Page, name: string): Promise<void> {
  for (const [size, width, height] of [
    ['desktop', 1280, 800],
    ['phone', 390, 844],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `${SCREENS}/media-${name}-${size}.png`, animations: 'disabled' });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

/** A small JPEG of one colour, made here, so no photo of anyone is committed. */
async function photo(red: number, green: number, blue: number): Promise<string> {
  const jpeg = await sharp({ create: { width: 320, height: 240, channels: 3, background: { r: red, g: green, b: blue } } })
    .jpeg({ quality: 80 })
    .toBuffer();
  return jpeg.toString('base64');
}

/** Drops files on an element as a person dragging them from the desktop does (a real DataTransfer with Files). */
async function dropFiles(page: Page, testId: string, files: Array<{ name: string; base64: string }>): Promise<void> {
  const dataTransfer = await page.evaluateHandle((list) => {
    const transfer = new DataTransfer();
    for (const file of list) {
      const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
      transfer.items.add(new File([bytes], file.name, { type: 'image/jpeg' }));
    }
    return transfer;
  }, files);
  const target = page.getByTestId(testId);
  await target.dispatchEvent('dragover', { dataTransfer });
  await target.dispatchEvent('drop', { dataTransfer });
}

/** A weekday next month at 10:00 UTC: always ahead, so the post cannot expire during the test. */
function weekdayNextMonth(): Date {
  const now = new Date();
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 10, 10, 0, 0));
  while (day.getUTCDay() === 0 || day.getUTCDay() === 6) day.setUTCDate(day.getUTCDate() + 1);
  return day;
}

test('an editor drops two photos into the composer, describes them and submits; the approver sees both with their alt texts; the Mastodon instance receives both with their descriptions', async ({
  browser,
}) => {
  test.setTimeout(420_000);
  const mastodon = new FakeMastodon();
  const instanceUrl = await mastodon.start();
  const admin = await logInAs(browser, 'admin@kadens.demo');
  const editor = await logInAs(browser, 'editor@kadens.demo');
  const approver = await logInAs(browser, 'approver@kadens.demo');
  try {
    const organizationId = await organizationIdOf(editor.page, 'fjordvik');
    const api = `/api/organizations/${organizationId}`;
    const run = Date.now().toString(36);
    const themeId = await created(editor.page, `${api}/themes`, { name: `Vinter ${run}`, color: '#1e88e5' });
    const channelId = await created(editor.page, `${api}/channels`, { platform: 'mastodon', name: `Mastodon ${run}` });
    // The channel is connected to a local Mastodon instance (the fake keeps Mastodon's documented API), and one
    // approval is enough in Fjordvik.
    const connected = await admin.page.request.put(`${api}/channels/${channelId}/connection`, {
      data: { baseUrl: instanceUrl, credentials: { accessToken: mastodon.accessToken } },
    });
    expect(connected.ok(), await connected.text()).toBe(true);
    const policy = await admin.page.request.patch(`${api}/approval-policy`, {
      data: { approvalsRequired: 1, adminApprovalRequired: false },
    });
    expect(policy.ok()).toBe(true);
    const title = `Snødag i barnehagen ${run}`;
    const date = weekdayNextMonth().toISOString().slice(0, 10);

    const page = editor.page;
    await page.goto(`/o/${organizationId}/calendar?view=month&date=${date}`);
    await page.getByTestId('calendar-new-post').click();
    await expect(page.getByTestId('composer')).toBeVisible();
    await page.getByTestId('composer-title').fill(title);
    await page.getByTestId('composer-body').fill('Endelig snø! Barna har bygget snømenn hele dagen.');
    await page.getByTestId('composer-theme').click();
    await page.getByTestId(`composer-theme-option-${themeId}`).click();
    await page.getByTestId(`composer-channel-${channelId}`).click();

    // Two photos at once, each with its own upload.
    const snow = `snomann-${run}.jpg`;
    const sledge = `IMG_${run}.jpg`;
    await dropFiles(page, 'composer-media-drop', [
      { name: snow, base64: await photo(230, 240, 250) },
      { name: sledge, base64: await photo(40, 90, 160) },
    ]);
    const media = page.getByTestId('composer-medium');
    await expect(media).toHaveCount(2);
    await expect(media.nth(0)).toHaveAttribute('data-state', 'ready');
    await expect(media.nth(1)).toHaveAttribute('data-state', 'ready');
    await expect(media.nth(0).locator('img')).toBeVisible();
    await expect(page.getByTestId(`composer-media-rules-${channelId}`)).toContainText('Media: 2 of at most 4 images or 1 video');

    // Submitting without alt texts is refused, naming the image, and the focus goes to its field.
    await page.getByTestId('composer-submit').click();
    await expect(page.getByTestId('composer-medium-alt-missing').first()).toContainText(`The image “${snow}” needs a text alternative`);
    await expect(media.nth(0).getByTestId('composer-medium-alt')).toBeFocused();

    // The second photo's file name is no description: the composer says so.
    await media.nth(1).getByTestId('composer-medium-alt').fill(`IMG ${run}`);
    await expect(media.nth(1).getByTestId('composer-medium-alt-filename')).toBeVisible();
    await media.nth(0).getByTestId('composer-medium-alt').fill('Tre barn bygger en snømann foran barnehagen');
    await media.nth(1).getByTestId('composer-medium-alt').fill('Barn som aker ned en bakke på blå akebrett');
    // Keyboard reordering: the second photo first, the focus stays on its button.
    await media.nth(1).getByTestId('composer-medium-up').focus();
    await page.keyboard.press('Enter');
    await expect(media.nth(0)).toContainText(sledge);
    await expect(page.getByTestId('composer-media-announcement')).toContainText(`${sledge} is now number 1 of 2`);
    await media.nth(0).getByTestId('composer-medium-down').click();
    await expect(media.nth(0)).toContainText(snow);

    await screenshots(page, 'composer');
    await expectNoSeriousA11yViolations(page, 'composer with media');

    // "Submit for approval" saves the post (the alt texts first) and sends it to review.
    await page.getByTestId('composer-submit').click();
    await expect(page.getByTestId('composer')).toHaveCount(0);

    // The approver sees both, in order, with their alt texts.
    const inbox = (await (await approver.page.request.get(`${api}/approvals/inbox`)).json()) as Array<{ postId: string; title: string }>;
    const submitted = inbox.find((entry) => entry.title === title);
    expect(submitted, 'the post waits for the approver').toBeDefined();
    await approver.page.goto(`/o/${organizationId}/approvals/${submitted?.postId}`);
    const reviewed = approver.page.getByTestId('review-medium');
    await expect(reviewed).toHaveCount(2);
    await expect(reviewed.nth(0).getByTestId('review-medium-alt')).toHaveText('Tre barn bygger en snømann foran barnehagen');
    await expect(reviewed.nth(1).getByTestId('review-medium-alt')).toHaveText('Barn som aker ned en bakke på blå akebrett');
    await expect(reviewed.nth(0).locator('a')).toHaveAttribute('href', /\/media\/[0-9a-f-]+\/content$/);
    await expect(reviewed.nth(0).locator('img')).toBeVisible();
    await screenshots(approver.page, 'review');

    // It goes out: the editor gives it a time a minute or two ahead (sent for sign-off again if that edit needs
    // it), the approver approves it, and the worker publishes both photos, in order, with their descriptions.
    const postId = submitted?.postId ?? '';
    const plannedAt = new Date(Math.ceil((Date.now() + 90_000) / 60_000) * 60_000).toISOString();
    const moved = await editor.page.request.patch(`${api}/posts/${postId}`, { data: { plannedAt } });
    expect(moved.ok(), await moved.text()).toBe(true);
    if (((await moved.json()) as { state: string }).state !== 'in_review') {
      expect((await editor.page.request.post(`${api}/posts/${postId}/submit`, { data: {} })).ok()).toBe(true);
    }
    const current = (await (await approver.page.request.get(`${api}/posts/${postId}`)).json()) as { revision: number };
    const checklist = (await (await approver.page.request.get(`${api}/checklist`)).json()) as Array<{ id: string; archived: boolean }>;
    const approved = await approver.page.request.post(`${api}/posts/${postId}/approve`, {
      data: { revision: current.revision, checklist: checklist.filter((item) => !item.archived).map((item) => item.id) },
    });
    expect(approved.ok(), await approved.text()).toBe(true);
    await expect.poll(() => mastodon.statuses.length, { timeout: 240_000, intervals: [2_000] }).toBe(1);
    const [status] = mastodon.statuses;
    expect(status?.content).toContain('Endelig snø!');
    expect(status?.mediaIds.map((id) => mastodon.media.find((medium) => medium.id === id)?.description)).toEqual([
      'Tre barn bygger en snømann foran barnehagen',
      'Barn som aker ned en bakke på blå akebrett',
    ]);
    expect(mastodon.media).toHaveLength(2);
    expect(mastodon.media.every((medium) => medium.mimeType === 'image/jpeg' && medium.data.length > 0)).toBe(true);

    // The library: search by alt text, and deleting a medium a planned post uses names the post.
    await page.goto(`/o/${organizationId}/media`);
    await expect(page.getByTestId('nav-media')).toHaveAttribute('aria-current', 'page');
    await page.getByTestId('media-library-search').fill('snømann foran');
    await page.getByTestId('media-library-search-button').click();
    const items = page.getByTestId('media-library-item');
    await expect(items).toHaveCount(1);
    await expect(items.first().getByTestId('media-library-alt-text')).toHaveText('Tre barn bygger en snømann foran barnehagen');
    await items.first().getByTestId('media-library-delete').click();
    await page.getByTestId('confirm-accept').click();
    await expect(page.getByTestId('media-in-use')).toContainText(title);
    await screenshots(page, 'library');
    await page.getByRole('button', { name: 'Close' }).first().click();

    // The alt text can be fixed in the library; the keyboard focus comes back to the button.
    await items.first().getByTestId('media-library-edit').click();
    await expect(items.first().getByTestId('media-library-alt')).toBeFocused();
    await items.first().getByTestId('media-library-alt').fill('Tre barn bygger en stor snømann foran barnehagen');
    await items.first().getByTestId('media-library-alt-save').click();
    await expect(items.first().getByTestId('media-library-alt-text')).toHaveText('Tre barn bygger en stor snømann foran barnehagen');
    await expect(items.first().getByTestId('media-library-edit')).toBeFocused();

    // Uploading there too, with its progress, then the library lists it.
    const skates = `skoyter-${run}.jpg`;
    await page.getByTestId('media-library-input').setInputFiles({
      name: skates,
      mimeType: 'image/jpeg',
      buffer: Buffer.from(await photo(200, 60, 60), 'base64'),
    });
    await expect(page.getByTestId('media-library-upload-item').filter({ hasText: skates })).toHaveAttribute('data-state', 'done');
    await page.getByTestId('media-library-search').fill(skates);
    await page.getByTestId('media-library-search-button').click();
    await expect(items).toHaveCount(1);
    await expect(items.first()).toContainText('No alt text');

    // A new post reuses it: "choose from library" finds it by name.
    await page.goto(`/o/${organizationId}/calendar?view=month&date=${date}`);
    await page.getByTestId('calendar-new-post').click();
    await page.getByTestId('composer-media-library').click();
    await page.getByTestId('media-picker-search').fill(skates);
    await page.getByTestId('media-picker-search').press('Enter');
    await expect(page.getByTestId('media-picker-item')).toHaveCount(1);
    await page.getByTestId('media-picker-item').click();
    await expectNoSeriousA11yViolations(page, 'choose from library');
    await page.getByTestId('media-picker-add').click();
    await expect(page.getByTestId('composer-medium')).toHaveCount(1);
    await expect(page.getByTestId('composer-medium')).toContainText(skates);
    await expectNoSeriousA11yViolations(page, 'media library');
  } finally {
    await admin.context.close();
    await editor.context.close();
    await approver.context.close();
    await mastodon.stop();
  }
});
