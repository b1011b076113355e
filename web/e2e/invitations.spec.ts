import { type Browser, type BrowserContext, expect, type Page, test } from './support/test';

import { linkIn, waitForMail } from './support/mailbox';

const DEMO_PASSWORD = 'kadens-demo';
const NEW_PASSWORD = 'nordlys trampoline blåbær 42';

interface Session {
  memberships: Array<{ organizationId: string; organizationSlug: string }>;
}

/** A browser of its own at the given size, reading English unless the account says otherwise. */
async function newPage(browser: Browser, width = 1280, height = 800): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL, locale: 'en-US', viewport: { width, height } });
  return { context, page: await context.newPage() };
}

async function logInThroughTheForm(page: Page, email: string): Promise<void> {
  await page.goto('/');
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('nav-settings')).toBeVisible();
}

async function organizationIds(page: Page): Promise<Record<string, string>> {
  const session = (await (await page.request.get('/api/me')).json()) as Session;
  return Object.fromEntries(session.memberships.map((m) => [m.organizationSlug, m.organizationId]));
}

function invitationLink(mail: Parameters<typeof linkIn>[0]): string {
  return linkIn(mail, `${test.info().project.use.baseURL}/invitation?token=`);
}

test.describe('invitations', () => {
  test('an admin invites a new address; the invitee sets a password from the mail and lands in the organisation', async ({ browser }) => {
    const email = `ny-${Date.now().toString(36)}@example.no`;
    const admin = await newPage(browser);
    const invitee = await newPage(browser, 390, 844);
    try {
      await logInThroughTheForm(admin.page, 'admin@kadens.demo');
      const { fjordvik } = await organizationIds(admin.page);
      await admin.page.goto(`/o/${fjordvik}/settings`);

      // The admin invites by e-mail, role and an optional name; the invitation waits in the list.
      await admin.page.getByTestId('invite-email').fill(email);
      await admin.page.locator('mat-form-field', { has: admin.page.getByTestId('invite-role') }).click();
      await admin.page.getByRole('option', { name: /^(Approver|Godkjenner)$/ }).click();
      await admin.page.getByTestId('invite-name').fill('Nina Ny');
      await admin.page.getByTestId('invite-submit').click();
      const pending = admin.page.locator(`[data-testid="pending-invitation"][data-email="${email}"]`);
      await expect(pending).toBeVisible();
      await expect(pending.getByTestId('pending-invitation-expiry')).toContainText(/Expires|Utløper/);
      await expect(admin.page.getByTestId('invite-email')).toHaveValue('');
      await pending.scrollIntoViewIfNeeded();
      await admin.page.screenshot({ path: 'tmp/invitations-members-1280.png', fullPage: true, animations: 'disabled' });

      // The mail is in Fjordvik's language (bokmål) and carries the link.
      const mail = await waitForMail(email);
      expect(mail.subject).toContain('Fjordvik kommune');
      expect(mail.raw).toContain('har invitert deg til Fjordvik kommune i Kadens, som godkjenner');
      const link = invitationLink(mail);

      // The invitee, on a phone, sets a name and a password; the policy's verdict shows on the field.
      await invitee.page.goto(link);
      await expect(invitee.page.getByTestId('invitation-title')).toHaveText('Join Fjordvik kommune on Kadens');
      await expect(invitee.page.getByTestId('invitation-title')).toBeFocused();
      await expect(invitee.page.getByTestId('new-account-name')).toHaveValue('Nina Ny');
      await expect(invitee.page.getByTestId('new-account-email')).toHaveValue(email);
      await invitee.page.getByTestId('new-account-password').fill('password1234');
      await invitee.page.getByTestId('new-account-password-repeat').fill('password1234');
      await invitee.page.getByTestId('new-account-submit').click();
      await expect(
        invitee.page.locator('mat-form-field', { has: invitee.page.getByTestId('new-account-password') }).locator('mat-error'),
      ).toContainText('too easy to guess');
      await expect(invitee.page.getByTestId('new-account-password')).toHaveAttribute('aria-invalid', 'true');
      await invitee.page.screenshot({ path: 'tmp/invitations-new-account-390.png', fullPage: true, animations: 'disabled' });
      await invitee.page.setViewportSize({ width: 1280, height: 800 });
      await invitee.page.screenshot({ path: 'tmp/invitations-new-account-1280.png', fullPage: true, animations: 'disabled' });

      await invitee.page.getByTestId('new-account-password').fill(NEW_PASSWORD);
      await invitee.page.getByTestId('new-account-password-repeat').fill(NEW_PASSWORD);
      await invitee.page.getByTestId('new-account-submit').click();
      await expect(invitee.page).toHaveURL(new RegExp(`/o/${fjordvik}/calendar`));
      await expect(invitee.page.getByTestId('nav-calendar')).toBeVisible();
      const me = (await (await invitee.page.request.get('/api/me')).json()) as {
        user: { email: string; name: string };
        memberships: Array<{ role: string }>;
      };
      expect(me.user).toMatchObject({ email, name: 'Nina Ny' });
      expect(me.memberships.map((m) => m.role)).toEqual(['approver']);

      // The admin's list no longer has it; the used link now explains itself and offers a way on.
      await admin.page.reload();
      await expect(admin.page.getByTestId('members-table')).toContainText(email);
      await expect(admin.page.locator(`[data-testid="pending-invitation"][data-email="${email}"]`)).toHaveCount(0);
      const stranger = await newPage(browser, 390, 844);
      try {
        await stranger.page.goto(link);
        await expect(stranger.page.getByTestId('invitation-title')).toHaveText('This invitation link no longer works');
        await expect(stranger.page.getByTestId('invitation-home')).toBeVisible();
        await stranger.page.screenshot({ path: 'tmp/invitations-used-link-390.png', fullPage: true, animations: 'disabled' });
      } finally {
        await stranger.context.close();
      }
    } finally {
      await admin.context.close();
      await invitee.context.close();
    }
  });

  test('an existing demo account invited to the second organisation accepts in the app', async ({ browser }) => {
    const admin = await newPage(browser);
    const viewer = await newPage(browser);
    try {
      expect(
        (await admin.page.request.post('/api/auth/login', { data: { email: 'admin@kadens.demo', password: DEMO_PASSWORD } })).ok(),
      ).toBe(true);
      const { bolgeby } = await organizationIds(admin.page);
      const invited = await admin.page.request.post(`/api/organizations/${bolgeby}/invitations`, {
        data: { email: 'viewer@kadens.demo', role: 'viewer' },
      });
      expect(invited.status()).toBe(201);
      // Whether or not the e-mail has an account, the answer is the same and names nobody.
      expect(Object.keys(await invited.json()).sort()).toEqual(['createdAt', 'email', 'expiresAt', 'id', 'invitedByName', 'name', 'role']);
      const mail = await waitForMail('viewer@kadens.demo');
      expect(mail.raw).toContain('har inviteret dig til Bølgeby Kommune i Kadens som læser');

      // Vera logs in as usual: the invitation waits above every page of the shell.
      await logInThroughTheForm(viewer.page, 'viewer@kadens.demo');
      const notice = viewer.page.getByTestId('my-invitations');
      await expect(notice.getByTestId('my-invitation')).toHaveAttribute('data-organization', 'Bølgeby Kommune');
      await viewer.page.screenshot({ path: 'tmp/invitations-shell-notice-1280.png', animations: 'disabled' });
      await viewer.page.setViewportSize({ width: 390, height: 844 });
      // On a phone the navigation slides away; wait until it has, so the notice is what shows.
      await expect(viewer.page.locator('#main-navigation')).toBeHidden();
      await viewer.page.screenshot({ path: 'tmp/invitations-shell-notice-390.png', animations: 'disabled' });

      // The mail's link leads to the same invitation, to answer in the app.
      await viewer.page.goto(invitationLink(mail));
      await expect(viewer.page.getByTestId('invitation-page')).toHaveAttribute('data-state', 'inApp');
      await expect(viewer.page.getByTestId('my-invitation')).toHaveAttribute('data-organization', 'Bølgeby Kommune');
      await viewer.page.screenshot({ path: 'tmp/invitations-in-app-390.png', fullPage: true, animations: 'disabled' });
      await viewer.page.getByTestId('invitation-accept').click();
      await expect(viewer.page).toHaveURL(new RegExp(`/o/${bolgeby}/calendar`));
      await expect(viewer.page.getByTestId('org-switcher')).toContainText('Bølgeby Kommune');
      await expect(viewer.page.getByTestId('my-invitations')).toHaveCount(0);
      const memberships = (await organizationIds(viewer.page)) as Record<string, string>;
      expect(Object.keys(memberships).sort()).toEqual(['bolgeby', 'fjordvik']);
    } finally {
      // Vera belongs to Fjordvik only in the demo; put it back for anyone who counts on that.
      const { bolgeby } = await organizationIds(admin.page);
      const viewerId = (
        (await (await admin.page.request.get(`/api/organizations/${bolgeby}/members`)).json()) as Array<{ userId: string; email: string }>
      ).find((m) => m.email === 'viewer@kadens.demo')?.userId;
      if (viewerId) await admin.page.request.delete(`/api/organizations/${bolgeby}/members/${viewerId}`);
      await admin.context.close();
      await viewer.context.close();
    }
  });
});
