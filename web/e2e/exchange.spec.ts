import ICAL from 'ical.js';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { expectNoSeriousA11yViolations } from './support/accessibility';
import { created, logInAs, organizationIdOf } from './support/members';
import { expect, type Page, test } from './support/test';

/** A month far enough ahead to be empty on every run, without a DST change in Oslo. */
const MONTH = '2031-02';
const SCREENS = resolve(__dirname, '../../tmp/screenshots');

async function screenshots(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SCREENS}/exchange-${name}-desktop.png` });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${SCREENS}/exchange-${name}-phone.png` });
  await page.setViewportSize({ width: 1280, height: 800 });
}

test.describe('the plan in and out of Kadens', () => {
  test('an editor imports a CSV with one bad row: sees the error, imports the rest, sees the drafts; then exports', async ({ browser }) => {
    const { page, context } = await logInAs(browser, 'editor@kadens.demo');
    const organizationId = await organizationIdOf(page, 'fjordvik');
    const api = `/api/organizations/${organizationId}`;
    const run = Date.now().toString(36);
    await created(page, `${api}/themes`, { name: `Import ${run}`, color: '#1e88e5' });
    await created(page, `${api}/channels`, { platform: 'mastodon', name: `Mastodon ${run}` });

    const csv = [
      'Dato;Klokkeslett;Kanaler;Tittel;Tekst;Tema;Dialog',
      `03.02.2031;09:00;Mastodon ${run};Vinterferie ${run};Slik blir vinterferien.;Import ${run};nei`,
      `05.02.2031;kl. 12.30;Mastodon ${run};Skøytebane ${run};Banen er åpen!;Import ${run};ja`,
      `07.02.2031;10:00;Facebook ${run};Feil kanal ${run};Tekst;Import ${run};nei`,
    ].join('\r\n');

    await page.goto(`/o/${organizationId}/calendar?view=month&date=${MONTH}-01`);
    await page.getByTestId('calendar-import').click();
    await page
      .getByTestId('import-file')
      .setInputFiles({ name: 'plan.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${csv}`, 'utf8') });
    await page.getByTestId('import-check').click();

    await expect(page.getByTestId('import-summary')).toContainText('3 rows');
    const bad = page.getByTestId('import-row-4');
    await expect(bad).toHaveAttribute('data-status', 'invalid');
    await expect(bad.getByTestId('import-issue-channels')).toContainText(`No channel is called “Facebook ${run}”`);
    await expect(bad.locator('.exchange-cell--error')).toHaveCount(1);
    await screenshots(page, 'import-preview');
    await expectNoSeriousA11yViolations(page, 'import preview');

    await page.getByTestId('import-run').click();
    await expect(page.getByTestId('import-done')).toContainText('2 drafts imported');
    await page.getByTestId('import-finish').click();
    const calendar = page.getByTestId('calendar');
    await expect(calendar.locator('[data-testid^="calendar-post-"]').filter({ hasText: `Vinterferie ${run}` })).toBeVisible();
    await expect(calendar.locator('[data-testid^="calendar-post-"]').filter({ hasText: `Skøytebane ${run}` })).toHaveAttribute(
      'data-state',
      'draft',
    );

    // The export holds what the calendar shows, in the import's columns.
    const downloading = page.waitForEvent('download');
    await page.getByTestId('calendar-export').click();
    const download = await downloading;
    const exported = readFileSync(await download.path(), 'utf8');
    expect(exported.startsWith('\uFEFFDato;Tid;Kanaler;Tittel;Tekst;Tema;')).toBe(true);
    expect(exported).toContain(`2031-02-05;12:30;Mastodon ${run};Skøytebane ${run};Banen er åpen!;Import ${run}`);
    await context.close();
  });

  test('an editor makes a calendar address, a calendar app reads it (RFC 5545), and a revoked one stops', async ({ browser }) => {
    const { page, context } = await logInAs(browser, 'editor@kadens.demo');
    const organizationId = await organizationIdOf(page, 'fjordvik');
    const api = `/api/organizations/${organizationId}`;
    const run = Date.now().toString(36);
    const themeId = await created(page, `${api}/themes`, { name: `Feed ${run}`, color: '#8e24aa' });
    const channelId = await created(page, `${api}/channels`, { platform: 'bluesky', name: `Bluesky ${run}` });
    const [news] = (await (await page.request.get(`${api}/content-types`)).json()) as Array<{ id: string }>;
    const plannedAt = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000 + 7 * 86_400_000).toISOString();
    const postId = await created(page, `${api}/posts`, {
      title: `In the feed ${run}`,
      body: 'Soon.',
      contentTypeId: news?.id,
      themeId,
      plannedAt,
      targets: [{ channelId }],
    });
    await page.goto(`/o/${organizationId}/calendar?view=month&date=${MONTH}-01`);
    await page.getByTestId('calendar-subscribe').click();
    await page.getByTestId('feed-create').click();
    const url = await page.getByTestId('feed-url').inputValue();
    expect(url).toMatch(/\/api\/calendar-feeds\/[A-Za-z0-9_-]{43}\.ics$/);
    await screenshots(page, 'subscribe');
    await expectNoSeriousA11yViolations(page, 'subscribe in your calendar');

    // Fetched without the session, as a calendar app would.
    const outsider = await browser.newContext({ baseURL: test.info().project.use.baseURL });
    const feed = await outsider.request.get(new URL(url).pathname);
    expect(feed.status()).toBe(200);
    expect(feed.headers()['content-type']).toContain('text/calendar');
    const calendar = new ICAL.Component(ICAL.parse(await feed.text()));
    expect(calendar.getFirstPropertyValue('refresh-interval')?.toString()).toBe('PT1H');
    const events = calendar.getAllSubcomponents('vevent').map((event) => new ICAL.Event(event));
    const ours = events.find((event) => event.uid.startsWith(`${postId}@`));
    expect(ours?.summary).toBe(`In the feed ${run} [Draft]`);
    expect(ours?.startDate.zone?.tzid).toBe('UTC');
    expect(ours?.startDate.toJSDate().toISOString()).toBe(plannedAt);
    expect(String(ours?.component.getFirstPropertyValue('url'))).toContain(`/o/${organizationId}/approvals/${postId}`);

    await page.getByTestId('feed-revoke').first().click();
    await expect(page.getByTestId('feed-list')).toHaveCount(0);
    expect((await outsider.request.get(new URL(url).pathname)).status()).toBe(410);
    await outsider.close();
    await context.close();
  });
});
