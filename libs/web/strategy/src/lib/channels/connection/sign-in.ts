import type { ChannelConnectionView, Platform } from '@kadens/shared/contracts';
import { RENEWING_CREDENTIALS } from '@kadens/shared/rules';

/**
 * How a platform's channels are connected from the web:
 * - `sign_in`: "Connect" sends the browser to the platform's consent page;
 * - `instance`: the same, after the person typed the instance it lives on (Mastodon);
 * - `site`: the same, after the person typed the site's address (WordPress: its application-password screen);
 * - `app_password`: the handle and an app password, sent once to open a session (Bluesky);
 * - absent: the credentials form is the way (webhook, and the platforms without a sign-in flow yet).
 * The API answers 400 naming `platform` when this installation has no app for it (see the operators' page).
 */
export type SignInKind = 'sign_in' | 'instance' | 'site' | 'app_password';

export const SIGN_IN_PLATFORMS: Partial<Record<Platform, SignInKind>> = {
  facebook: 'sign_in',
  instagram: 'sign_in',
  linkedin: 'sign_in',
  x: 'sign_in',
  mastodon: 'instance',
  bluesky: 'app_password',
  wordpress: 'site',
};

export function signInOf(platform: Platform): SignInKind | null {
  return SIGN_IN_PLATFORMS[platform] ?? null;
}

/** Why the callback did not connect the channel (the API's `ConnectError`): `connect.returned.<code>`. */
export const CONNECT_ERRORS = [
  'state_invalid',
  'state_expired',
  'state_used',
  'session_mismatch',
  'denied',
  'not_allowed',
  'token_refused',
  'platform_unreachable',
  'account_unreadable',
  'nothing_to_choose',
] as const;
export type ConnectErrorCode = (typeof CONNECT_ERRORS)[number];

/** The query parameters the callback lands with on `/o/{org}/strategy`. */
export const CONNECT_RETURN_PARAMS = ['channel', 'connected', 'connectError', 'choose'] as const;

/** What the platform's sign-in ended with, read from the landing URL. */
export type ConnectReturn =
  | { channelId: string; outcome: 'connected' }
  | { channelId: string; outcome: 'failed'; error: ConnectErrorCode | 'unknown' }
  /** Facebook, Instagram, LinkedIn: the person picks the page or organisation the channel publishes to. */
  | { channelId: string; outcome: 'choose'; signInId: string };

type Params = Readonly<Record<string, unknown>>;

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);

/** The sign-in's outcome for `?channel=…&connected=1`, `&connectError=…` or `&choose=…`; null for any other URL. */
export function connectReturnOf(params: Params): ConnectReturn | null {
  const channelId = text(params['channel']);
  if (channelId === null) return null;
  const choose = text(params['choose']);
  if (choose !== null) return { channelId, outcome: 'choose', signInId: choose };
  const error = text(params['connectError']);
  if (error !== null) {
    return {
      channelId,
      outcome: 'failed',
      error: (CONNECT_ERRORS as readonly string[]).includes(error) ? (error as ConnectErrorCode) : 'unknown',
    };
  }
  return text(params['connected']) === '1' ? { channelId, outcome: 'connected' } : null;
}

/** The connect button's word: `connect` when there is nothing to renew, `reconnect` otherwise. */
export function connectActionOf(view: ChannelConnectionView | null): 'connect' | 'reconnect' {
  return view === null ? 'connect' : 'reconnect';
}

const DAY_MS = 24 * 60 * 60_000;
/** From this many days before the expiry on, the badge warns. */
export const EXPIRY_WARNING_DAYS = 7;

/**
 * When the connection stops working, as a badge: null when it does not expire (or nobody knows);
 * `renews` when Kadens renews it by itself (a refresh token, or Bluesky's refresh JWT, is stored); otherwise how many days are
 * left, `soon` from EXPIRY_WARNING_DAYS on, or `expired`.
 */
export type ConnectionExpiry =
  { state: 'renews' } | { state: 'expired' } | { state: 'today' } | { state: 'days'; days: number; soon: boolean };

export function connectionExpiry(view: ChannelConnectionView | null, now: number = Date.now()): ConnectionExpiry | null {
  if (view === null || view.expiresAt === null) return null;
  const expires = Date.parse(view.expiresAt);
  if (Number.isNaN(expires)) return null;
  const renewable = view.credentialNames.some((name) => RENEWING_CREDENTIALS.includes(name));
  if (renewable && view.status !== 'reconnect_needed') return { state: 'renews' };
  const left = expires - now;
  if (left <= 0) return { state: 'expired' };
  if (left < DAY_MS) return { state: 'today' };
  const days = Math.floor(left / DAY_MS);
  return { state: 'days', days, soon: days <= EXPIRY_WARNING_DAYS };
}
