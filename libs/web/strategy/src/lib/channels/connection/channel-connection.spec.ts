import type { HttpTestingController } from '@angular/common/http/testing';
import type { ChannelConnectionView, ChannelView, ConnectionTestResult, Role } from '@kadens/shared/contracts';

import { CHANNELS, strategyData } from '../../testing/strategy-fixtures.testing';
import { apiError, renderWithStrategy, setUpStrategyTestBed } from '../../testing/strategy-test-bed.testing';
import { ChannelsSectionComponent } from '../channels-section.component';

const BASE = '/api/organizations/o1/channels';
const MASTODON: ChannelView = { ...CHANNELS[0], id: 'c3', platform: 'mastodon', name: 'Sunflower on Mastodon', handle: '' } as ChannelView;

const connection = (overrides: Partial<ChannelConnectionView> = {}): ChannelConnectionView => ({
  channelId: 'c1',
  platform: 'facebook',
  status: 'connected',
  accountName: 'Sunflower kindergarten',
  baseUrl: null,
  settings: { pageId: '104567890123456' },
  credentialNames: ['accessToken'],
  lastError: null,
  checkedAt: '2026-05-11T06:00:00.000Z',
  updatedAt: '2026-05-10T06:00:00.000Z',
  expiresAt: null,
  connectedBy: null,
  connectedAt: null,
  ...overrides,
});

