import { resolve } from 'node:path';

import pg from 'pg';

import { FakeMastodon } from '../../libs/api/platforms/src/testing/fake-mastodon';
import { FakeX } from '../../libs/api/platforms/src/testing/fake-x';
import { expectNoSeriousA11yViolations } from './support/accessibility';
import { ConsentGate } from './support/consent-gate';
import { created, logInAs, type Member, organizationIdOf } from './support/members';
import { expect, type Page, test } from './support/test';

/*
 * Connecting channels by signing in with the platform (issue 11), in the browser, against local fake
 * platforms that keep the platforms' documented contracts (libs/api/platforms/src/testing) behind a
 * consent page of their own (support/consent-gate.ts). scripts/e2e.mjs starts the app with an X app
 * (X_CLIENT_ID…) pointing at E2E_FAKE_X_PORT, where this spec starts the fake X.
 */
const SCREENS = resolve(__dirname, '../../tmp/screenshots');
const SIZES = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
] as const;

/** The page at both sizes, and the channel's connection on its own when it is open (the page scrolls inside the shell). */
async function screenshots(page: Page, name: string): Promise<void> {
  for (const size of SIZES) {
    await page.setViewportSize({ width: size.width, height: size.height });
    // The navigation turns into a drawer at phone width; let it finish moving.
    await page.waitForTimeout(800);
    await page.screenshot({ path: `${SCREENS}/connect-${name}-${size.name}.png`, fullPage: true });
    const editor = page.getByTestId('connection-editor');
    if ((await editor.count()) > 0) await editor.screenshot({ path: `${SCREENS}/connect-${name}-${size.name}-editor.png` });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

/** The channel's row in the strategy page's channel list. */
async function openChannels(page: Page, organizationId: string, channelName: string) {
  await page.goto(`/o/${organizationId}/strategy?tab=channels`);
  const row = page.getByTestId('channel-item').filter({ hasText: channelName });
  await expect(row).toBeVisible();
  return row;
}

/** An approved post on the channel, planned for the next minute (the worker publishes it then). */
async function approvedPost(editor: Page, approver: Page, api: string, channelId: string, text: string): Promise<string> {
  const run = Date.now().toString(36);
  const themeId = await created(editor, `${api}/themes`, { name: `Connect ${run}`, color: '#1e88e5' });
  const contentTypes = (await (await editor.request.get(`${api}/content-types`)).json()) as Array<{ id: string; key: string | null }>;
  const plannedAt = new Date(Math.ceil((Date.now() + 60_000) / 60_000) * 60_000);
  const postId = await created(editor, `${api}/posts`, {
    title: `X ${run}`,
    body: text,
    contentTypeId: contentTypes.find((type) => type.key === 'news')?.id,
    themeId,
    plannedAt: plannedAt.toISOString(),
    targets: [{ channelId }],
  });
  expect((await editor.request.post(`${api}/posts/${postId}/submit`, { data: {} })).ok()).toBe(true);
  const post = (await (await approver.request.get(`${api}/posts/${postId}`)).json()) as { revision: number };
  const checklist = (await (await approver.request.get(`${api}/checklist`)).json()) as Array<{ id: string; archived: boolean }>;
  const approved = await approver.request.post(`${api}/posts/${postId}/approve`, {
    data: { revision: post.revision, checklist: checklist.filter((item) => !item.archived).map((item) => item.id) },
  });
  expect(approved.ok(), await approved.text()).toBe(true);
  return postId;
}

test.describe('connecting a channel by signing in with its platform', () => {
  const mastodon = new FakeMastodon();
  const x = new FakeX();
  let mastodonGate: ConsentGate;
  let xGate: ConsentGate;
  let instanceUrl = '';
  const people: Member[] = [];

  test.beforeAll(async () => {
    const xPort = Number(process.env['E2E_FAKE_X_PORT']);
    expect(xPort, 'scripts/e2e.mjs sets E2E_FAKE_X_PORT').toBeGreaterThan(0);
    mastodonGate = new ConsentGate(await mastodon.start(), '/oauth/authorize', 'Mastodon (fake instance)');
    instanceUrl = await mastodonGate.start();
    xGate = new ConsentGate(await x.start(), '/i/oauth2/authorize', 'X (fake)');
    const xUrl = await xGate.start(xPort);
    expect(xUrl).toBe(`http://127.0.0.1:${xPort}`);
    // The installation's X app, as scripts/e2e.mjs configures it, with the installation's callback as its redirect URI.
    const callback = `${process.env['E2E_BASE_URL'] ?? 'http://127.0.0.1:3000'}/api/oauth/callback`;
    x.oauth.clients.push({ clientId: 'kadens-e2e-x', clientSecret: 'kadens-e2e-x-secret', redirectUris: [callback] });
  });

  test.afterAll(async () => {
    for (const member of people) {
      await member.page.request.patch('/api/me', { data: { locale: null } });
      await member.context.close();
    }
    await Promise.all([mastodonGate?.stop(), xGate?.stop(), mastodon.stop(), x.stop()]);
  });

  test('Mastodon: the admin types the instance, approves on its consent page and sees the channel connected as its account', async ({
    browser,
  }) => {
    const admin = await logInAs(browser, 'admin@kadens.demo');
    people.push(admin);
    const page = admin.page;
    const organizationId = await organizationIdOf(page, 'fjordvik');
    const api = `/api/organizations/${organizationId}`;
    const channelName = `Fjordvik on Mastodon ${Date.now().toString(36)}`;
    await created(page, `${api}/channels`, { platform: 'mastodon', name: channelName });

    const row = await openChannels(page, organizationId, channelName);
    await expect(row.getByTestId('connection-status')).toHaveText('Not connected');
    await row.getByTestId('channel-connect').click();
    const editor = page.getByTestId('connection-editor');
    await expect(editor.getByTestId('connect-start')).toHaveText('Connect with Mastodon');
    await expectNoSeriousA11yViolations(page, 'connect-mastodon-editor');
    await screenshots(page, 'mastodon-instance');

    await editor.getByTestId('connect-instance').fill(instanceUrl);
    await editor.getByTestId('connect-start').click();

    // The instance's consent page, a real page of the fake instance; the admin approves.
    await page.waitForURL((url) => url.origin === instanceUrl && url.pathname === '/oauth/authorize');
    await page.getByTestId('fake-consent-approve').click();

    // Back on the channel's page: connected, as the instance's account, and the URL cleaned.
    await page.waitForURL(/\/strategy\?tab=channels$/);
    const back = page.getByTestId('connection-editor');
    await expect(back.getByTestId('connect-returned')).toHaveAttribute('data-outcome', 'connected');
    await expect(back.getByTestId('connect-returned')).toContainText(`«${channelName}» is connected`);
    const account = `@${mastodon.username}@${new URL(instanceUrl).host}`;
    await expect(back.getByTestId('connection-account')).toHaveText(account);
    await expect(back.getByTestId('connection-connected-by')).toContainText('Ada Admin');
    await expect(back.getByTestId('connection-status')).toHaveText(`Connected as ${account}`);
    await expect(back.getByTestId('connect-start')).toHaveText('Reconnect with Mastodon');
    expect(mastodonGate.answers).toEqual(['shown', 'approved']);
    await expectNoSeriousA11yViolations(page, 'connect-mastodon-connected');
    await screenshots(page, 'mastodon-connected');

    // Reconnecting, the admin declines on the consent page: nothing changes, and the page says so and what to do.
    await back.getByTestId('connect-start').click();
    await page.waitForURL((url) => url.origin === instanceUrl && url.pathname === '/oauth/authorize');
    await page.getByTestId('fake-consent-deny').click();
    await page.waitForURL(/\/strategy\?tab=channels$/);
    await expect(page.getByTestId('connect-returned')).toHaveAttribute('data-outcome', 'denied');
    await expect(page.getByTestId('connect-returned')).toContainText('Click «Connect» and choose to allow Kadens');
    await expect(page.getByTestId('connection-editor').getByTestId('connection-status')).toHaveText(`Connected as ${account}`);
    await screenshots(page, 'mastodon-denied');

    // The list says so too, after a reload.
    const listed = await openChannels(page, organizationId, channelName);
    await expect(listed.getByTestId('connection-status')).toHaveText(`Connected as ${account}`);
    await expect(listed.getByTestId('channel-connect')).toHaveText('Reconnect');
  });

  test('X: connected with PKCE, the access token expires, and the worker renews it before publishing', async ({ browser }) => {
    test.setTimeout(300_000);
    const admin = await logInAs(browser, 'admin@kadens.demo');
    const editor = await logInAs(browser, 'editor@kadens.demo');
    const approver = await logInAs(browser, 'approver@kadens.demo');
    people.push(admin, editor, approver);
    const page = admin.page;
    const organizationId = await organizationIdOf(page, 'fjordvik');
    const api = `/api/organizations/${organizationId}`;
    expect(
      (await page.request.patch(`${api}/approval-policy`, { data: { approvalsRequired: 1, adminApprovalRequired: false } })).ok(),
    ).toBe(true);
    const channelName = `Fjordvik on X ${Date.now().toString(36)}`;
    const channelId = await created(page, `${api}/channels`, { platform: 'x', name: channelName });

    // "Connect" in the list goes straight to X's consent page.
    const row = await openChannels(page, organizationId, channelName);
    await row.getByTestId('channel-connect').click();
    await page.waitForURL(/\/i\/oauth2\/authorize\?/);
    expect(new URL(page.url()).searchParams.get('code_challenge_method')).toBe('S256');
    await page.getByTestId('fake-consent-approve').click();
    await page.waitForURL(/\/strategy\?tab=channels$/);
    const back = page.getByTestId('connection-editor');
    await expect(back.getByTestId('connect-returned')).toHaveAttribute('data-outcome', 'connected');
    await expect(back.getByTestId('connection-account')).toHaveText(`@${x.username}`);
    await expect(back.getByTestId('connection-expiry')).toHaveText('Renews by itself');
    await screenshots(page, 'x-connected');

    // Two hours later: the access token has expired, at X and in Kadens's record.
    const expiredToken = x.accessToken;
    x.expireToken();
    const db = new pg.Client({ connectionString: process.env['E2E_DATABASE_URL'] });
    await db.connect();
    try {
      await db.query(`UPDATE channel_connections SET expires_at = now() - interval '1 minute' WHERE channel_id = $1`, [channelId]);
    } finally {
      await db.end();
    }
    await page.reload();
    const expiredBadge = page.getByTestId('channel-item').filter({ hasText: channelName }).getByTestId('connection-expiry');
    // A refresh token is stored, so the list does not alarm: Kadens renews it when it is needed.
    await expect(expiredBadge).toHaveText('Renews by itself');

    // A post planned on the channel: the worker renews the token first, then publishes with the new one.
    const text = `Fjordveien opens again on Monday (${Date.now().toString(36)}).`;
    const postId = await approvedPost(editor.page, approver.page, api, channelId, text);
    await expect
      .poll(
        async () =>
          ((await (await editor.page.request.get(`${api}/posts/${postId}/deliveries`)).json()) as Array<{ state: string }>)[0]?.state,
        {
          timeout: 180_000,
          intervals: [2_000],
        },
      )
      .toBe('published');

    expect(x.oauth.refreshes).toBe(1);
    expect(x.accessToken).not.toBe(expiredToken);
    expect(x.tweets.map((tweet) => tweet.text)).toEqual([expect.stringContaining('Fjordveien opens again on Monday')]);
    const posted = x.server.received.filter((request) => request.method === 'POST' && request.path === '/2/tweets');
    // Exactly one attempt, with the renewed token: the expired one never reached X.
    expect(posted.map((request) => request.headers['authorization'])).toEqual([`Bearer ${x.accessToken}`]);
    const refresh = x.server.received.filter(
      (request) => request.path === '/2/oauth2/token' && request.form.get('grant_type') === 'refresh_token',
    );
    expect(refresh).toHaveLength(1);

    // The connection now expires two hours from the renewal, and the page still says it renews by itself.
    const view = (await (await page.request.get(`${api}/channels/${channelId}/connection`)).json()) as {
      expiresAt: string;
      status: string;
    };
    expect(view.status).toBe('connected');
    expect(Date.parse(view.expiresAt)).toBeGreaterThan(Date.now() + 3600_000);
  });

  test('operators see which platforms can sign in, and the redirect URI to register', async ({ browser }) => {
    const admin = await logInAs(browser, 'admin@kadens.demo');
    people.push(admin);
    const organizationId = await organizationIdOf(admin.page, 'fjordvik');
    await admin.page.goto(`/o/${organizationId}/publishing`);
    await admin.page.getByTestId('platform-settings-link').click();
    await admin.page.waitForURL(/\/settings\/platforms$/);
    const xEntry = admin.page.locator('[data-testid="platform-setting"][data-platform="x"]');
    await expect(xEntry.getByTestId('platform-state')).toHaveText('Ready');
    await expect(xEntry.getByTestId('platform-redirect-uri')).toHaveText(
      `${process.env['E2E_BASE_URL'] ?? 'http://127.0.0.1:3000'}/api/oauth/callback`,
    );
    await expect(admin.page.locator('[data-testid="platform-setting"][data-platform="webhook"]').getByTestId('platform-state')).toHaveText(
      'Credentials form',
    );
    await expect(admin.page.getByText('kadens-e2e-x-secret')).toHaveCount(0);
    await expectNoSeriousA11yViolations(admin.page, 'platform-settings');
    await screenshots(admin.page, 'platform-settings');
  });
});
