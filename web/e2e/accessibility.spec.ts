import { type APIRequestContext, type Browser, expect, type Page, request as playwrightRequest, test } from './support/test';

import { expectNoSeriousA11yViolations } from './support/accessibility';
import { watchPageProblems } from './support/page-problems';

const DEMO_PASSWORD = 'kadens-demo';
const LOCALES = ['nb', 'da', 'sv', 'en'] as const;
type Locale = (typeof LOCALES)[number];

interface Plan {
  organizationId: string;
  /** A day a few days ahead (YYYY-MM-DD) with planned posts, for the calendar's `?date=`. */
  date: string;
  channelName: string;
  reviewPostId: string;
}

async function loggedInApi(email: string): Promise<APIRequestContext> {
  const api = await playwrightRequest.newContext({ baseURL: test.info().project.use.baseURL });
  expect((await api.post('/api/auth/login', { data: { email, password: DEMO_PASSWORD } })).ok(), `log in as ${email}`).toBe(true);
  return api;
}

async function created(api: APIRequestContext, path: string, data: object): Promise<string> {
  const response = await api.post(path, { data });
  expect(response.status(), `POST ${path}: ${await response.text()}`).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

/** Through the API, as the editor: a theme, two channels and three posts a few days ahead, one of them in review. */
async function planSomePosts(): Promise<Plan> {
  const editor = await loggedInApi('editor@kadens.demo');
  const admin = await loggedInApi('admin@kadens.demo');
  try {
    const me = (await (await editor.get('/api/me')).json()) as { memberships: Array<{ organizationId: string; organizationSlug: string }> };
    const organizationId = me.memberships.find((m) => m.organizationSlug === 'fjordvik')?.organizationId ?? '';
    const base = `/api/organizations/${organizationId}`;
    const run = Date.now().toString(36);
    const themeId = await created(admin, `${base}/themes`, { name: `Accessible ${run}`, color: '#1e88e5' });
    const channelName = `Mastodon a11y ${run}`;
    const mastodon = await created(admin, `${base}/channels`, { platform: 'mastodon', name: channelName });
    const facebook = await created(admin, `${base}/channels`, { platform: 'facebook', name: `Facebook a11y ${run}` });
    // Promises, so the calendar shows its bands (staffed hours, thin weeks, silences) and their legend.
    const promises = await admin.put(`${base}/channels/${facebook}/promises`, {
      data: {
        cadence: { maxPostsPerDay: null, minMinutesBetweenPosts: null, minPostsPerWeek: 5, maxDaysOfSilence: 2 },
        serviceHours: { openingHours: 'Mo-Su 08:00-18:00', responseWindowMinutes: 60, closedPeriods: [] },
      },
    });
    expect(promises.status(), await promises.text()).toBe(200);
    // A light theme colour too, whose posts need dark text.
    const lightThemeId = await created(admin, `${base}/themes`, { name: `Sunny ${run}`, color: '#ffb300' });
    const contentTypes = (await (await editor.get(`${base}/content-types`)).json()) as Array<{ id: string; key: string | null }>;
    const contentTypeId = contentTypes.find((type) => type.key === 'news')?.id;
    const day = new Date(Date.now() + 3 * 86_400_000);
    const date = day.toISOString().slice(0, 10);
    const ids: string[] = [];
    for (const [index, hour] of [9, 11, 13].entries()) {
      ids.push(
        await created(editor, `${base}/posts`, {
          title: `Library hours ${index + 1} ${run}`,
          body: 'The library keeps summer hours.',
          contentTypeId,
          themeId: index === 2 ? lightThemeId : themeId,
          plannedAt: `${date}T${String(hour).padStart(2, '0')}:00:00.000Z`,
          targets: [{ channelId: mastodon }, { channelId: facebook }],
        }),
      );
    }
    const reviewPostId = ids[0] ?? '';
    expect((await editor.post(`${base}/posts/${reviewPostId}/submit`)).ok(), 'submit').toBe(true);
    return { organizationId, date, channelName, reviewPostId };
  } finally {
    await editor.dispose();
    await admin.dispose();
  }
}

async function check(page: Page, name: string): Promise<void> {
  // Let animations (dialogs, ripples, progress bars) settle so colours are measured as people see them.
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await page.waitForTimeout(300);
  await expectNoSeriousA11yViolations(page, name);
}

async function anonymousPages(browser: Browser, locale: Locale): Promise<void> {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL, locale: 'en-US' });
  const page = await context.newPage();
  const problems = watchPageProblems(page);
  try {
    await page.goto('/login');
    await expect(page.getByTestId('login-email')).toBeVisible();
    if (locale !== 'en') {
      await page.getByTestId('language-picker').click();
      await page.getByTestId(`language-option-${locale}`).click();
    }
    await expect(page.locator('html')).toHaveAttribute('lang', locale);
    await check(page, `login-${locale}`);

    await page.goto(`/public/fjordvik?lang=${locale}`);
    await expect(page.getByTestId('public-organization')).toBeVisible();
    await check(page, `public-${locale}`);
    problems.expectNone();
  } finally {
    await context.close();
  }
}

