import type { OutboundClient } from '@kadens/api/outbound';
import { BLUESKY_DEFAULT_PDS, blueskySessionExpiry, createBlueskySession, isPlatformError, PlatformAuthError } from '@kadens/api/platforms';
import type { AuthorizedConnection } from '@kadens/api/publishing';
import { BadGatewayException } from '@nestjs/common';

import { fieldError } from './connect-flow';
import { OAUTH_REQUEST_TIMEOUT_MS } from './oauth-client';

export interface AppPasswordSignIn {
  identifier: string;
  appPassword: string;
  pdsUrl: string | null;
}

/**
 * Bluesky with an app password (see docs/decisions.md on why not AT Protocol OAuth yet): one
 * `com.atproto.server.createSession`, and the session (`accessJwt`, `refreshJwt`) is what is stored,
 * never the app password. The access token's `exp` is the connection's expiry; the worker renews it
 * with `refreshSession` (BlueskyAdapter.refreshCredentials), and a spent refresh token asks for a reconnect.
 */
export async function blueskySession(
  outbound: OutboundClient,
  input: AppPasswordSignIn,
): Promise<Omit<AuthorizedConnection, 'organizationId' | 'channelId' | 'actorId'>> {
  const pds = await pdsOrigin(outbound, input.pdsUrl);
  let session;
  try {
    session = await createBlueskySession(
      { pds, identifier: input.identifier.trim().replace(/^@/, ''), appPassword: input.appPassword.trim() },
      { client: outbound, timeoutMs: OAUTH_REQUEST_TIMEOUT_MS, now: Date.now() },
    );
  } catch (error) {
    if (error instanceof PlatformAuthError) {
      throw fieldError('appPassword', 'Bluesky did not accept this handle and app password', 'sign_in_refused');
    }
    if (!isPlatformError(error)) throw error;
    throw new BadGatewayException({ message: `Bluesky could not be reached: ${error.message}`, code: 'platform_unreachable' });
  }
  return {
    baseUrl: pds === BLUESKY_DEFAULT_PDS ? null : pds,
    settings: {},
    credentials: { identifier: session.handle, accessJwt: session.accessJwt, refreshJwt: session.refreshJwt },
    expiresAt: blueskySessionExpiry(session.accessJwt, Date.now()),
    accountName: `@${session.handle}`,
  };
}

async function pdsOrigin(outbound: OutboundClient, given: string | null): Promise<string> {
  if (given === null || given.trim() === '') return BLUESKY_DEFAULT_PDS;
  let url: URL;
  try {
    url = new URL(given.trim().includes('://') ? given.trim() : `https://${given.trim()}`);
  } catch {
    throw fieldError('pdsUrl', 'must be the address of a PDS, e.g. https://bsky.social');
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.username !== '' || url.password !== '') {
    throw fieldError('pdsUrl', 'must be an http or https address without a user name or password');
  }
  const refused = await outbound.refusalFor(url.origin);
  if (refused !== null) throw fieldError('pdsUrl', refused.message);
  return url.origin;
}
