import type { OutboundClient } from '@kadens/api/outbound';
import { createHash } from 'node:crypto';

import { requiredId } from '../http/http-failure';
import { PlatformAuthError } from '../platform-errors';
import { SESSION_ERRORS, xrpc } from './bluesky-xrpc';

export interface BlueskyAccount {
  pds: string;
  identifier: string;
  appPassword: string;
}

export interface BlueskySession {
  accessJwt: string;
  refreshJwt: string;
  did: string;
  handle: string;
}

interface CallBudget {
  timeoutMs: number;
  now: number;
}

/** What a session call needs besides the account: the guarded client and the budget. */
interface SessionCall extends CallBudget {
  client: OutboundClient;
}

/**
 * Sessions per account, kept in memory for the life of the process. `createSession` is rate limited
 * hard (a few dozen per day per account), so it runs once per account and process; an expired access
 * token is refreshed with the refresh token, and only a spent refresh token logs in again. The key
 * includes a hash of the app password, so a changed password never reuses an old session.
 */
export class BlueskySessions {
  private readonly sessions = new Map<string, Promise<BlueskySession>>();

  constructor(private readonly client: OutboundClient) {}

  current(account: BlueskyAccount, budget: CallBudget): Promise<BlueskySession> {
    const key = sessionKey(account);
    return this.sessions.get(key) ?? this.remember(key, createSession(account, { ...budget, client: this.client }));
  }

  /** After a token error: refresh once; when the refresh token is spent too, log in again. */
  async renew(account: BlueskyAccount, stale: BlueskySession, budget: CallBudget): Promise<BlueskySession> {
    const key = sessionKey(account);
    const cached = await this.sessions.get(key)?.catch(() => undefined);
    // Another publish for the same account already renewed it; refreshing again would spend the new token.
    if (cached !== undefined && cached.accessJwt !== stale.accessJwt) return cached;
    const call = { ...budget, client: this.client };
    const renewed = refreshSession(account, stale, call).catch((error: unknown) => {
      if (error instanceof PlatformAuthError && SESSION_ERRORS.has(error.code ?? '')) return createSession(account, call);
      throw error;
    });
    return this.remember(key, renewed);
  }

  private remember(key: string, session: Promise<BlueskySession>): Promise<BlueskySession> {
    this.sessions.set(key, session);
    session.catch(() => {
      if (this.sessions.get(key) === session) this.sessions.delete(key);
    });
    return session;
  }
}

export async function createSession(account: BlueskyAccount, budget: SessionCall): Promise<BlueskySession> {
  const body = await xrpc({
    pds: account.pds,
    nsid: 'com.atproto.server.createSession',
    method: 'POST',
    body: { identifier: account.identifier, password: account.appPassword },
    effect: 'none',
    ...budget,
  });
  return sessionFrom(body);
}

export async function refreshSession(
  account: Pick<BlueskyAccount, 'pds'>,
  stale: Pick<BlueskySession, 'refreshJwt'>,
  budget: SessionCall,
): Promise<BlueskySession> {
  const body = await xrpc({
    pds: account.pds,
    nsid: 'com.atproto.server.refreshSession',
    method: 'POST',
    bearer: stale.refreshJwt,
    effect: 'none',
    ...budget,
  });
  return sessionFrom(body);
}

function sessionFrom(body: Record<string, unknown>): BlueskySession {
  const field = (key: string) => requiredId('bluesky', body, key, 'none');
  return { accessJwt: field('accessJwt'), refreshJwt: field('refreshJwt'), did: field('did'), handle: field('handle') };
}

function sessionKey(account: BlueskyAccount): string {
  const password = createHash('sha256').update(account.appPassword).digest('hex');
  return `${account.pds}\n${account.identifier.toLowerCase()}\n${password}`;
}

/** A JWT's claims without checking its signature (only the PDS can): `exp` says when to renew, `sub` whose it is. */
export function jwtClaims(jwt: string): { exp?: number; sub?: string } {
  try {
    const claims: unknown = JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8'));
    return typeof claims === 'object' && claims !== null ? (claims as { exp?: number; sub?: string }) : {};
  } catch {
    return {};
  }
}

/** When the access token stops working: its `exp`; a token that does not say is renewed within the hour. */
export function sessionExpiry(accessJwt: string, now: number): Date {
  const exp = jwtClaims(accessJwt).exp;
  return typeof exp === 'number' && Number.isFinite(exp) ? new Date(exp * 1000) : new Date(now + 3600_000);
}
