import { connectWebhookInTheApp, created, type Member, organizationIdOf } from './members';
import { expect } from './test';
import { WEBHOOK_SECRET } from './webhook-receiver';

/** What `approvedWebhookPost` made. */
export interface ApprovedPost {
  organizationId: string;
  /** `/api/organizations/{organizationId}` */
  api: string;
  channelId: string;
  postId: string;
  plannedAt: Date;
}

/**
 * The path every publishing journey starts on, in Fjordvik: one approval suffices; the admin makes a theme
 * and a webhook channel and connects it in the app; the editor plans a news post at the next whole minute
 * at least a minute ahead and submits it; the approver ticks the checklist and approves it in the review screen.
 */
export async function approvedWebhookPost(
  people: { admin: Member; editor: Member; approver: Member },
  hookUrl: string,
  words: { theme: string; title: string; body: string },
): Promise<ApprovedPost> {
  const { admin, editor, approver } = people;
  const organizationId = await organizationIdOf(admin.page, 'fjordvik');
  const api = `/api/organizations/${organizationId}`;
  const run = Date.now().toString(36);
  const policy = await admin.page.request.patch(`${api}/approval-policy`, { data: { approvalsRequired: 1, adminApprovalRequired: false } });
  expect(policy.ok()).toBe(true);
  const themeId = await created(admin.page, `${api}/themes`, { name: `${words.theme} ${run}`, color: '#00897b' });
  const channelName = `Intranet ${run}`;
  const channelId = await created(admin.page, `${api}/channels`, { platform: 'webhook', name: channelName });
  await connectWebhookInTheApp(admin.page, organizationId, channelName, hookUrl, WEBHOOK_SECRET);

  const plannedAt = new Date(Math.ceil((Date.now() + 60_000) / 60_000) * 60_000);
  const contentTypes = (await (await editor.page.request.get(`${api}/content-types`)).json()) as Array<{ id: string; key: string | null }>;
  const postId = await created(editor.page, `${api}/posts`, {
    title: `${words.title} ${run}`,
    body: `${words.body} (${run}).`,
    contentTypeId: contentTypes.find((type) => type.key === 'news')?.id,
    themeId,
    plannedAt: plannedAt.toISOString(),
    targets: [{ channelId }],
  });
  expect((await editor.page.request.post(`${api}/posts/${postId}/submit`, { data: {} })).ok()).toBe(true);

  await approver.page.goto(`/o/${organizationId}/approvals/${postId}`);
  const items = approver.page.getByTestId('checklist-item');
  await expect(items.first()).toBeVisible();
  for (let index = 0; index < (await items.count()); index++) await items.nth(index).locator('input').check();
  await approver.page.getByTestId('review-approve').click();
  // Due within the dispatcher's lookahead, the post may be queued before the page shows "approved".
  await expect(approver.page.getByTestId('review-state')).toHaveAttribute('data-state', /^(approved|queued|publishing|published)$/);
  return { organizationId, api, channelId, postId, plannedAt };
}