test.describe('accessibility (axe-core, WCAG 2.1 A and AA)', () => {
  let plan: Plan;
  test.beforeAll(async () => {
    plan = await planSomePosts();
  });
  test.afterAll(async () => {
    const admin = await loggedInApi('admin@kadens.demo');
    await admin.patch('/api/me', { data: { locale: null } });
    await admin.dispose();
  });

  for (const locale of LOCALES) {
    test(`every page has no serious or critical violation, and the console stays clean: ${locale}`, async ({ browser }) => {
      test.setTimeout(300_000);
      await anonymousPages(browser, locale);

      const context = await browser.newContext({ baseURL: test.info().project.use.baseURL, locale: 'en-US' });
      const page = await context.newPage();
      const problems = watchPageProblems(page);
      try {
        expect((await page.request.post('/api/auth/login', { data: { email: 'admin@kadens.demo', password: DEMO_PASSWORD } })).ok()).toBe(
          true,
        );
        expect((await page.request.patch('/api/me', { data: { locale } })).ok()).toBe(true);
        const area = `/o/${plan.organizationId}`;

        for (const view of ['month', 'week', 'list'] as const) {
          await page.goto(`${area}/calendar?view=${view}&date=${plan.date}`);
          await expect(page.locator('html')).toHaveAttribute('lang', locale);
          await expect(page.getByTestId('calendar').locator('[data-testid^="calendar-post-"]').first()).toBeVisible({ timeout: 30_000 });
          await check(page, `calendar-${view}-${locale}`);
        }

        await page.getByTestId('calendar-new-post').click();
        await expect(page.getByTestId('composer')).toBeVisible();
        await check(page, `composer-${locale}`);
        await page.keyboard.press('Escape');
        await expect(page.getByTestId('composer')).toHaveCount(0);

        await page.goto(`${area}/strategy`);
        await expect(page.getByTestId('strategy-tab-channels')).toBeVisible();
        await check(page, `strategy-${locale}`);
        await page.goto(`${area}/strategy?tab=channels`);
        const channel = page.getByTestId('channel-item').filter({ hasText: plan.channelName });
        await channel.getByTestId('channel-promises').click();
        await page.getByTestId('promises-preset-weekdays0912').click();
        await expect(page.getByTestId('weekly-range').first()).toBeVisible();
        await check(page, `strategy-hours-${locale}`);
        await page.keyboard.press('Escape');

        await page.goto(`${area}/approvals`);
        await expect(page.getByTestId('inbox-entry').first()).toBeVisible();
        await check(page, `inbox-${locale}`);
        await page.goto(`${area}/approvals/${plan.reviewPostId}`);
        await expect(page.getByTestId('review-title')).toBeVisible();
        await check(page, `review-${locale}`);

        await page.goto(`${area}/publishing`);
        await expect(page.locator('main h1').first()).toBeVisible();
        await check(page, `publishing-${locale}`);
        await page.goto(`${area}/settings`);
        await expect(page.getByTestId('organization-settings-form')).toBeVisible();
        await check(page, `settings-${locale}`);

        problems.expectNone();
      } finally {
        await context.close();
      }
    });
  }

  // A phone reflows every page (one toolbar row, a drawer, the list view, a bottom sheet): its own check, in the
  // organisation's language.
  test('at phone width (390×844) the main pages have no serious or critical violation: nb', async ({ browser }) => {
    test.setTimeout(300_000);
    const context = await browser.newContext({
      baseURL: test.info().project.use.baseURL,
      locale: 'nb-NO',
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    const problems = watchPageProblems(page);
    try {
      await page.goto('/public/fjordvik?lang=nb');
      await expect(page.getByTestId('public-organization')).toBeVisible();
      await check(page, 'phone-public-nb');
      expect((await page.request.post('/api/auth/login', { data: { email: 'admin@kadens.demo', password: DEMO_PASSWORD } })).ok()).toBe(
        true,
      );
      expect((await page.request.patch('/api/me', { data: { locale: 'nb' } })).ok()).toBe(true);
      const area = `/o/${plan.organizationId}`;
      await page.goto(`${area}/calendar?date=${plan.date}`);
      await expect(page.getByTestId('calendar').locator('[data-testid^="calendar-post-"]').first()).toBeVisible({ timeout: 30_000 });
      await check(page, 'phone-calendar-nb');
      await page.getByTestId('calendar-new-post').click();
      await expect(page.getByTestId('composer')).toBeVisible();
      await check(page, 'phone-composer-nb');
      await page.keyboard.press('Escape');
      await expect(page.getByTestId('composer')).toHaveCount(0);
      await page.goto(`${area}/approvals/${plan.reviewPostId}`);
      await expect(page.getByTestId('review-title')).toBeVisible();
      await check(page, 'phone-review-nb');
      await page.goto(`${area}/strategy?tab=channels`);
      await expect(page.getByTestId('channel-item').first()).toBeVisible();
      await check(page, 'phone-strategy-nb');
      problems.expectNone();
    } finally {
      await context.close();
    }
  });
});
