import { expectNoSeriousA11yViolations } from './support/accessibility';
import { linkIn, waitForMail } from './support/mailbox';
import { created, logInAs, organizationIdOf } from './support/members';
import { expect, test } from './support/test';

test.describe('external sign-off by link', () => {
  test('an editor asks an outside person on the review screen; they approve from the mailed link without logging in', async ({
    browser,
  }) => {
    const run = Date.now().toString(36);
    const email = `jurist-${run}@example.no`;
    const admin = await logInAs(browser, 'admin@kadens.demo');
    const editor = await logInAs(browser, 'editor@kadens.demo');
    const outsider = await browser.newContext({
      baseURL: test.info().project.use.baseURL,
      locale: 'en-US',
      viewport: { width: 390, height: 844 },
    });
    try {
      // A post in review, through the API.
      const organizationId = await organizationIdOf(editor.page, 'fjordvik');
      const base = `/api/organizations/${organizationId}`;
      const themeId = await created(admin.page, `${base}/themes`, { name: `Bridge ${run}`, color: '#1e88e5' });
      const channelId = await created(admin.page, `${base}/channels`, { platform: 'facebook', name: `Facebook ${run}` });
      const contentTypes = (await (await editor.page.request.get(`${base}/content-types`)).json()) as Array<{
        id: string;
        key: string | null;
      }>;
      const postId = await created(editor.page, `${base}/posts`, {
        title: `New bridge ${run}`,
        body: 'The new bridge over the river opens on 10 March.',
        contentTypeId: contentTypes.find((type) => type.key === 'news')?.id,
        themeId,
        plannedAt: new Date(Date.now() + 5 * 86_400_000).toISOString(),
        targets: [{ channelId }],
      });
      expect((await editor.page.request.post(`${base}/posts/${postId}/submit`)).ok(), 'submit').toBe(true);

      // The editor asks someone outside on the review screen.
      await editor.page.goto(`/o/${organizationId}/approvals/${postId}`);
      const panel = editor.page.getByTestId('review-external');
      await expect(panel.getByRole('heading', { name: 'Ask someone outside' })).toBeVisible();
      await panel.getByLabel('Name').fill('Ingrid Jurist');
      await panel.getByLabel('E-mail address').fill(email);
      await panel.getByTestId('external-review-ask').click();
      await expect(panel.getByTestId('external-review-message')).toHaveText('The review link has been sent.');
      await expect(panel.getByTestId('external-review-status').first()).toHaveText('Sent');
      await panel.scrollIntoViewIfNeeded();
      await editor.page.screenshot({ path: 'tmp/screenshots/external-review-panel-1280.png', fullPage: true, animations: 'disabled' });

      // The mail, in Fjordvik's language (bokmål), from the local SMTP test server.
      const mail = await waitForMail(email);
      expect(mail.subject).toContain('Fjordvik');
      const link = linkIn(mail, `${test.info().project.use.baseURL}/external-review/`);

      // The outside person opens it on a phone, with no session.
      const phone = await outsider.newPage();
      await phone.goto(link);
      const title = phone.getByTestId('external-review-title');
      await expect(title).toContainText(`New bridge ${run}`);
      await expect(phone.getByTestId('external-review-channel')).toContainText('The new bridge over the river opens on 10 March.');
      await expect(phone.getByTestId('external-review-approve')).toHaveText('Godkjenn');
      const width = await phone.evaluate(() => document.documentElement.scrollWidth);
      expect(width, 'no sideways scrolling at 390 px').toBeLessThanOrEqual(390);
      await phone.screenshot({ path: 'tmp/screenshots/external-review-page-390.png', fullPage: true, animations: 'disabled' });
      await expectNoSeriousA11yViolations(phone, 'external-review-page');

      // The language picker switches the page to English.
      await phone.getByTestId('language-picker').click();
      await phone.getByTestId('language-option-en').click();
      await expect(phone.getByTestId('external-review-approve')).toHaveText('Approve');
      await phone.setViewportSize({ width: 1280, height: 800 });
      await phone.screenshot({ path: 'tmp/screenshots/external-review-page-1280.png', fullPage: true, animations: 'disabled' });
      await phone.setViewportSize({ width: 390, height: 844 });

      await phone.getByTestId('external-review-approve').click();
      await expect(title).toHaveText('Thank you – your approval is recorded');
      await expect(title).toBeFocused();
      await phone.screenshot({ path: 'tmp/screenshots/external-review-approved-390.png', fullPage: true, animations: 'disabled' });

      // Opening the used link again: a clear page, no second decision.
      await phone.reload();
      await expect(phone.getByTestId('external-review-title')).toHaveAttribute('data-reason', 'used');
      await expectNoSeriousA11yViolations(phone, 'external-review-used-link');
      await phone.screenshot({ path: 'tmp/screenshots/external-review-used-390.png', fullPage: true, animations: 'disabled' });

      // The editor sees "approved" in the list.
      await editor.page.reload();
      await expect(editor.page.getByTestId('review-external').getByTestId('external-review-status').first()).toHaveText('Approved');
      await editor.page.setViewportSize({ width: 390, height: 844 });
      await editor.page.getByTestId('review-external').scrollIntoViewIfNeeded();
      await editor.page.screenshot({ path: 'tmp/screenshots/external-review-panel-390.png', animations: 'disabled' });
    } finally {
      await outsider.close();
      await editor.context.close();
      await admin.context.close();
    }
  });
});
