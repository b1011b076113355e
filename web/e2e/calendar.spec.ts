import { expect, type Locator, type Page, test } from './support/test';
import { resolve } from 'node:path';

const DEMO_PASSWORD = 'kadens-demo';
/** A month far enough ahead to be empty on every run, and without a DST change in Oslo. */
const MONTH = '2030-06';
const SCREENS = resolve(__dirname, '../../tmp/screens');
const SIZES = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
] as const;

/** The page at both sizes, for people to look at (tmp/screens). */
async function screenshots(page: Page, name: string): Promise<void> {
  for (const size of SIZES) {
    await page.setViewportSize({ width: size.width, height: size.height });
    await page.screenshot({ path: `${SCREENS}/calendar-${name}-${size.name}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

interface Created {
  id: string;
}

async function createThroughApi(page: Page, path: string, data: object): Promise<string> {
  const response = await page.request.post(path, { data });
  expect(response.status(), `POST ${path}`).toBe(201);
  return ((await response.json()) as Created).id;
}

function calendarPost(page: Page, title: string): Locator {
  return page.getByTestId('calendar').locator('[data-testid^="calendar-post-"]').filter({ hasText: title });
}

function day(page: Page, date: string): Locator {
  return page.getByTestId('calendar').locator(`[data-date="${date}"]`).first();
}

/** Opens the composer on an empty spot of a day in the month view. */
async function planOn(page: Page, date: string): Promise<void> {
  await day(page, date).click({ position: { x: 20, y: 90 } });
  await expect(page.getByTestId('composer')).toBeVisible();
  await expect(page.getByTestId('composer-planned-at')).toHaveAttribute('data-wall-clock', `${date}T09:00`);
}

async function chooseTheme(page: Page, themeId: string): Promise<void> {
  await page.getByTestId('composer-theme').click();
  await page.getByTestId(`composer-theme-option-${themeId}`).click();
}

async function saveAndClose(page: Page): Promise<void> {
  await page.getByTestId('composer-save').click();
  await expect(page.getByTestId('composer')).toHaveCount(0);
}

test.describe('the calendar', () => {
  // The editor's language is part of their account; give it back so other specs see the default.
  test.afterEach(async ({ page }) => {
    await page.request.patch('/api/me', { data: { locale: null } });
  });

  test('an editor plans a month in the composer, filters it by theme and drags a post to another day', async ({ page }) => {
    await page.goto('/');
    await page.getByTestId('login-email').fill('editor@kadens.demo');
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await expect(page.getByTestId('nav-calendar')).toBeVisible();

    // The strategy pages are tested on their own; here the API sets up what the plan refers to.
    const me = (await (await page.request.get('/api/me')).json()) as { memberships: Array<{ organizationId: string }> };
    const organizationId = me.memberships[0]?.organizationId ?? '';
    await page.request.patch('/api/me', { data: { locale: 'en' } });
    const api = `/api/organizations/${organizationId}`;
    const run = Date.now().toString(36);
    const schools = await createThroughApi(page, `${api}/themes`, { name: `Schools ${run}`, color: '#1e88e5' });
    const culture = await createThroughApi(page, `${api}/themes`, { name: `Culture ${run}`, color: '#ffb300' });
    const onX = await createThroughApi(page, `${api}/channels`, { platform: 'x', name: `Fjordvik on X ${run}` });
    const onMastodon = await createThroughApi(page, `${api}/channels`, { platform: 'mastodon', name: `Fjordvik on Mastodon ${run}` });

    await page.goto(`/o/${organizationId}/calendar?view=month&date=${MONTH}-01`);
    await expect(page.getByTestId('calendar-title')).toHaveText('June 2030');
    await expect(page.getByTestId('calendar-time-zone')).toHaveText('Times in Europe/Oslo');

    // A post for two channels, each counted by its own platform.
    await planOn(page, `${MONTH}-04`);
    await page.getByTestId('composer-title').fill('School starts');
    await page.getByTestId('composer-body').fill('The new school year starts on Monday. Welcome back! 🎒');
    await chooseTheme(page, schools);
    await page.getByTestId(`composer-channel-${onX}`).click();
    await page.getByTestId(`composer-channel-${onMastodon}`).click();
    await expect(page.getByTestId('char-count-x')).toHaveText('54 / 280');
    await expect(page.getByTestId('char-count-mastodon')).toHaveText('53 / 500');
    await saveAndClose(page);
    await expect(calendarPost(page, 'School starts')).toBeVisible();

    // Over X's limit: the count turns red and the save is refused until X gets a shorter text.
    await planOn(page, `${MONTH}-11`);
    await page.getByTestId('composer-title').fill('Culture week');
    await page.getByTestId('composer-body').fill(`Culture week in Fjordvik: ${'concerts, exhibitions and readings every day. '.repeat(6)}`);
    await chooseTheme(page, culture);
    await page.getByTestId(`composer-channel-${onMastodon}`).click();
    await page.getByTestId(`composer-channel-${onX}`).click();
    const xCount = page.getByTestId('char-count-x');
    await expect(xCount).toHaveAttribute('data-over-limit', 'true');
    await expect(xCount).toContainText('too many');
    await expect(xCount).toHaveCSS('color', /rgb\((1[5-9]\d|2\d\d), \d{1,2}, \d{1,2}\)/);
    await expect(page.getByTestId('char-count-mastodon')).toHaveAttribute('data-over-limit', 'false');
    await page.getByTestId('composer-save').click();
    await expect(page.getByTestId('composer-blocked')).toBeVisible();
    await expect(page.getByTestId('composer')).toBeVisible();
    await page.getByTestId(`composer-own-text-${onX}`).click();
    await page.getByTestId(`composer-variant-text-${onX}`).fill('Culture week in Fjordvik: something every day!');
    await expect(xCount).toHaveAttribute('data-over-limit', 'false');
    await saveAndClose(page);
    await expect(calendarPost(page, 'Culture week')).toBeVisible();

    await planOn(page, `${MONTH}-19`);
    await page.getByTestId('composer-title').fill('Summer opening hours');
    await page.getByTestId('composer-body').fill('The school library keeps summer hours from 24 June.');
    await chooseTheme(page, schools);
    await page.getByTestId(`composer-channel-${onMastodon}`).click();
    await saveAndClose(page);
    await expect(calendarPost(page, 'Summer opening hours')).toBeVisible();

    // Filtering by theme goes into the URL and leaves only that theme's posts.
    await page.getByTestId('calendar-filter-theme').click();
    await page.getByTestId(`calendar-filter-theme-${culture}`).click();
    await page.keyboard.press('Escape');
    await expect(page).toHaveURL(new RegExp(`[?&]theme=${culture}(&|$)`));
    await expect(calendarPost(page, 'Culture week')).toBeVisible();
    await expect(calendarPost(page, 'School starts')).toHaveCount(0);
    await expect(calendarPost(page, 'Summer opening hours')).toHaveCount(0);
    await expect(page.getByTestId('calendar').locator('[data-testid^="calendar-post-"]')).toHaveCount(1);

    // The back button takes the filter away again.
    await page.goBack();
    await expect(page).not.toHaveURL(/[?&]theme=/);
    await expect(calendarPost(page, 'School starts')).toBeVisible();

    // Drag a post two days later; it stays there after a reload.
    const post = calendarPost(page, 'School starts');
    await post.scrollIntoViewIfNeeded();
    const from = await post.boundingBox();
    const to = await day(page, `${MONTH}-06`).boundingBox();
    if (!from || !to) throw new Error('the post or the target day is not on screen');
    const moved = page.waitForResponse((response) => response.url().endsWith('/move') && response.request().method() === 'POST');
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(from.x + from.width / 2 + 12, from.y + from.height / 2 + 6, { steps: 4 });
    await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 12 });
    await page.mouse.up();
    expect((await moved).status()).toBe(200);
    await expect(day(page, `${MONTH}-06`).getByText('School starts')).toBeVisible();

    await page.reload();
    await expect(day(page, `${MONTH}-06`).getByText('School starts')).toBeVisible();
    await expect(day(page, `${MONTH}-04`).getByText('School starts')).toHaveCount(0);
    await calendarPost(page, 'School starts').click();
    await expect(page.getByTestId('composer-planned-at')).toHaveAttribute('data-wall-clock', `${MONTH}-06T09:00`);
    await expect(page.getByTestId('composer-revision')).toHaveText('Revision 1');
  });

  test('the week view names channels with the same hours once, stacks other labels and warns of a thin week once; the review names the plan', async ({
    page,
  }) => {
    await page.goto('/');
    await page.getByTestId('login-email').fill('admin@kadens.demo');
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await expect(page.getByTestId('nav-calendar')).toBeVisible();
    const me = (await (await page.request.get('/api/me')).json()) as { memberships: Array<{ organizationId: string }> };
    const organizationId = me.memberships[0]?.organizationId ?? '';
    await page.request.patch('/api/me', { data: { locale: 'en' } });
    const api = `/api/organizations/${organizationId}`;
    const run = Date.now().toString(36);
    const names = { a: `Morning desk ${run}`, b: `Front desk ${run}`, c: `Half-day desk ${run}` };
    const channels = {
      a: await createThroughApi(page, `${api}/channels`, { platform: 'mastodon', name: names.a }),
      b: await createThroughApi(page, `${api}/channels`, { platform: 'mastodon', name: names.b }),
      c: await createThroughApi(page, `${api}/channels`, { platform: 'mastodon', name: names.c }),
    };
    const cadence = {
      maxPostsPerDay: null,
      minMinutesBetweenPosts: null,
      minPostsPerWeek: 2,
      maxDaysOfSilence: null,
      preferredSlots: [],
      publicDescription: '',
    };
    const hours = (openingHours: string) => ({ openingHours, responseWindowMinutes: 60, closedPeriods: [] });
    for (const [channel, openingHours] of [
      [channels.a, 'Mo-Fr 08:00-16:00'],
      [channels.b, 'Mo-Fr 08:00-16:00'],
      [channels.c, 'Mo-Fr 08:00-12:00'],
    ] as const) {
      const response = await page.request.put(`${api}/channels/${channel}/promises`, {
        data: { cadence, serviceHours: hours(openingHours) },
      });
      expect(response.status(), `promises of ${channel}`).toBe(200);
    }

    await page.goto(`/o/${organizationId}/calendar?view=week&date=${MONTH}-10&channel=${Object.values(channels).join(',')}`);
    const calendar = page.getByTestId('calendar');
    // One label per day for the overlapping bands: the two channels with the same hours named once,
    // the half-day one beside them with its own hours, nothing printed on top of anything.
    const labels = calendar.locator('.kd-band--staffed').filter({ hasText: 'Staffed:' });
    await expect(labels).toHaveCount(5);
    await expect(labels.first()).toContainText(`${names.c} 08:00–12:00`);
    await expect(labels.first()).toContainText(/(Front|Morning) desk \S+, (Front|Morning) desk \S+ 08:00–16:00/);
    await expect(calendar.locator('.kd-band--staffed')).toHaveCount(10);
    await screenshots(page, 'week-staffed');
    // The thin week is said once, above the grid, naming all three channels; the days stay shaded only.
    const notice = page.getByTestId('calendar-week-notice-thinWeek');
    await expect(notice).toHaveCount(1);
    await expect(notice).toContainText(`${names.a} (0 of 2)`);
    await expect(notice).toContainText(`${names.c} (0 of 2)`);
    await expect(calendar.getByText(/Thin week/)).toHaveCount(0);

    // The review names the theme (colour beside its name), the audiences and the content type.
    const theme = await createThroughApi(page, `${api}/themes`, { name: `Libraries ${run}`, color: '#6a1b9a' });
    const audience = await createThroughApi(page, `${api}/audiences`, { name: `Parents ${run}` });
    const contentTypes = (await (await page.request.get(`${api}/content-types`)).json()) as Array<{ id: string; key: string | null }>;
    const news = contentTypes.find((type) => type.key === 'news')?.id ?? '';
    const postId = await createThroughApi(page, `${api}/posts`, {
      title: `Reading hour ${run}`,
      body: 'Reading hour for children every Tuesday.',
      contentTypeId: news,
      themeId: theme,
      audienceIds: [audience],
      plannedAt: `${MONTH}-11T09:00:00Z`,
      targets: [{ channelId: channels.a }],
    });
    await page.goto(`/o/${organizationId}/approvals/${postId}`);
    await expect(page.getByTestId('review-theme')).toHaveText(`Libraries ${run}`);
    await expect(page.getByTestId('review-audiences')).toHaveText(`Parents ${run}`);
    await expect(page.getByTestId('review-content-type')).toHaveText('News');
    await screenshots(page, 'review-plan');
  });
});
