import { type Browser, type BrowserContext, expect, type Page, test } from './support/test';

import { linkIn, waitForMail } from './support/mailbox';

const DEMO_PASSWORD = 'kadens-demo';
/** The second approver joins by invitation, so chooses a password the policy accepts. */
const APPROVER2_PASSWORD = 'fjord lantern approval 2026';

interface Member {
  context: BrowserContext;
  page: Page;
}

interface Session {
  memberships: Array<{ organizationId: string; organizationSlug: string }>;
}

/** Each person works in their own browser, logged in through the API, reading English. */
async function logIn(browser: Browser, email: string, password = DEMO_PASSWORD): Promise<Member> {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL, locale: 'en-US' });
  const page = await context.newPage();
  const login = await page.request.post('/api/auth/login', { data: { email, password } });
  expect(login.ok(), `log in as ${email}`).toBe(true);
  expect((await page.request.patch('/api/me', { data: { locale: 'en' } })).ok()).toBe(true);
  return { context, page };
}

async function created(page: Page, path: string, data: object): Promise<string> {
  const response = await page.request.post(path, { data });
  expect(response.status(), `POST ${path}`).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

/** A weekday next month at 10:00 UTC: always ahead, so the post cannot expire during the test. */
function weekdayNextMonth(): string {
  const now = new Date();
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 10, 10, 0, 0));
  while (day.getUTCDay() === 0 || day.getUTCDay() === 6) day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString();
}

async function tickEveryChecklistItem(page: Page): Promise<void> {
  const items = page.getByTestId('checklist-item');
  await expect(items.first()).toBeVisible();
  for (let index = 0; index < (await items.count()); index++) await items.nth(index).locator('input').check();
}

