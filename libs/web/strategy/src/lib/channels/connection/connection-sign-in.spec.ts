import { TestBed } from '@angular/core/testing';
import { ActivatedRoute, Router } from '@angular/router';
import type { ChannelConnectionView, ChannelView, Role } from '@kadens/shared/contracts';

import { CHANNELS, strategyData } from '../../testing/strategy-fixtures.testing';
import { apiError, renderWithStrategy, setUpStrategyTestBed } from '../../testing/strategy-test-bed.testing';
import { ChannelsSectionComponent } from '../channels-section.component';
import { EXTERNAL_NAVIGATION } from './connection-sign-in';

const BASE = '/api/organizations/o1/channels';
const X: ChannelView = { ...CHANNELS[0], id: 'cx', platform: 'x', name: 'Fjordvik on X', handle: '' } as ChannelView;
const MASTODON: ChannelView = { ...CHANNELS[0], id: 'cm', platform: 'mastodon', name: 'Fjordvik on Mastodon', handle: '' } as ChannelView;
const BLUESKY: ChannelView = { ...CHANNELS[0], id: 'cb', platform: 'bluesky', name: 'Fjordvik on Bluesky', handle: '' } as ChannelView;
const WEBHOOK: ChannelView = { ...CHANNELS[0], id: 'cw', platform: 'webhook', name: 'Intranet', handle: '' } as ChannelView;
const DAY = 24 * 60 * 60_000;

const connected = (channel: ChannelView, overrides: Partial<ChannelConnectionView> = {}): ChannelConnectionView => ({
  channelId: channel.id,
  platform: channel.platform,
  status: 'connected',
  accountName: '@fjordvik',
  baseUrl: null,
  settings: {},
  credentialNames: ['accessToken'],
  lastError: null,
  checkedAt: null,
  updatedAt: '2026-12-01T00:00:00.000Z',
  expiresAt: null,
  connectedBy: { userId: 'u1', name: 'Ada Admin' },
  connectedAt: '2026-12-01T09:00:00.000Z',
  ...overrides,
});

