import { type APIRequestContext, type Browser, expect, type Locator, type Page, request as playwrightRequest, test } from './support/test';

import { watchPageProblems } from './support/page-problems';

const DEMO_PASSWORD = 'kadens-demo';

/** What shows that `document.activeElement` has keyboard focus: an outline, a ring, or Material's focus look. */
async function focusEvidence(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const drawn = (style: CSSStyleDeclaration) =>
      (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || (style.boxShadow !== 'none' && style.boxShadow !== '');
    if (el.matches(':focus-visible') && drawn(getComputedStyle(el))) return 'outline';
    // Material's strong focus indicator: a ::before ring on `.mat-focus-indicator` inside or on the element.
    for (const candidate of [el, ...Array.from(el.querySelectorAll('.mat-focus-indicator')), el.closest('.mat-focus-indicator')]) {
      if (!(candidate instanceof HTMLElement)) continue;
      const ring = getComputedStyle(candidate, '::before');
      if (ring.content !== 'none' && ring.display !== 'none' && parseFloat(ring.borderTopWidth) > 0) return 'focus ring';
    }
    // A form field draws its own focused outline around the input or select.
    if (el.closest('.mat-focused, .mdc-text-field--focused')) return 'focused field';
    return null;
  });
}

/** Presses Tab (forwards only) until `target` or something inside it has focus, then checks that focus shows. */
async function tabTo(page: Page, target: Locator, max = 80): Promise<void> {
  for (let presses = 0; presses <= max; presses++) {
    if (await target.evaluate((el) => el === document.activeElement || el.contains(document.activeElement)).catch(() => false)) {
      expect(await focusEvidence(page), `visible focus on ${target}`).not.toBeNull();
      return;
    }
    await page.keyboard.press('Tab');
  }
  throw new Error(`${target} was not reached with ${max} presses of Tab`);
}

/** In an open mat-select or listbox: arrows until `option` is the active one. */
async function arrowTo(page: Page, option: Locator, key: 'ArrowDown' | 'ArrowRight' = 'ArrowDown', max = 30): Promise<void> {
  for (let presses = 0; presses <= max; presses++) {
    const active = await option.evaluate(
      (el) => el.classList.contains('mat-mdc-option-active') || el === document.activeElement || el.contains(document.activeElement),
    );
    if (active) return;
    await page.keyboard.press(key);
  }
  throw new Error(`${option} never became active`);
}

async function loggedIn(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL, locale: 'nb-NO' });
  const page = await context.newPage();
  expect((await page.request.post('/api/auth/login', { data: { email, password: DEMO_PASSWORD } })).ok(), `log in as ${email}`).toBe(true);
  expect((await page.request.patch('/api/me', { data: { locale: 'en' } })).ok()).toBe(true);
  return page;
}