test.describe('sign-off', () => {
  test('an editor submits, an approver asks for changes, the editor edits, two people approve and the calendar shows it approved', async ({
    browser,
  }) => {
    // Four people, two rounds of sign-off and a change of text and time: longer than one minute on a busy machine.
    test.setTimeout(150_000);
    const admin = await logIn(browser, 'admin@kadens.demo');
    const editor = await logIn(browser, 'editor@kadens.demo');
    const people = [admin, editor];
    const session = (await (await admin.page.request.get('/api/me')).json()) as Session;
    const organizationId = session.memberships.find((m) => m.organizationSlug === 'fjordvik')?.organizationId ?? '';
    const api = `/api/organizations/${organizationId}`;
    try {
      // Set-up through the API: a theme, a channel, two approvals per post, a second approver, the editor's post.
      const run = Date.now().toString(36);
      const themeId = await created(admin.page, `${api}/themes`, { name: `Libraries ${run}`, color: '#1e88e5' });
      const channelId = await created(admin.page, `${api}/channels`, { platform: 'facebook', name: `Facebook ${run}` });
      expect((await admin.page.request.patch(`${api}/approval-policy`, { data: { approvalsRequired: 2 } })).ok()).toBe(true);
      const second = await admin.page.request.post(`${api}/invitations`, {
        data: { email: 'approver2@kadens.demo', name: 'Anders', role: 'approver' },
      });
      expect([201, 409]).toContain(second.status());
      if (second.status() === 201) {
        // Accepted from a browser of its own: the answer logs the new account in there.
        const token = new URL(
          linkIn(await waitForMail('approver2@kadens.demo'), `${test.info().project.use.baseURL}/invitation?token=`),
        ).searchParams.get('token');
        const invitee = await browser.newContext({ baseURL: test.info().project.use.baseURL });
        const accepted = await invitee.request.post('/api/invitations/accept', {
          data: { token, name: 'Anders', password: APPROVER2_PASSWORD },
        });
        expect(accepted.ok(), 'approver2 accepts the invitation').toBe(true);
        await invitee.close();
      }
      const contentTypes = (await (await editor.page.request.get(`${api}/content-types`)).json()) as Array<{
        id: string;
        key: string | null;
      }>;
      const title = `Summer opening hours ${run}`;
      const postId = await created(editor.page, `${api}/posts`, {
        title,
        body: 'The library keeps summer hours from 24 June.',
        contentTypeId: contentTypes.find((type) => type.key === 'news')?.id,
        themeId,
        plannedAt: weekdayNextMonth(),
        targets: [{ channelId }],
      });
      const reviewUrl = `/o/${organizationId}/approvals/${postId}`;
      const state = (page: Page) => page.getByTestId('review-state');

      // The editor finds the draft in the approvals area and sends it for approval.
      await editor.page.goto(`/o/${organizationId}/approvals`);
      await editor.page.getByTestId('pipeline-entry').filter({ hasText: title }).click();
      await expect(editor.page.getByTestId('review-title')).toHaveText(title);
      await expect(state(editor.page)).toHaveAttribute('data-state', 'draft');
      await editor.page.getByTestId('submit-for-approval').click();
      await expect(state(editor.page)).toHaveAttribute('data-state', 'in_review');
      await expect(editor.page.getByTestId('review-progress')).toHaveText('0 of 2 approvals');

      // The approver finds it in the inbox and asks for changes, which needs a comment.
      const approver = await logIn(browser, 'approver@kadens.demo');
      people.push(approver);
      await approver.page.goto(`/o/${organizationId}/approvals`);
      const entry = approver.page.getByTestId('inbox-entry').filter({ hasText: title });
      await expect(entry.getByTestId('inbox-progress')).toHaveText('0 of 2 approvals');
      await entry.click();
      await expect(approver.page.getByTestId('review-request-changes')).toBeDisabled();
      await approver.page.getByTestId('review-comment').fill('Please say which library: we have three.');
      await approver.page.getByTestId('review-request-changes').click();
      await expect(state(approver.page)).toHaveAttribute('data-state', 'changes_requested');

      // The editor hears of it through the bell, which leads back to the post.
      await editor.page.goto(`/o/${organizationId}/approvals`);
      await expect(editor.page.getByTestId('notification-count')).toHaveText(/^[1-9]/);
      await editor.page.getByTestId('notification-bell').click();
      await editor.page
        .getByTestId('notification-item')
        .filter({ hasText: `Changes were asked for in “${title}”` })
        .click();
      await expect(editor.page).toHaveURL(new RegExp(`${reviewUrl}$`));
      await expect(state(editor.page)).toHaveAttribute('data-state', 'changes_requested');
      await expect(editor.page.getByTestId('review-entry').first()).toContainText('Please say which library');

      // The editor edits the text in the composer; the new revision goes straight back to review.
      await editor.page.getByTestId('review-edit').click();
      await editor.page.getByTestId('composer-body').fill('The main library in Fjordvik keeps summer hours from 24 June.');
      await editor.page.getByTestId('composer-save').click();
      await expect(editor.page.getByTestId('composer')).toHaveCount(0);
      await expect(state(editor.page)).toHaveAttribute('data-state', 'in_review');
      await expect(editor.page.getByTestId('history-entry').first()).toContainText('edited the post; revision 2 went to review');

      // The approver approves the new text, ticking the checklist first.
      await approver.page.reload();
      await expect(state(approver.page)).toHaveAttribute('data-state', 'in_review');
      await expect(approver.page.getByTestId('review-preview-text')).toHaveText(
        'The main library in Fjordvik keeps summer hours from 24 June.',
      );
      await expect(approver.page.getByTestId('review-approve')).toBeDisabled();
      await tickEveryChecklistItem(approver.page);
      await approver.page.getByTestId('review-approve').click();
      await expect(approver.page.getByTestId('review-progress')).toHaveText('1 of 2 approvals');
      await expect(approver.page.getByTestId('review-refusal')).toHaveAttribute('data-reason', 'already_approved');
      await expect(state(approver.page)).toHaveAttribute('data-state', 'in_review');
      await approver.page.getByTestId('review-back').click();
      await expect(approver.page.getByTestId('inbox-entry').filter({ hasText: title }).getByTestId('inbox-approved-by-you')).toBeVisible();

      // The second approver sees how far it has come.
      const anders = await logIn(browser, 'approver2@kadens.demo', APPROVER2_PASSWORD);
      people.push(anders);
      await anders.page.goto(`/o/${organizationId}/approvals`);
      const waiting = anders.page.getByTestId('inbox-entry').filter({ hasText: title });
      await expect(waiting.getByTestId('inbox-progress')).toHaveText('1 of 2 approvals');
      await expect(waiting.getByTestId('inbox-approved-by-you')).toHaveCount(0);

      // The admin gives the second approval; the post is approved.
      await admin.page.goto(`/o/${organizationId}/approvals`);
      await admin.page.getByTestId('inbox-entry').filter({ hasText: title }).click();
      await tickEveryChecklistItem(admin.page);
      await admin.page.getByTestId('review-approve').click();
      await expect(state(admin.page)).toHaveAttribute('data-state', 'approved');
      await expect(admin.page.getByTestId('review-progress')).toHaveText('2 of 2 approvals');
      await expect(admin.page.getByTestId('history-entry').first()).toContainText('the post is approved');

      // One edit changes the text and the time: the review shows both, the time in Oslo's wall clock.
      const approvedAt = weekdayNextMonth();
      const movedTo = new Date(new Date(approvedAt).getTime() + 25 * 60 * 60 * 1000).toISOString();
      const edited = await editor.page.request.patch(`${api}/posts/${postId}`, {
        data: { body: 'The main library in Fjordvik keeps summer hours from 25 June.', plannedAt: movedTo },
      });
      expect(edited.ok(), 'the editor changes text and time at once').toBe(true);
      const osloTime = (instant: string) =>
        new Intl.DateTimeFormat('en-GB', {
          day: 'numeric',
          month: 'short',
          hour: '2-digit',
          minute: '2-digit',
          hourCycle: 'h23',
          timeZone: 'Europe/Oslo',
        }).format(new Date(instant));
      await approver.page.goto(reviewUrl);
      const timeChange = approver.page.getByTestId('diff-time');
      await expect(timeChange).toContainText('Time');
      await expect(timeChange.locator('del')).toHaveText(osloTime(approvedAt));
      await expect(timeChange.locator('ins')).toHaveText(osloTime(movedTo));
      await expect(approver.page.getByTestId('diff-change').first()).toContainText('25');
      await approver.page.screenshot({ path: 'tmp/screenshots/review-time-change.png', fullPage: true });
      // Signed off again, for the new text and time.
      await tickEveryChecklistItem(approver.page);
      await approver.page.getByTestId('review-approve').click();
      await expect(approver.page.getByTestId('review-progress')).toHaveText('1 of 2 approvals');
      await admin.page.goto(reviewUrl);
      await tickEveryChecklistItem(admin.page);
      await admin.page.getByTestId('review-approve').click();
      await expect(state(admin.page)).toHaveAttribute('data-state', 'approved');

      // The calendar shows it approved.
      const plannedDate = new Date(new Date(weekdayNextMonth()).getTime() + 25 * 60 * 60 * 1000).toISOString().slice(0, 10);
      await admin.page.goto(`/o/${organizationId}/calendar?view=month&date=${plannedDate}`);
      await expect(admin.page.getByTestId(`calendar-post-${postId}`)).toHaveAttribute('data-state', 'approved');
    } finally {
      // Leave the demo as the other specs expect it: one approval, and everyone following the organisation's language.
      await admin.page.request.patch(`${api}/approval-policy`, { data: { approvalsRequired: 1 } });
      for (const person of people) {
        await person.page.request.patch('/api/me', { data: { locale: null } });
        await person.context.close();
      }
    }
  });
});
