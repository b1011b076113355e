import { HttpErrorResponse } from '@angular/common/http';
import type { ChannelConnectionView } from '@kadens/shared/contracts';

import { startProblem } from './connection-sign-in';
import { connectActionOf, connectionExpiry, connectReturnOf, signInOf } from './sign-in';

const NOW = Date.parse('2026-12-07T12:00:00.000Z');
const DAY = 24 * 60 * 60_000;

const view = (overrides: Partial<ChannelConnectionView> = {}): ChannelConnectionView => ({
  channelId: 'c1',
  platform: 'linkedin',
  status: 'connected',
  accountName: 'Fjordvik kommune',
  baseUrl: null,
  settings: {},
  credentialNames: ['accessToken'],
  lastError: null,
  checkedAt: null,
  updatedAt: '2026-12-01T00:00:00.000Z',
  expiresAt: null,
  connectedBy: null,
  connectedAt: null,
  ...overrides,
});

describe('the way back from a platform’s sign-in (connectReturnOf)', () => {
  it('reads connected, each failure and the page choice', () => {
    expect(connectReturnOf({ channel: 'c1', connected: '1' })).toEqual({ channelId: 'c1', outcome: 'connected' });
    expect(connectReturnOf({ channel: 'c1', connectError: 'denied' })).toEqual({ channelId: 'c1', outcome: 'failed', error: 'denied' });
    expect(connectReturnOf({ channel: 'c1', choose: 's-9' })).toEqual({ channelId: 'c1', outcome: 'choose', signInId: 's-9' });
  });

  it('words a code it does not know as unknown rather than showing it', () => {
    expect(connectReturnOf({ channel: 'c1', connectError: '<script>' })).toEqual({ channelId: 'c1', outcome: 'failed', error: 'unknown' });
  });

  it('ignores URLs that are not a sign-in’s return', () => {
    expect(connectReturnOf({})).toBeNull();
    expect(connectReturnOf({ connected: '1' })).toBeNull();
    expect(connectReturnOf({ channel: 'c1' })).toBeNull();
    expect(connectReturnOf({ channel: ['c1', 'c2'], connected: '1' })).toBeNull();
    expect(connectReturnOf({ channel: 'c1', connected: 'yes' })).toBeNull();
  });
});

describe('connectionExpiry', () => {
  const expiring = (ms: number, overrides: Partial<ChannelConnectionView> = {}) =>
    connectionExpiry(view({ expiresAt: new Date(NOW + ms).toISOString(), ...overrides }), NOW);

  it('says nothing for a connection that does not expire (or nobody knows)', () => {
    expect(connectionExpiry(null, NOW)).toBeNull();
    expect(connectionExpiry(view(), NOW)).toBeNull();
  });

  it('counts whole days left, warning from 7 days on', () => {
    expect(expiring(60 * DAY)).toEqual({ state: 'days', days: 60, soon: false });
    expect(expiring(8 * DAY + 1000)).toEqual({ state: 'days', days: 8, soon: false });
    expect(expiring(7 * DAY + 1000)).toEqual({ state: 'days', days: 7, soon: true });
    expect(expiring(DAY + 1000)).toEqual({ state: 'days', days: 1, soon: true });
    expect(expiring(DAY - 1000)).toEqual({ state: 'today' });
    expect(expiring(0)).toEqual({ state: 'expired' });
    expect(expiring(-DAY)).toEqual({ state: 'expired' });
  });

  it('does not alarm about a token Kadens renews by itself (X’s two-hour tokens), unless the renewal failed', () => {
    expect(expiring(2 * 3600_000, { credentialNames: ['accessToken', 'refreshToken'] })).toEqual({ state: 'renews' });
    // Bluesky's session renews with its refresh JWT.
    expect(expiring(2 * 3600_000, { credentialNames: ['accessJwt', 'refreshJwt'] })).toEqual({ state: 'renews' });
    expect(expiring(-DAY, { credentialNames: ['accessToken', 'refreshToken'], status: 'reconnect_needed' })).toEqual({
      state: 'expired',
    });
  });
});

describe('connect actions', () => {
  it('signs in on the platforms that have a flow, asks Mastodon for its instance and WordPress for its site, and leaves the rest to the form', () => {
    expect(signInOf('x')).toBe('sign_in');
    expect(signInOf('mastodon')).toBe('instance');
    expect(signInOf('wordpress')).toBe('site');
    expect(signInOf('webhook')).toBeNull();
  });

  it('offers Reconnect once anything is stored', () => {
    expect(connectActionOf(null)).toBe('connect');
    expect(connectActionOf(view({ status: 'reconnect_needed' }))).toBe('reconnect');
  });

  it('explains a platform without an app here, and an unusable instance, in its own words', () => {
    const refused = (field: string, code = 'validation_failed') =>
      new HttpErrorResponse({ status: 400, error: { code, errors: [{ field, messages: [`${field}: no`] }] } });
    expect(startProblem(refused('platform', 'oauth_not_configured'), { platform: 'x' })).toEqual({
      key: 'connect.start.not_configured',
      params: { platform: 'X' },
      details: null,
      instance: false,
    });
    expect(startProblem(refused('platform', 'oauth_not_supported'), { platform: 'bluesky' })?.key).toBe('connect.start.not_supported');
    expect(startProblem(refused('instanceUrl'), { platform: 'mastodon' })).toMatchObject({
      key: 'connect.start.instance',
      details: 'instanceUrl: no',
      instance: true,
    });
    expect(startProblem(refused('siteUrl'), { platform: 'wordpress' })).toMatchObject({
      key: 'connect.start.site',
      details: 'siteUrl: no',
      instance: true,
    });
    expect(startProblem(new HttpErrorResponse({ status: 500 }), { platform: 'x' })).toBeNull();
  });
});
