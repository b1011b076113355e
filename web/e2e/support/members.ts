import { type Browser, type BrowserContext, expect, type Page, test } from './test';

/** The demo accounts' password (README). */
export const DEMO_PASSWORD = 'kadens-demo';

export interface Member {
  context: BrowserContext;
  page: Page;
}

/** A browser of its own for a demo person, logged in through the API, reading the given language. */
export async function logInAs(
  browser: Browser,
  email: string,
  locale: 'nb' | 'en' = 'en',
  viewport = { width: 1280, height: 800 },
): Promise<Member> {
  const context = await browser.newContext({
    baseURL: test.info().project.use.baseURL,
    locale: locale === 'nb' ? 'nb-NO' : 'en-US',
    viewport,
  });
  const page = await context.newPage();
  expect((await page.request.post('/api/auth/login', { data: { email, password: DEMO_PASSWORD } })).ok(), `log in as ${email}`).toBe(true);
  expect((await page.request.patch('/api/me', { data: { locale } })).ok()).toBe(true);
  return { context, page };
}

/** POSTs through the page's session and answers the new resource's id (201 expected). */
export async function created(page: Page, path: string, data: object): Promise<string> {
  const response = await page.request.post(path, { data });
  expect(response.status(), `POST ${path}`).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

/** The demo organisation's id by its slug, as the logged-in person's `/api/me` lists it. */
export async function organizationIdOf(page: Page, slug: string): Promise<string> {
  const me = (await (await page.request.get('/api/me')).json()) as {
    memberships: Array<{ organizationId: string; organizationSlug: string }>;
  };
  return me.memberships.find((m) => m.organizationSlug === slug)?.organizationId ?? '';
}

/** An admin connects a webhook channel on the strategy page and tests the connection (it must answer ok). */
export async function connectWebhookInTheApp(
  admin: Page,
  organizationId: string,
  channelName: string,
  url: string,
  secret: string,
): Promise<void> {
  await admin.goto(`/o/${organizationId}/strategy`);
  await admin.getByTestId('strategy-tab-channels').click();
  const row = admin.getByTestId('channel-item').filter({ hasText: channelName });
  await row.getByTestId('channel-connection').click();
  await admin.getByTestId('connection-base-url').fill(url);
  await admin.getByTestId('connection-credential-secret').fill(secret);
  await admin.getByTestId('connection-save').click();
  await admin.getByTestId('connection-test').click();
  await expect(admin.getByTestId('connection-test-result')).toHaveClass(/result--ok/);
}

/** Logs in through the login form as a person does, then switches the shell to English. */
export async function logInThroughTheFormInEnglish(page: Page, email: string): Promise<void> {
  await page.goto('/');
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  // The login page has a language picker of its own; wait for the one in the shell.
  await expect(page.getByTestId('nav-strategy')).toBeVisible();
  await page.getByTestId('language-picker').click();
  await page.getByTestId('language-option-en').click();
  await expect(page.getByTestId('nav-strategy')).toHaveText('Strategy');
}

/**
 * An organisation of its own (in Norway, the default), made in the app, so that what other specs plan in the
 * demo organisations does not count here; ends on its strategy page.
 */
export async function createOwnOrganization(page: Page, name: string): Promise<void> {
  await page.getByTestId('org-switcher').click();
  await page.getByTestId('org-create').click();
  await page.getByTestId('organization-name').fill(name);
  await page.getByTestId('create-organization-submit').click();
  await expect(page.getByTestId('organization-settings-form')).toBeVisible();
  await page.getByTestId('nav-strategy').click();
}