describe('channel connections', () => {
  /** Renders the channels with c1 connected, c2 (and c3, when given) not. */
  async function render(role: Role = 'admin', channels: ChannelView[] = CHANNELS, stored: ChannelConnectionView | null = connection()) {
    const bed = await setUpStrategyTestBed(role);
    const rendered = await renderWithStrategy(ChannelsSectionComponent, bed.http, strategyData({ channels }));
    answerConnections(bed.http, channels, stored);
    await rendered.settle();
    const open = async (index = 0) => {
      await rendered.click('channel-connection', index);
      await rendered.settle();
    };
    return { ...bed, ...rendered, open };
  }

  function answerConnections(http: HttpTestingController, channels: ChannelView[], stored: ChannelConnectionView | null): void {
    // One request for every channel; the unconnected ones are not listed (nothing asks them one by one).
    const listed = channels.some((channel) => channel.id === 'c1') && stored ? [stored] : [];
    http.expectOne({ method: 'GET', url: '/api/organizations/o1/channel-connections' }).flush(listed);
    for (const channel of channels) http.expectNone({ method: 'GET', url: `${BASE}/${channel.id}/connection` });
  }

  const chips = (findAll: (testId: string) => HTMLElement[]) => findAll('connection-status').map((chip) => chip.textContent?.trim());

  it('shows every member whether each channel is connected', async () => {
    const { findAll } = await render(
      'viewer',
      CHANNELS,
      connection({ status: 'reconnect_needed', lastError: 'The platform refused the credentials: token expired (HTTP 401)' }),
    );
    expect(chips(findAll)).toEqual(['Reconnect needed', 'Not connected']);
    expect(findAll('connection-last-error')[0]?.textContent).toContain(
      'Last error: The platform refused the credentials: token expired (HTTP 401)',
    );
  });

  it('names the account a connected channel publishes as', async () => {
    const { findAll } = await render('editor');
    expect(chips(findAll)).toEqual(['Connected as Sunflower kindergarten', 'Not connected']);
  });

  it.each<Role>(['editor', 'approver', 'viewer'])('offers the %s role no way to connect', async (role) => {
    const { find } = await render(role);
    expect(find('channel-connection')).toBeNull();
  });

  it('connects a new channel from the platform’s own fields, secrets as password inputs', async () => {
    const { open, fill, find, click, http, settle, notifier, findAll, text } = await render('admin', [...CHANNELS, MASTODON]);
    await open(2);
    expect(text('connection-guide')).toContain('write:statuses');
    expect(find<HTMLInputElement>('connection-credential-accessToken')?.type).toBe('password');
    expect(find<HTMLInputElement>('connection-credential-accessToken')?.getAttribute('autocomplete')).toBe('new-password');
    expect(find('connection-setting-pageId')).toBeNull();
    expect(find('connection-remove')).toBeNull();

    await click('connection-save');
    expect(http.match({ method: 'PUT' })).toHaveLength(0);

    fill('connection-base-url', ' https://mastodon.social ');
    fill('connection-credential-accessToken', 'secret-token');
    fill('connection-setting-maxCharacters', '1000');
    await click('connection-save');
    const request = http.expectOne({ method: 'PUT', url: `${BASE}/c3/connection` });
    expect(request.request.body).toEqual({
      baseUrl: 'https://mastodon.social',
      settings: { maxCharacters: 1000 },
      credentials: { accessToken: 'secret-token' },
    });
    request.flush(
      connection({
        channelId: 'c3',
        platform: 'mastodon',
        status: 'untested',
        accountName: null,
        baseUrl: 'https://mastodon.social',
        settings: { maxCharacters: 1000 },
      }),
    );
    await settle();
    expect(notifier.announce).toHaveBeenCalledWith('strategy.connection.saved', { name: 'Sunflower on Mastodon' });
    expect(find<HTMLInputElement>('connection-credential-accessToken')?.value).toBe('');
    expect(text('connection-stored-accessToken')).toBe('Stored. Leave empty to keep it.');
    expect(chips(findAll)).toContain('Saved, not tested yet');
  });

  it('keeps stored credentials left empty, and explains a field the API refuses next to it', async () => {
    const { open, fill, click, http, settle, errorNextTo } = await render();
    await open();
    expect(errorNextTo('connection-credential-accessToken')).toBeNull();
    fill('connection-setting-pageId', '2024');
    await click('connection-save');
    const request = http.expectOne({ method: 'PUT', url: `${BASE}/c1/connection` });
    expect(request.request.body).toEqual({ baseUrl: null, settings: { pageId: '2024' } });
    apiError(request, 400, { code: 'validation_failed', errors: [{ field: 'settings.pageId', messages: ['is not a page you manage'] }] });
    await settle();
    expect(errorNextTo('connection-setting-pageId')).toBe('is not a page you manage');
  });

  it('checks values against the platform’s fields before asking the API', async () => {
    const { open, fill, click, http, errorNextTo } = await render();
    await open();
    fill('connection-setting-pageId', 'my page');
    fill('connection-base-url', 'graph.example');
    await click('connection-save');
    expect(http.match({ method: 'PUT' })).toHaveLength(0);
    expect(errorNextTo('connection-setting-pageId')).toBe('This does not look right; see the example in the field.');
    expect(errorNextTo('connection-base-url')).toBe('Enter a full address starting with https:// (or http://).');
  });

  it('tests the connection, shows progress, and says what to do about refused credentials', async () => {
    const { open, click, http, settle, find, text, findAll } = await render();
    await open();
    await click('connection-test');
    expect(find('connection-testing')).not.toBeNull();
    expect(text('connection-test')).toBe('Testing the connection…');
    const failed: ConnectionTestResult = {
      ok: false,
      accountName: null,
      error: { kind: 'auth', status: 401, message: 'The platform refused the credentials: Error validating access token (HTTP 401)' },
      checkedAt: '2026-05-11T07:00:00.000Z',
    };
    http.expectOne({ method: 'POST', url: `${BASE}/c1/connection/test` }).flush(failed);
    await settle();
    http
      .expectOne({ method: 'GET', url: `${BASE}/c1/connection` })
      .flush(connection({ status: 'reconnect_needed', lastError: failed.error?.message ?? null }));
    await settle();
    expect(find('connection-testing')).toBeNull();
    expect(text('connection-test-result')).toContain(
      'The platform refused the credentials. Create a new access token or app password on the platform, enter it here and save again.',
    );
    expect(text('connection-test-details')).toBe(
      'What happened: The platform refused the credentials: Error validating access token (HTTP 401)',
    );
    expect(chips(findAll)[0]).toBe('Reconnect needed');
  });

  it('says whom a working connection publishes as', async () => {
    const { open, click, http, settle, text } = await render();
    await open();
    await click('connection-test');
    http
      .expectOne({ method: 'POST', url: `${BASE}/c1/connection/test` })
      .flush({ ok: true, accountName: 'Sunflower kindergarten', error: null, checkedAt: '2026-05-11T07:00:00.000Z' });
    await settle();
    http.expectOne({ method: 'GET', url: `${BASE}/c1/connection` }).flush(connection());
    await settle();
    expect(text('connection-test-result')).toBe('The connection works: connected as Sunflower kindergarten.');
  });

  it('saves unsaved changes before testing them', async () => {
    const { open, fill, click, http, settle } = await render();
    await open();
    fill('connection-setting-graphVersion', 'v23.0');
    await click('connection-test');
    const save = http.expectOne({ method: 'PUT', url: `${BASE}/c1/connection` });
    expect(save.request.body).toEqual({ baseUrl: null, settings: { pageId: '104567890123456', graphVersion: 'v23.0' } });
    save.flush(connection({ status: 'untested', settings: { pageId: '104567890123456', graphVersion: 'v23.0' } }));
    await settle();
    http.expectOne({ method: 'POST', url: `${BASE}/c1/connection/test` });
  });

  it('explains a server without a credentials key', async () => {
    const { open, fill, click, http, settle, notifier } = await render();
    await open();
    fill('connection-credential-accessToken', 'new-token');
    await click('connection-save');
    apiError(http.expectOne({ method: 'PUT', url: `${BASE}/c1/connection` }), 503, { code: 'credentials_key_missing' });
    await settle();
    expect(notifier.report).toHaveBeenCalledWith({ reasonKey: 'strategy.connection.errors.credentials_key_missing', actionKey: null });
  });

  it('disconnects a channel that signs in with its platform after asking', async () => {
    const { open, click, http, settle, confirmation, findAll, find, notifier } = await render();
    await open();
    await click('connection-remove');
    expect(confirmation.ask).toHaveBeenCalledWith(
      expect.objectContaining({ titleKey: 'connect.disconnectTitle', params: { name: 'Sunflower on Facebook' } }),
    );
    http.expectOne({ method: 'DELETE', url: `${BASE}/c1/connection` }).flush(null);
    await settle();
    expect(notifier.announce).toHaveBeenCalledWith('connect.disconnected', { name: 'Sunflower on Facebook' });
    expect(chips(findAll)[0]).toBe('Not connected');
    expect(find('connection-remove')).toBeNull();
    expect(find<HTMLInputElement>('connection-credential-accessToken')?.required).toBe(true);
  });

  it('closes back to the list', async () => {
    const { open, click, find } = await render();
    await open();
    await click('connection-close');
    expect(find('connection-editor')).toBeNull();
    expect(find('channel-connection')).not.toBeNull();
  });
});
