import { resolve } from 'node:path';

import { type Browser, type BrowserContext, expect, type Page, test } from './support/test';

import { expectNoSeriousA11yViolations } from './support/accessibility';
import { linkIn, waitForMail } from './support/mailbox';
import { logInAs } from './support/members';

// Mette logs in in no other spec, so her password can stay changed afterwards.
const EMAIL = 'redaktor@kadens.demo';
const DEMO_PASSWORD = 'kadens-demo';
const NEW_PASSWORD = 'tre blå vafler før lunsj';
const SCREENS = resolve(__dirname, '../../tmp/screens');

const SIZES = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
] as const;

async function newPage(browser: Browser, width = 1280, height = 800): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL, locale: 'en-US', viewport: { width, height } });
  return { context, page: await context.newPage() };
}

/** The page at both sizes, for people to look at (tmp/screens). */
async function screenshots(page: Page, name: string): Promise<void> {
  for (const size of SIZES) {
    await page.setViewportSize({ width: size.width, height: size.height });
    await page.screenshot({ path: `${SCREENS}/account-${name}-${size.name}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

test('a forgotten password is set again from the link in the mail, and the new one logs in', async ({ browser }) => {
  const { context, page } = await newPage(browser);
  try {
    await page.goto('/login');
    await expect(page.getByTestId('login-forgot-password')).toBeVisible();
    await screenshots(page, 'login');
    await page.getByTestId('login-forgot-password').click();
    await expect(page).toHaveURL(/\/forgot-password$/);
    await page.getByTestId('forgot-email').fill(EMAIL);
    await page.getByTestId('forgot-submit').click();
    await expect(page.getByTestId('forgot-sent')).toContainText(`If ${EMAIL} has an account`);
    await expect(page.getByTestId('forgot-sent')).toBeFocused();
    await screenshots(page, 'forgot-sent');

    // Mette has no language of her own; her organisation (Bølgeby) speaks Danish, and so does the mail.
    const mail = await waitForMail(EMAIL, /adgangskode/i);
    expect(mail.raw).toContain('Vælg en ny adgangskode her');
    const link = linkIn(mail, `${test.info().project.use.baseURL}/reset-password?token=`);

    await page.goto(link);
    await page.getByTestId('reset-password').fill('password1234');
    await page.getByTestId('reset-repeat').fill('password1234');
    await page.getByTestId('reset-submit').click();
    const field = page.locator('mat-form-field', { has: page.getByTestId('reset-password') });
    await expect(field.locator('mat-error')).toContainText('Too easy to guess');
    await expect(page.getByTestId('reset-password')).toBeFocused();
    await screenshots(page, 'reset-refused');

    await page.getByTestId('reset-password').fill(NEW_PASSWORD);
    await page.getByTestId('reset-repeat').fill(NEW_PASSWORD);
    await page.getByTestId('reset-submit').click();
    await expect(page).toHaveURL(/\/login\?passwordReset=done$/);
    await expect(page.getByTestId('login-password-reset')).toBeVisible();

    // The link is used up.
    const again = await page.request.post('/api/auth/password-reset/confirm', {
      data: { token: new URL(link).searchParams.get('token'), password: 'another fine passphrase' },
    });
    expect(again.status()).toBe(400);
    // The old password is gone.
    expect((await page.request.post('/api/auth/login', { data: { email: EMAIL, password: DEMO_PASSWORD } })).status()).toBe(401);

    await page.getByTestId('login-email').fill(EMAIL);
    await page.getByTestId('login-password').fill(NEW_PASSWORD);
    await page.getByTestId('login-submit').click();
    await expect(page.getByTestId('nav-settings')).toBeVisible();

    // The account page is one click from the header; this browser is the one session there.
    await page.getByTestId('user-menu').click();
    await page.getByTestId('account-link').click();
    await expect(page).toHaveURL(/\/account$/);
    await expect(page.getByTestId('session-current')).toHaveCount(1);
    await screenshots(page, 'page');

    await page.getByTestId('logout-everywhere').click();
    await page.getByTestId('confirm-accept').click();
    await expect(page).toHaveURL(/\/login/);
    expect((await page.request.get('/api/me')).status()).toBe(401);
  } finally {
    await context.close();
  }
});

test('chooses which notifications come by e-mail, per organisation, and the choice stays', async ({ browser }) => {
  const { context, page } = await logInAs(browser, 'viewer@kadens.demo', 'nb');
  try {
    await page.goto('/account');
    const section = page.getByTestId('mail-notifications');
    await expect(section.getByRole('heading', { name: 'Varsler på e-post' })).toBeVisible();
    const organization = section.getByTestId('mail-organization').first();
    const organizationId = await organization.getAttribute('data-organization-id');
    const commented = organization.getByRole('checkbox', { name: 'Nye kommentarer på innlegg jeg er med på' });
    await expect(commented).toBeChecked();
    await commented.uncheck();
    await expect(page.getByText('Lagret.')).toBeVisible();
    await page.reload();
    await expect(commented).not.toBeChecked();
    await expect(organization.getByRole('checkbox', { name: 'Et innlegg venter på min godkjenning' })).toBeChecked();
    await expectNoSeriousA11yViolations(page, 'account-mail-notifications');
    await screenshots(page, 'mail-notifications');

    await commented.check();
    const muted = async () =>
      (
        (await (await page.request.get(`/api/organizations/${organizationId}/notifications/mail-preferences`)).json()) as {
          mutedKinds: string[];
        }
      ).mutedKinds;
    await expect.poll(muted).toEqual([]);
  } finally {
    await context.close();
  }
});
