import { expect, type Page, test } from './support/test';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

import { approvedWebhookPost } from './support/approved-post';
import { logInAs as logIn } from './support/members';
import { Receiver } from './support/webhook-receiver';

const SCREENS = resolve(__dirname, '../../tmp/screenshots');
const PHONE = { width: 390, height: 844 };

async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENS, { recursive: true });
  await page.screenshot({ path: `${SCREENS}/post-states-${name}.png`, animations: 'disabled' });
}

test('a published post says "Publisert" with its link on the review page, the calendar and in a read-only composer', async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const receiver = new Receiver();
  const hookUrl = await receiver.start();
  const admin = await logIn(browser, 'admin@kadens.demo', 'en');
  const editor = await logIn(browser, 'editor@kadens.demo', 'nb');
  const approver = await logIn(browser, 'approver@kadens.demo', 'en');
  try {
    const { organizationId, postId, plannedAt } = await approvedWebhookPost({ admin, editor, approver }, hookUrl, {
      theme: 'Ferries',
      title: 'Ferjen går igjen',
      body: 'Ferjen mellom Fjordvik og Holmen går som normalt igjen',
    });

    // The editor (in Norwegian) keeps the review page open: "Godkjent" or "I kø" (the dispatcher may already
    // have queued it) turns to "Publisert" live.
    const page = editor.page;
    await page.goto(`/o/${organizationId}/approvals/${postId}`);
    const state = page.getByTestId('review-state');
    await expect(state).toHaveAttribute('data-state', /^(approved|queued)$/);
    await expect(state).toContainText(/Godkjent|I kø/);
    await expect(state).toHaveAttribute('data-state', 'published', { timeout: 200_000 });
    await expect(state).toContainText('Publisert');
    const reviewDelivery = page.getByTestId('review-delivery');
    await expect(reviewDelivery.getByTestId('delivery-link')).toHaveAttribute('href', /intranett\.fjordvik\.example/);
    await expect(page.getByTestId('review-edit')).toHaveCount(0);
    await expect(page.getByTestId('review-cancel')).toHaveCount(0);
    await screenshot(page, 'review-desktop');

    // After a reload the calendar says the same: published, not approved.
    const day = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(
      plannedAt,
    );
    await page.goto(`/o/${organizationId}/calendar?view=month&date=${day}`);
    const entry = page.getByTestId(`calendar-post-${postId}`);
    await expect(entry).toHaveAttribute('data-state', 'published', { timeout: 30_000 });
    await expect(entry).toContainText('Publisert');
    await expect(entry).not.toContainText('Godkjent');
    await expect(entry.locator('kd-target-delivery-mark [data-state="published"]')).toHaveAttribute('aria-label', `Webhook: Publisert`);
    await entry.scrollIntoViewIfNeeded();
    await screenshot(page, 'calendar-desktop');

    // Opened from the calendar, the post is read-only: "Innlegg", no save or delete, its delivery with the link.
    await entry.click();
    const composer = page.getByTestId('composer');
    await expect(composer.getByRole('heading', { name: 'Innlegg', exact: true })).toBeVisible();
    await expect(composer.getByTestId('composer-state')).toHaveAttribute('data-state', 'published');
    await expect(composer.getByTestId('composer-delivered')).toBeVisible();
    await expect(composer.getByTestId('composer-save')).toHaveCount(0);
    await expect(composer.getByTestId('composer-delete')).toHaveCount(0);
    await expect(composer.getByTestId('composer-title')).toBeDisabled();
    await expect(composer.getByTestId('delivery-panel').getByTestId('delivery-link')).toHaveAttribute(
      'href',
      /intranett\.fjordvik\.example/,
    );
    await screenshot(page, 'composer-desktop');

    // The same on a phone.
    await page.setViewportSize(PHONE);
    await expect(composer.getByTestId('composer-state')).toBeVisible();
    await screenshot(page, 'composer-phone');
    await composer.getByTestId('composer-cancel').click();
    await expect(composer).toHaveCount(0);
    await page.goto(`/o/${organizationId}/calendar?date=${day}`);
    await expect(page.getByTestId(`calendar-post-${postId}`)).toContainText('Publisert', { timeout: 30_000 });
    await page.getByTestId(`calendar-post-${postId}`).scrollIntoViewIfNeeded();
    await screenshot(page, 'calendar-phone');
    await page.goto(`/o/${organizationId}/approvals/${postId}`);
    await expect(page.getByTestId('review-state')).toContainText('Publisert');
    await expect(page.getByTestId('review-delivery').getByTestId('delivery-link')).toBeVisible();
    await screenshot(page, 'review-phone');

    expect(receiver.publishes).toHaveLength(1);
  } finally {
    for (const member of [admin, editor, approver]) {
      await member.page.request.patch('/api/me', { data: { locale: null } });
      await member.context.close();
    }
    await receiver.stop();
  }
});
