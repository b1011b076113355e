import { type Browser, expect, type Page, test } from './support/test';

const DEMO_PASSWORD = 'kadens-demo';

interface Me {
  memberships: Array<{ organizationId: string; organizationSlug: string }>;
}

/** A new browser with its own session, logged in as the demo user, speaking the organisation's language. */
async function logIn(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/');
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('nav-calendar')).toBeVisible();
  // Other specs switch their users' language; this one needs the organisation's own (nb).
  expect((await page.request.patch('/api/me', { data: { locale: null } })).ok()).toBe(true);
  return page;
}

async function fjordvikId(page: Page): Promise<string> {
  const me = (await (await page.request.get('/api/me')).json()) as Me;
  const fjordvik = me.memberships.find((membership) => membership.organizationSlug === 'fjordvik');
  if (!fjordvik) throw new Error('not a member of Fjordvik kommune');
  return fjordvik.organizationId;
}

async function create(page: Page, path: string, data: object): Promise<string> {
  const response = await page.request.post(path, { data });
  expect(response.status(), `POST ${path}`).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

/** The first Wednesday of next month (a weekday, whatever the month), as YYYY-MM-DD. */
function wednesdayNextMonth(): string {
  const now = new Date();
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
  while (day.getUTCDay() !== 3) day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

interface Plan {
  organizationId: string;
  themeId: string;
  channelId: string;
  date: string;
}

/** Opens the calendar on the day's month and writes a question for Facebook at 14:00 Oslo time. */
async function writeQuestion(page: Page, plan: Plan, title: string): Promise<void> {
  await page.goto(`/o/${plan.organizationId}/calendar?view=month&date=${plan.date}`);
  await expect(page.getByTestId('calendar-time-zone')).toHaveText('Klokkeslett i Europe/Oslo');
  await page.getByTestId('calendar-new-post').click();
  await expect(page.getByTestId('composer')).toBeVisible();
  await page.getByTestId('composer-title').fill(title);
  await page.getByTestId('composer-body').fill('Hvor vil du ha den nye badeplassen? Svar i kommentarfeltet!');
  await page.getByTestId('composer-content-type').click();
  await page.getByTestId('composer-content-type-option-question_poll').click();
  await page.getByTestId('composer-theme').click();
  await page.getByTestId(`composer-theme-option-${plan.themeId}`).click();
  // The date field also reads ISO dates, whatever the language.
  await page.getByTestId('composer-planned-date').fill(plan.date);
  await page.getByTestId('composer-planned-time').fill('14:00');
  await page.getByTestId(`composer-channel-${plan.channelId}`).click();
}

/** Saves and waits for the API's answer. */
async function save(page: Page): Promise<number> {
  const answer = page.waitForResponse((response) => /\/posts$/.test(response.url()) && response.request().method() === 'POST');
  await page.getByTestId('composer-save').click();
  return (await answer).status();
}

test('a question outside service hours is refused in Norwegian, and an approver overrides it with a reason', async ({ browser }) => {
  const run = Date.now().toString(36);
  const channelName = `Fjordvik på Facebook ${run}`;

  // The admin documents the channel's service hours: weekdays 09–12, closed on public holidays.
  const admin = await logIn(browser, 'admin@kadens.demo');
  const organizationId = await fjordvikId(admin);
  const api = `/api/organizations/${organizationId}`;
  const themeId = await create(admin, `${api}/themes`, { name: `Badeliv ${run}`, color: '#00897b' });
  const channelId = await create(admin, `${api}/channels`, { platform: 'facebook', name: channelName });
  const promises = await admin.request.put(`${api}/channels/${channelId}/promises`, {
    data: { cadence: null, serviceHours: { openingHours: 'Mo-Fr 09:00-12:00; PH off', responseWindowMinutes: 60, closedPeriods: [] } },
  });
  expect(promises.status()).toBe(200);
  await admin.context().close();
  const plan: Plan = { organizationId, themeId, channelId, date: wednesdayNextMonth() };

  // The editor's question at 14:00 is refused, with the reason in Norwegian and no way around it.
  const editor = await logIn(browser, 'editor@kadens.demo');
  await writeQuestion(editor, plan, `Badeplass-spørsmål ${run}`);
  expect(await save(editor)).toBe(422);
  const refusal = editor.getByTestId('composer-violations');
  await expect(refusal).toContainText('Innlegget kan ikke lagres på dette tidspunktet');
  await expect(refusal.locator('[data-rule="service_hours.outside"]')).toContainText(
    `${channelName}: Spørsmål og andre innlegg som inviterer til dialog, må publiseres mens kanalen er bemannet.`,
  );
  await expect(refusal).toContainText('Neste bemannede tid er');
  await expect(editor.getByTestId('composer-override')).toHaveCount(0);
  await expect(editor.getByTestId('composer')).toBeVisible();
  await editor.context().close();

  // The approver is refused the same way, overrides with a written reason, and the post keeps it.
  const approver = await logIn(browser, 'approver@kadens.demo');
  const title = `Badeplass-avstemning ${run}`;
  await writeQuestion(approver, plan, title);
  expect(await save(approver)).toBe(422);
  await approver.getByTestId('composer-override').click();
  const dialog = approver.getByTestId('rule-override');
  await expect(dialog).toContainText('mens kanalen er bemannet');
  await approver.getByTestId('rule-override-confirm').click();
  await expect(approver.getByTestId('rule-override-reason-error')).toHaveText('Skriv hvorfor, med minst 3 tegn.');
  const reason = 'Avstemningen må ut i dag; kundesenteret svarer til kl. 16.';
  await approver.getByTestId('rule-override-reason').fill(reason);
  const saved = approver.waitForResponse((response) => /\/posts$/.test(response.url()) && response.request().method() === 'POST');
  await approver.getByTestId('rule-override-confirm').click();
  expect((await saved).status()).toBe(201);
  await expect(approver.getByTestId('composer')).toHaveCount(0);

  const post = approver.getByTestId('calendar').locator('[data-testid^="calendar-post-"]').filter({ hasText: title });
  await post.click();
  const note = approver.getByTestId('composer-override-note');
  await expect(note).toContainText('Reglene til kanalen er overstyrt');
  await expect(approver.getByTestId('composer-override-by')).toContainText('Overstyrt av Anne Godkjenner');
  await expect(approver.getByTestId('composer-override-reason')).toHaveText(`Begrunnelse: ${reason}`);
  await expect(note.locator('[data-rule="service_hours.outside"]')).toContainText(channelName);
  await approver.context().close();
});

test('the composer shows a broken promise while the time is chosen, before Save', async ({ browser }) => {
  const run = `${Date.now().toString(36)}b`;
  const channelName = `Fjordvik på Facebook ${run}`;
  const admin = await logIn(browser, 'admin@kadens.demo');
  const organizationId = await fjordvikId(admin);
  const api = `/api/organizations/${organizationId}`;
  const themeId = await create(admin, `${api}/themes`, { name: `Havneliv ${run}`, color: '#00897b' });
  const channelId = await create(admin, `${api}/channels`, { platform: 'facebook', name: channelName });
  const promises = await admin.request.put(`${api}/channels/${channelId}/promises`, {
    data: { cadence: null, serviceHours: { openingHours: 'Mo-Fr 09:00-12:00; PH off', responseWindowMinutes: 60, closedPeriods: [] } },
  });
  expect(promises.status()).toBe(200);
  await admin.context().close();

  const editor = await logIn(browser, 'editor@kadens.demo');
  const saves: string[] = [];
  editor.on('request', (request) => {
    if (/\/posts$/.test(request.url()) && request.method() === 'POST') saves.push(request.url());
  });
  await writeQuestion(editor, { organizationId, themeId, channelId, date: wednesdayNextMonth() }, `Havne-spørsmål ${run}`);

  // Nothing saved yet, and the problem is already there, in Norwegian, announced politely.
  const check = editor.getByTestId('composer-plan-check');
  await expect(check).toHaveAttribute('aria-live', 'polite');
  await expect(check).toContainText('Før du lagrer: tidspunktet bryter løfter kanalene har gitt');
  await expect(check.locator('[data-rule="service_hours.outside"]')).toContainText(
    `${channelName}: Spørsmål og andre innlegg som inviterer til dialog, må publiseres mens kanalen er bemannet.`,
  );
  expect(saves).toEqual([]);

  // A time inside the staffed hours clears it, and the save goes through.
  await editor.getByTestId('composer-planned-time').fill('10:00');
  await expect(check.locator('[data-rule]')).toHaveCount(0);
  expect(await save(editor)).toBe(201);
  await editor.context().close();
});
