import { expect, request as playwrightRequest, test } from './support/test';

const DEMO_PASSWORD = 'kadens-demo';

interface Loaded {
  url: string;
  type: string;
  status: number;
  bytes: number;
  startMs: number;
  endMs: number;
}

/**
 * Figures, not a pass mark: how long a cold browser (empty cache, logged in) takes until the calendar
 * shows its first post, how many bytes went over the wire and in how many requests, and the requests on
 * the way there in the order they ran. Run it alone: `npm run e2e -- cold-load`.
 */
test('cold load of the calendar: time to the first post, bytes and requests', async ({ browser }) => {
  const baseURL = test.info().project.use.baseURL ?? '';
  const api = await playwrightRequest.newContext({ baseURL });
  expect((await api.post('/api/auth/login', { data: { email: 'editor@kadens.demo', password: DEMO_PASSWORD } })).ok()).toBe(true);
  const me = (await (await api.get('/api/me')).json()) as { memberships: Array<{ organizationId: string; organizationSlug: string }> };
  const organizationId = me.memberships.find((m) => m.organizationSlug === 'fjordvik')?.organizationId ?? '';
  const base = `/api/organizations/${organizationId}`;
  const run = Date.now().toString(36);
  const date = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
  const contentTypes = (await (await api.get(`${base}/content-types`)).json()) as Array<{ id: string; key: string | null }>;
  const theme = await api.post(`${base}/themes`, { data: { name: `Cold load ${run}`, color: '#1e88e5' } });
  expect(theme.status(), await theme.text()).toBe(201);
  const themeId = ((await theme.json()) as { id: string }).id;
  const channel = await api.post(`${base}/channels`, { data: { platform: 'mastodon', name: `Cold load ${run}` } });
  expect(channel.status(), await channel.text()).toBe(201);
  const targets = [{ channelId: ((await channel.json()) as { id: string }).id }];
  const post = await api.post(`${base}/posts`, {
    data: {
      title: `Cold load ${run}`,
      body: 'Measured.',
      themeId,
      targets,
      contentTypeId: contentTypes.find((type) => type.key === 'news')?.id,
      plannedAt: `${date}T10:00:00.000Z`,
    },
  });
  expect(post.status(), await post.text()).toBe(201);
  const storage = await api.storageState();
  await api.dispose();

  for (const round of ['cold', 'warm'] as const) {
    const context = await browser.newContext({ baseURL, storageState: storage });
    const page = await context.newPage();
    if (round === 'warm') {
      // A first visit fills the cache; the measured one follows.
      await page.goto(`/o/${organizationId}/calendar?view=month&date=${date}`);
      await expect(page.locator('[data-testid^="calendar-post-"]').first()).toBeVisible();
      await page.goto('about:blank');
    }
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    const started = new Map<string, { url: string; type: string; at: number }>();
    const statuses = new Map<string, number>();
    const loaded: Loaded[] = [];
    let origin = 0;
    cdp.on('Network.requestWillBeSent', (event) => {
      if (origin === 0) origin = event.timestamp;
      started.set(event.requestId, { url: event.request.url, type: event.type ?? '', at: event.timestamp });
    });
    cdp.on('Network.responseReceived', (event) => statuses.set(event.requestId, event.response.status));
    cdp.on('Network.loadingFinished', (event) => {
      const request = started.get(event.requestId);
      if (!request) return;
      loaded.push({
        url: request.url,
        type: request.type,
        status: statuses.get(event.requestId) ?? 0,
        bytes: event.encodedDataLength,
        startMs: (request.at - origin) * 1000,
        endMs: (event.timestamp - origin) * 1000,
      });
    });

    const begin = Date.now();
    await page.goto(`/o/${organizationId}/calendar?view=month&date=${date}`);
    await expect(page.locator('[data-testid^="calendar-post-"]').first()).toBeVisible({ timeout: 30_000 });
    const firstPostMs = Date.now() - begin;
    await page.waitForLoadState('networkidle');
    const bytes = loaded.reduce((sum, entry) => sum + entry.bytes, 0);
    const lines = loaded
      .sort((a, b) => a.startMs - b.startMs)
      .map(
        (entry) =>
          `  ${entry.startMs.toFixed(0).padStart(5)}–${entry.endMs.toFixed(0).padStart(5)} ms ${String(entry.status).padStart(3)} ${(entry.bytes / 1024).toFixed(1).padStart(7)} kB  ${entry.type.padEnd(10)} ${new URL(entry.url).pathname}`,
      );
    console.log(
      `${round} load of the calendar: first post visible after ${firstPostMs} ms; ${loaded.length} requests, ${(bytes / 1024).toFixed(0)} kB transferred\n${lines.join('\n')}`,
    );
    await context.close();
  }
});
