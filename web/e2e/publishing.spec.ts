import { expect, test } from './support/test';

import { approvedWebhookPost } from './support/approved-post';
import { logInAs as logIn } from './support/members';
import { Receiver } from './support/webhook-receiver';

test('an approved post due in a minute is published once, and the post shows it live', async ({ browser }) => {
  test.setTimeout(240_000);
  const receiver = new Receiver();
  const hookUrl = await receiver.start();
  const admin = await logIn(browser, 'admin@kadens.demo');
  const editor = await logIn(browser, 'editor@kadens.demo');
  const approver = await logIn(browser, 'approver@kadens.demo');
  try {
    // Fjordvik asks one approval; the admin connects a webhook channel in the app; the editor plans a post a
    // minute or two ahead and submits it; the approver approves it in the review screen, checklist first.
    const { organizationId, api, postId, plannedAt } = await approvedWebhookPost({ admin, editor, approver }, hookUrl, {
      theme: 'Roads',
      title: 'Road closed on Fjordveien',
      body: 'Fjordveien is closed for repairs this afternoon',
    });

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
