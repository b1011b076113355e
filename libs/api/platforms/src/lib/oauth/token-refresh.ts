import type { OutboundClient } from '@kadens/api/outbound';
import type { Platform } from '@kadens/shared/contracts';

import { httpCall } from '../http/http-call';
import { failureFromStatus, isSuccess, stringField, successBody } from '../http/http-failure';
import { PlatformAuthError, type PlatformError } from '../platform-errors';
import type { OAuthClient, RefreshedCredentials } from '../platform-adapter';

/** Errors of RFC 6749 §5.2 that mean the grant or the client is no good: only a person can fix them. */
const REFUSALS = new Set(['invalid_grant', 'invalid_client', 'unauthorized_client', 'invalid_request', 'invalid_scope']);

export interface TokenRefreshCall {
  outbound: OutboundClient;
  platform: Platform;
  tokenUrl: URL;
  client: OAuthClient | null;
  refreshToken: string;
  timeoutMs: number;
  now: number;
  /** How a confidential client proves itself: HTTP Basic (X, the default) or `client_secret` in the form (LinkedIn). */
  secretIn?: 'basic' | 'form';
}

/**
 * The refresh-token grant (RFC 6749 §6) through the guarded client: a form POST with the client's id,
 * and HTTP Basic when the client has a secret. A platform that does not rotate keeps the old refresh
 * token. It goes through the shared HTTP call, not the connect flow's OAuth library, so a refresh
 * in the worker fails with the same typed errors (and deadline) as a publish.
 */
export async function refreshTokenGrant(call: TokenRefreshCall): Promise<RefreshedCredentials> {
  const client = call.client;
  if (client === null) {
    throw new PlatformAuthError(
      call.platform,
      `The ${call.platform} app of this installation is not configured, so the sign-in cannot be renewed`,
      {
        code: 'oauth_client_missing',
      },
    );
  }
  const body = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: call.refreshToken, client_id: client.clientId });
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' };
  if (client.clientSecret !== null && call.secretIn === 'form') {
    body.set('client_secret', client.clientSecret);
  } else if (client.clientSecret !== null) {
    // base64(id:secret) as X documents it (no form-encoding first: its ids and secrets need none).
    const pair = `${client.clientId}:${client.clientSecret}`;
    headers['authorization'] = `Basic ${Buffer.from(pair).toString('base64')}`;
  }
  const response = await httpCall(call.outbound, call.platform, {
    method: 'POST',
    url: call.tokenUrl,
    headers,
    body,
    timeoutMs: call.timeoutMs,
    effect: 'none',
  });
  if (!isSuccess(response)) throw tokenFailure(call.platform, response);
  const answer = successBody(call.platform, response, 'none');
  const accessToken = stringField(answer, 'access_token');
  if (accessToken === null)
    throw new PlatformAuthError(call.platform, 'The token endpoint answered without an access_token', { status: response.status });
  const expiresIn = Number(answer['expires_in']);
  return {
    credentials: { accessToken, refreshToken: stringField(answer, 'refresh_token') ?? call.refreshToken },
    expiresAt: Number.isFinite(expiresIn) && expiresIn > 0 ? new Date(call.now + expiresIn * 1000) : null,
  };
}

function tokenFailure(platform: Platform, response: Parameters<typeof failureFromStatus>[0]['response']): PlatformError {
  const code = stringField(response.json, 'error');
  const description = stringField(response.json, 'error_description');
  const reading = { code, message: description ?? code };
  if ((response.status === 400 || response.status === 401) && code !== null && REFUSALS.has(code)) {
    return new PlatformAuthError(
      platform,
      `The platform refused to renew the sign-in (${code}${description ? `: ${description}` : ''}); connect the channel again`,
      {
        status: response.status,
        code,
      },
    );
  }
  return failureFromStatus({ platform, response, reading, retryAfterMs: () => 60_000 });
}
