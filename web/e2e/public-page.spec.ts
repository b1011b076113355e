import { expect, test } from './support/test';

const DEMO_PASSWORD = 'kadens-demo';

interface Membership {
  organizationId: string;
  organizationSlug: string;
}

test('a citizen, not logged in, reads a Danish organisation’s hours and promises in Danish', async ({ page, browser }) => {
  const channelName = `Facebook ${Date.now().toString(36)}`;

  // An admin documents a channel that is always staffed, so "open now" does not depend on the hour.
  const login = await page.request.post('/api/auth/login', { data: { email: 'admin@kadens.demo', password: DEMO_PASSWORD } });
  expect(login.ok()).toBe(true);
  const me = (await (await page.request.get('/api/me')).json()) as { memberships: Membership[] };
  const bolgeby = me.memberships.find((membership) => membership.organizationSlug === 'bolgeby');
  if (!bolgeby) throw new Error('the demo admin is not in Bølgeby');
  const channels = `/api/organizations/${bolgeby.organizationId}/channels`;
  const created = await page.request.post(channels, { data: { platform: 'facebook', name: channelName, handle: '@bolgeby' } });
  expect(created.status()).toBe(201);
  const channel = (await created.json()) as { id: string };
  const promises = await page.request.put(`${channels}/${channel.id}/promises`, {
    data: {
      cadence: {
        maxPostsPerDay: null,
        minMinutesBetweenPosts: null,
        minPostsPerWeek: 3,
        maxDaysOfSilence: null,
        preferredSlots: [],
        publicDescription: 'Vi poster 3–5 gange om ugen',
      },
      serviceHours: { openingHours: 'Mo-Su 00:00-24:00', responseWindowMinutes: 120, closedPeriods: [] },
    },
  });
  expect(promises.ok()).toBe(true);

  // A fresh browser: no session cookie, and an English browser that the link's ?lang=da overrides.
  const visitor = await browser.newContext();
  const citizen = await visitor.newPage();
  await citizen.goto('/public/bolgeby?lang=da');

  const card = citizen.getByTestId('public-channel').filter({ hasText: channelName });
  await expect(card.getByTestId('public-hours')).toContainText('Alle dage, hele døgnet');
  await expect(card.getByTestId('public-open-now')).toContainText('Åben nu');
  await expect(card.getByTestId('public-response')).toHaveText('Vi svarer inden for 2 timer i åbningstiden.');
  await expect(card.getByTestId('public-cadence')).toContainText('Vi poster 3–5 gange om ugen');
  await expect(citizen).toHaveURL(/\/public\/bolgeby\?lang=da$/);
  await expect(citizen.locator('html')).toHaveAttribute('lang', 'da');
  await expect(citizen).toHaveTitle('Bølgeby Kommune');

  // Search engines get the same as schema.org JSON-LD.
  const jsonLdScript = citizen.locator('script[type="application/ld+json"]');
  await expect(jsonLdScript).toHaveCount(1);
  const jsonLd = JSON.parse((await jsonLdScript.textContent()) ?? '{}') as { '@type': string; contactPoint: Array<{ name: string }> };
  expect(jsonLd['@type']).toBe('Organization');
  expect(jsonLd.contactPoint.map((point) => point.name)).toContain(channelName);

  // The calendar feed is linked in the page's language, and answers.
  const feed = citizen.getByTestId('public-ical');
  await expect(feed).toHaveAttribute('href', /\/api\/public\/bolgeby\/availability\.ics\?lang=da$/);
  await expect(citizen.getByTestId('public-ical-webcal')).toHaveAttribute('href', /^webcal:\/\//);
  const ics = await visitor.request.get((await feed.getAttribute('href')) ?? '');
  expect(ics.headers()['content-type']).toContain('text/calendar');

  // The visitor's own picker switches the page, not anybody's account.
  await citizen.getByTestId('public-language-picker').getByTestId('language-picker').click();
  await citizen.getByTestId('language-option-en').click();
  await expect(card.getByTestId('public-open-now')).toContainText('Open now');
  await expect(citizen).toHaveURL(/\/public\/bolgeby\?lang=en$/);

  // An unknown address gets a kind answer in the visitor's language, not a login page.
  await citizen.goto('/public/no-such-place?lang=da');
  await expect(citizen.getByTestId('public-not-found')).toContainText('Vi kan ikke finde siden');
  await expect(citizen).toHaveURL(/\/public\/no-such-place\?lang=da$/);
  await visitor.close();
});
