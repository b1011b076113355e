import { expect, test } from './support/test';

import { connectWebhookInTheApp, created, logInAs as logIn, organizationIdOf } from './support/members';
import { Receiver, WEBHOOK_SECRET as SECRET } from './support/webhook-receiver';

test('an approved post due in a minute is published once, and the post shows it live', async ({ browser }) => {
  test.setTimeout(240_000);
  const receiver = new Receiver();
  const hookUrl = await receiver.start();
  const admin = await logIn(browser, 'admin@kadens.demo');
  const editor = await logIn(browser, 'editor@kadens.demo');
  const approver = await logIn(browser, 'approver@kadens.demo');
  try {
    const organizationId = await organizationIdOf(admin.page, 'fjordvik');
    const api = `/api/organizations/${organizationId}`;
    const run = Date.now().toString(36);
    expect(
      (await admin.page.request.patch(`${api}/approval-policy`, { data: { approvalsRequired: 1, adminApprovalRequired: false } })).ok(),
    ).toBe(true);
    const themeId = await created(admin.page, `${api}/themes`, { name: `Roads ${run}`, color: '#1e88e5' });
    const channelName = `Intranet ${run}`;
    const channelId = await created(admin.page, `${api}/channels`, { platform: 'webhook', name: channelName });

    // The admin connects the channel on its page and tests the connection.
    await connectWebhookInTheApp(admin.page, organizationId, channelName, hookUrl, SECRET);

    // The editor plans a post a minute or two ahead and sends it for approval.
    const plannedAt = new Date(Math.ceil((Date.now() + 60_000) / 60_000) * 60_000);
    const contentTypes = (await (await editor.page.request.get(`${api}/content-types`)).json()) as Array<{
      id: string;
      key: string | null;
    }>;
    const title = `Road closed on Fjordveien ${run}`;
    const postId = await created(editor.page, `${api}/posts`, {
      title,
      body: `Fjordveien is closed for repairs this afternoon (${run}).`,
      contentTypeId: contentTypes.find((type) => type.key === 'news')?.id,
      themeId,
      plannedAt: plannedAt.toISOString(),
      targets: [{ channelId }],
    });
    expect((await editor.page.request.post(`${api}/posts/${postId}/submit`, { data: {} })).ok()).toBe(true);

    // The approver approves it in the review screen, checklist first.
    await approver.page.goto(`/o/${organizationId}/approvals/${postId}`);
    const items = approver.page.getByTestId('checklist-item');
    await expect(items.first()).toBeVisible();
    for (let index = 0; index < (await items.count()); index++) await items.nth(index).locator('input').check();
    await approver.page.getByTestId('review-approve').click();
    await expect(approver.page.getByTestId('review-state')).toHaveAttribute('data-state', 'approved');

    // The editor keeps the post open; its delivery panel follows the target live until it is published.
    await editor.page.goto(`/o/${organizationId}/approvals/${postId}`);
    await editor.page.getByTestId('review-edit').click();
    // The review page under the composer shows the delivery too; this is the composer's panel.
    const target = editor.page.getByTestId('composer').getByTestId('delivery-panel').getByTestId('delivery-target');
    await expect(target.getByTestId('target-state')).toHaveAttribute('data-state', /^(scheduled|queued)$/);
    await expect(target.getByTestId('target-state')).toHaveAttribute('data-state', 'published', { timeout: 180_000 });
    await expect(target.getByTestId('delivery-link')).toHaveAttribute('href', /intranett\.fjordvik\.example/);

    // The platform got it exactly once, at or after its minute.
    expect(receiver.publishes).toHaveLength(1);
    expect(receiver.publishes[0].text).toContain('Fjordveien is closed');
    const deliveries = (await (await editor.page.request.get(`${api}/posts/${postId}/deliveries`)).json()) as Array<{
      state: string;
      publishedAt: string;
      attempts: number;
    }>;
    expect(deliveries).toEqual([expect.objectContaining({ state: 'published', attempts: 1 })]);
    expect(new Date(deliveries[0].publishedAt).getTime()).toBeGreaterThanOrEqual(plannedAt.getTime());
  } finally {
    // The shell spec expects the demo people without a language of their own.
    for (const member of [admin, editor, approver]) {
      await member.page.request.patch('/api/me', { data: { locale: null } });
      await member.context.close();
    }
    await receiver.stop();
  }
});