async function created(api: APIRequestContext, path: string, data: object): Promise<string> {
  const response = await api.post(path, { data });
  expect(response.status(), `POST ${path}: ${await response.text()}`).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

/** A weekday three weeks ahead, as the composer's date field reads it (dd/mm/yyyy in English as written in Europe). */
function weekdayAhead(): { iso: string; typed: string } {
  const day = new Date(Date.now() + 21 * 86_400_000);
  while (day.getUTCDay() === 0 || day.getUTCDay() === 6) day.setUTCDate(day.getUTCDate() + 1);
  const iso = day.toISOString().slice(0, 10);
  const [year, month, date] = iso.split('-');
  return { iso, typed: `${date}/${month}/${year}` };
}

test('plan, submit and approve a post with the keyboard only, focus always visible', async ({ browser }) => {
  test.setTimeout(180_000);
  const admin = await playwrightRequest.newContext({ baseURL: test.info().project.use.baseURL });
  expect((await admin.post('/api/auth/login', { data: { email: 'admin@kadens.demo', password: DEMO_PASSWORD } })).ok()).toBe(true);
  const me = (await (await admin.get('/api/me')).json()) as { memberships: Array<{ organizationId: string; organizationSlug: string }> };
  const organizationId = me.memberships.find((m) => m.organizationSlug === 'fjordvik')?.organizationId ?? '';
  const base = `/api/organizations/${organizationId}`;
  const run = Date.now().toString(36);
  const themeId = await created(admin, `${base}/themes`, { name: `Keyboard ${run}`, color: '#00897b' });
  const channelId = await created(admin, `${base}/channels`, { platform: 'mastodon', name: `Keys on Mastodon ${run}` });
  // One approval is enough here (another spec may have asked for two); the policy is put back afterwards.
  const policy = (await (await admin.get(`${base}/approval-policy`)).json()) as { approvalsRequired: number };
  expect((await admin.patch(`${base}/approval-policy`, { data: { approvalsRequired: 1 } })).ok()).toBe(true);
  const day = weekdayAhead();
  const title = `Keyboard only ${run}`;

  const editor = await loggedIn(browser, 'editor@kadens.demo');
  const approver = await loggedIn(browser, 'approver@kadens.demo');
  const problems = [watchPageProblems(editor), watchPageProblems(approver)];
  try {
    // The editor plans the post: New post, then every field from the keyboard.
    await editor.goto(`/o/${organizationId}/calendar?view=month&date=${day.iso}`);
    await expect(editor.getByTestId('calendar-new-post')).toBeVisible({ timeout: 30_000 });
    await tabTo(editor, editor.getByTestId('calendar-new-post'));
    await editor.keyboard.press('Enter');
    await expect(editor.getByTestId('composer')).toBeVisible();

    await tabTo(editor, editor.getByTestId('composer-title'));
    await editor.keyboard.type(title);
    await tabTo(editor, editor.getByTestId('composer-body'));
    await editor.keyboard.type('Written without a mouse.');

    await tabTo(editor, editor.getByTestId('composer-content-type'));
    await editor.keyboard.press('Space');
    await arrowTo(editor, editor.getByTestId('composer-content-type-option-news'));
    await editor.keyboard.press('Enter');
    await expect(editor.getByTestId('composer-content-type')).toContainText(/News/);

    await tabTo(editor, editor.getByTestId('composer-theme'));
    await editor.keyboard.press('Space');
    await arrowTo(editor, editor.getByTestId(`composer-theme-option-${themeId}`));
    await editor.keyboard.press('Enter');
    await expect(editor.getByTestId('composer-theme')).toContainText(`Keyboard ${run}`);

    await tabTo(editor, editor.getByTestId('composer-planned-date'));
    await editor.keyboard.press('ControlOrMeta+A');
    await editor.keyboard.type(day.typed);
    await tabTo(editor, editor.getByTestId('composer-planned-time'));
    await editor.keyboard.press('ControlOrMeta+A');
    await editor.keyboard.type('10:00');
    await editor.keyboard.press('Tab');
    await expect(editor.getByTestId('composer-planned-at')).toHaveAttribute('data-wall-clock', `${day.iso}T10:00`);

    // The channel chips: reached with Tab, named, chosen with the arrows and Space.
    const chip = editor.getByTestId(`composer-channel-${channelId}`);
    await tabTo(editor, editor.getByTestId('composer-channels'));
    await arrowTo(editor, chip, 'ArrowRight', 60);
    await expect(chip.getByRole('option')).toHaveAccessibleName(new RegExp(`Keys on Mastodon ${run}`));
    await editor.keyboard.press('Space');
    await expect(chip.getByRole('option')).toHaveAttribute('aria-selected', 'true');

    // Save and send for approval in one go.
    await tabTo(editor, editor.getByTestId('composer-submit'));
    await editor.keyboard.press('Enter');
    await expect(editor.getByTestId('composer')).toHaveCount(0, { timeout: 20_000 });
    const entry = editor.getByTestId('calendar').locator('[data-testid^="calendar-post-"]').filter({ hasText: title });
    await expect(entry).toHaveAttribute('data-state', 'in_review');

    // The approver finds it in the inbox, ticks the checklist and approves, all from the keyboard.
    await approver.goto(`/o/${organizationId}/approvals`);
    const inboxEntry = approver.getByTestId('inbox-entry').filter({ hasText: title });
    await expect(inboxEntry).toBeVisible({ timeout: 30_000 });
    await tabTo(approver, inboxEntry);
    await approver.keyboard.press('Enter');
    await expect(approver.getByTestId('review-title')).toHaveText(title);
    const items = approver.getByTestId('checklist-item');
    for (let index = 0; index < (await items.count()); index++) {
      const box = items.nth(index).locator('input');
      await tabTo(approver, box);
      await approver.keyboard.press('Space');
      await expect(box).toBeChecked();
    }
    await tabTo(approver, approver.getByTestId('review-approve'));
    await approver.keyboard.press('Enter');
    await expect(approver.getByTestId('review-state')).toHaveAttribute('data-state', 'approved');

    for (const watch of problems) watch.expectNone();
  } finally {
    await admin.patch(`${base}/approval-policy`, { data: { approvalsRequired: policy.approvalsRequired } });
    await admin.patch('/api/me', { data: { locale: null } }).catch(() => undefined);
    for (const page of [editor, approver]) {
      await page.request.patch('/api/me', { data: { locale: null } });
      await page.context().close();
    }
    await admin.dispose();
  }
});