describe('connecting a channel by signing in with its platform', () => {
  async function render(
    options: { role?: Role; stored?: ChannelConnectionView[]; query?: Record<string, string>; bluesky?: boolean } = {},
  ) {
    const navigate = jest.fn();
    const bed = await setUpStrategyTestBed(options.role ?? 'admin', [
      { provide: EXTERNAL_NAVIGATION, useValue: navigate },
      { provide: ActivatedRoute, useValue: { snapshot: { queryParams: options.query ?? {} } } },
    ]);
    const routerNavigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    const rendered = await renderWithStrategy(
      ChannelsSectionComponent,
      bed.http,
      strategyData({ channels: [X, MASTODON, WEBHOOK, ...(options.bluesky ? [BLUESKY] : [])] }),
    );
    bed.http.expectOne({ method: 'GET', url: '/api/organizations/o1/channel-connections' }).flush(options.stored ?? []);
    await rendered.settle();
    return { ...bed, ...rendered, navigate, routerNavigate };
  }

  const items = (findAll: (id: string) => HTMLElement[]) => findAll('channel-item');
  const inItem = (findAll: (id: string) => HTMLElement[], index: number, testId: string) =>
    items(findAll)[index]?.querySelector<HTMLElement>(`[data-testid="${testId}"]`) ?? null;

  it('offers Connect in the list for the platforms that sign in, Reconnect once connected, nothing for the webhook', async () => {
    const { findAll } = await render({ stored: [connected(X)] });
    expect(inItem(findAll, 0, 'channel-connect')?.textContent?.trim()).toBe('Reconnect');
    expect(inItem(findAll, 0, 'channel-connect')?.getAttribute('aria-label')).toBe('Reconnect «Fjordvik on X»');
    expect(inItem(findAll, 1, 'channel-connect')?.textContent?.trim()).toBe('Connect');
    expect(inItem(findAll, 2, 'channel-connect')).toBeNull();
  });

  it.each<Role>(['editor', 'viewer'])('offers the %s no Connect', async (role) => {
    const { find } = await render({ role });
    expect(find('channel-connect')).toBeNull();
  });

  it('Connect in the list asks for the consent page and sends the browser there', async () => {
    const { click, http, navigate, settle } = await render();
    await click('channel-connect', 0);
    const request = http.expectOne({ method: 'POST', url: `${BASE}/cx/connection/authorize` });
    expect(request.request.body).toEqual({});
    request.flush({ authorizeUrl: 'https://x.com/i/oauth2/authorize?state=s1' });
    await settle();
    expect(navigate).toHaveBeenCalledWith('https://x.com/i/oauth2/authorize?state=s1');
  });

  it('explains a platform this installation has no app for, in the channel’s connection, naming the platform', async () => {
    const { click, http, navigate, settle, text, find } = await render();
    await click('channel-connect', 0);
    apiError(http.expectOne({ method: 'POST', url: `${BASE}/cx/connection/authorize` }), 400, {
      code: 'oauth_not_configured',
      errors: [{ field: 'platform', messages: ['X has no app configured on this installation (X_CLIENT_ID)'] }],
    });
    await settle();
    expect(navigate).not.toHaveBeenCalled();
    expect(find('connection-editor')).not.toBeNull();
    expect(text('connect-problem')).toContain('X has not been set up on this Kadens installation yet');
    expect(find('connection-advanced')?.textContent).toContain('Advanced: enter the credentials by hand');
  });

  it('asks Mastodon for the instance first, then signs in there; an unusable instance is explained', async () => {
    const { click, http, navigate, settle, text, fill, find } = await render();
    await click('channel-connect', 1);
    expect(find('connection-editor')).not.toBeNull();
    await click('connect-start');
    http.expectNone({ method: 'POST', url: `${BASE}/cm/connection/authorize` });

    fill('connect-instance', 'social.fjordvik.example');
    await click('connect-start');
    const refused = http.expectOne({ method: 'POST', url: `${BASE}/cm/connection/authorize` });
    expect(refused.request.body).toEqual({ instanceUrl: 'social.fjordvik.example' });
    apiError(refused, 400, { errors: [{ field: 'instanceUrl', messages: ['no answer as Mastodon'] }] });
    await settle();
    expect(text('connect-problem')).toContain('could not use this address as a Mastodon instance');
    expect(text('connect-problem')).toContain('What happened: no answer as Mastodon');

    await click('connect-start');
    http
      .expectOne({ method: 'POST', url: `${BASE}/cm/connection/authorize` })
      .flush({ authorizeUrl: 'https://social.example/oauth/authorize' });
    await settle();
    expect(find('connect-problem')).toBeNull();
    expect(navigate).toHaveBeenCalledWith('https://social.example/oauth/authorize');
  });

  it('keeps the webhook’s URL and secret form as its main form', async () => {
    const { click, find } = await render();
    await click('channel-connection', 2);
    expect(find('connection-sign-in')).toBeNull();
    expect(find('connection-advanced')).toBeNull();
    expect(find('connection-form')).not.toBeNull();
  });

  it('back from the sign-in: opens the channel’s connection, says it is connected as whom, and cleans the URL', async () => {
    const stored = connected(X, {
      credentialNames: ['accessToken', 'refreshToken'],
      expiresAt: new Date(Date.now() + 7200_000).toISOString(),
    });
    const { text, routerNavigate, find } = await render({ stored: [stored], query: { channel: 'cx', connected: '1', tab: 'channels' } });
    expect(text('connect-returned')).toBe('Signed in with X: «Fjordvik on X» is connected and can publish.');
    expect(text('connection-account')).toBe('@fjordvik');
    expect(text('connection-connected-by')).toContain('by Ada Admin');
    expect(text('connection-expires-at')).toBe('Kadens renews it by itself');
    expect(find('connection-expiry')?.textContent?.trim()).toBe('Renews by itself');
    expect(routerNavigate).toHaveBeenCalledWith(
      [],
      expect.objectContaining({
        queryParams: { channel: null, connected: null, connectError: null, choose: null, tab: 'channels' },
        replaceUrl: true,
      }),
    );
  });

  it('back from a refused sign-in: says why and what to do, in words, never the raw code', async () => {
    const { text } = await render({ query: { channel: 'cx', connectError: 'denied' } });
    expect(text('connect-returned')).toBe(
      'Kadens was not approved on X, so nothing was connected. Click «Connect» and choose to allow Kadens.',
    );
  });

  it('back from a sign-in that needs a page chosen: the picker gets the sign-in, and picking connects the channel', async () => {
    const { find, http, settle, element, text } = await render({ query: { channel: 'cx', choose: 'sign-in-7' } });
    expect(find('connect-choose')?.getAttribute('data-sign-in')).toBe('sign-in-7');
    expect(element.querySelector('kd-connection-choice')).not.toBeNull();
    http.expectOne({ method: 'GET', url: `${BASE}/cx/connection/choices/sign-in-7` }).flush({
      platform: 'x',
      choices: [{ id: 'page-1', name: 'Fjordvik kommune', kind: 'page' }],
    });
    await settle();
    element.querySelector<HTMLInputElement>('input[type="radio"]')?.click();
    await settle();
    find('connection-choice-submit')?.click();
    await settle();
    http
      .expectOne({ method: 'POST', url: `${BASE}/cx/connection/choices/sign-in-7` })
      .flush(connected(X, { accountName: 'Fjordvik kommune' }));
    await settle();
    expect(text('connect-returned')).toBe('Signed in with X: «Fjordvik on X» is connected and can publish.');
    expect(text('connection-account')).toBe('Fjordvik kommune');
  });

  it('shows an expiry badge in the list: days left, a warning within a week, expired', async () => {
    const { findAll } = await render({
      stored: [
        connected(X, { expiresAt: new Date(Date.now() + 30 * DAY + 60_000).toISOString() }),
        connected(MASTODON, { expiresAt: new Date(Date.now() + 3 * DAY + 60_000).toISOString() }),
        connected(WEBHOOK, { expiresAt: new Date(Date.now() - 60_000).toISOString() }),
      ],
    });
    const badges = findAll('connection-expiry').map((badge) => [badge.textContent?.replace(/\s+/g, ' ').trim(), badge.className]);
    expect(badges).toEqual([
      ['Expires in 30 days', 'expiry expiry--calm'],
      ['! Expires in 3 days', 'expiry expiry--warning'],
      ['! Expired', 'expiry expiry--expired'],
    ]);
  });

  it('Bluesky: signs in with the handle and an app password on the page, which is not kept', async () => {
    const { click, http, settle, fill, find, text, errorNextTo } = await render({ bluesky: true });
    await click('channel-connect', 2);
    expect(find('connect-start')).toBeNull();
    expect(find<HTMLInputElement>('app-password-password')?.type).toBe('password');
    fill('app-password-identifier', '@fjordvik.bsky.social');
    fill('app-password-password', 'abcd-efgh-ijkl-mnop');
    await click('app-password-submit');
    const refused = http.expectOne({ method: 'POST', url: `${BASE}/cb/connection/app-password` });
    expect(refused.request.body).toEqual({ identifier: '@fjordvik.bsky.social', appPassword: 'abcd-efgh-ijkl-mnop' });
    apiError(refused, 400, { code: 'sign_in_refused', errors: [{ field: 'appPassword', messages: ['no'] }] });
    await settle();
    expect(errorNextTo('app-password-password')).toContain('Bluesky did not accept this handle and app password');

    fill('app-password-password', 'abcd-efgh-ijkl-mnoq');
    await click('app-password-submit');
    http
      .expectOne({ method: 'POST', url: `${BASE}/cb/connection/app-password` })
      .flush(connected(BLUESKY, { accountName: '@fjordvik.bsky.social', credentialNames: ['accessJwt', 'identifier', 'refreshJwt'] }));
    await settle();
    expect(text('connect-returned')).toBe('Signed in with Bluesky: «Fjordvik on Bluesky» is connected and can publish.');
    expect(text('connection-account')).toBe('@fjordvik.bsky.social');
    expect(find<HTMLInputElement>('app-password-password')?.value).toBe('');
  });
});
