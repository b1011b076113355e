import type { OutboundClient } from '@kadens/api/outbound';
import * as oauth from 'openid-client';

/** One authorization server as a connect flow knows it: no discovery, the platform documents its endpoints. */
export interface AuthorizationServer {
  authorizeUrl: string;
  tokenUrl: string;
  clientId: string;
  /** Null: a public client that proves itself with PKCE only. */
  clientSecret: string | null;
  /** How a confidential client sends its secret: HTTP Basic (X) or in the form (Mastodon). */
  secretIn: 'basic' | 'form';
}

/** Each request of a flow (registering, exchanging the code) within this time. */
export const OAUTH_REQUEST_TIMEOUT_MS = 10_000;

/**
 * An openid-client `Configuration` for a plain OAuth 2.0 server, every request it makes going through
 * the guarded outbound client (`customFetch`): the token endpoint is on a host the person may have
 * typed (Mastodon), so it gets the same address rules as the adapters. Plain http is accepted only
 * where the guard lets it through anyway (local fakes, an operator's allow-list).
 */
export function oauthConfiguration(server: AuthorizationServer, outbound: OutboundClient): oauth.Configuration {
  const metadata: oauth.ServerMetadata = {
    issuer: new URL(server.authorizeUrl).origin,
    authorization_endpoint: server.authorizeUrl,
    token_endpoint: server.tokenUrl,
  };
  const authentication =
    server.clientSecret === null
      ? oauth.None()
      : server.secretIn === 'basic'
        ? plainBasic(server.clientId, server.clientSecret)
        : oauth.ClientSecretPost(server.clientSecret);
  const configuration = new oauth.Configuration(metadata, server.clientId, undefined, authentication);
  configuration[oauth.customFetch] = (url, options) =>
    outbound.fetch(url, {
      method: options.method,
      headers: options.headers as Record<string, string>,
      body: options.body as BodyInit | undefined,
      signal: options.signal ?? undefined,
      redirect: 'manual',
      timeoutMs: OAUTH_REQUEST_TIMEOUT_MS,
    });
  if (new URL(server.tokenUrl).protocol === 'http:') oauth.allowInsecureRequests(configuration);
  return configuration;
}

/**
 * HTTP Basic with `base64(id:secret)` as X documents it. The library's `ClientSecretBasic` form-encodes
 * both first (RFC 6749 §2.3.1), turning `-` into `%2D`, which X's examples do not do; its ids and
 * secrets are letters, digits, `-` and `_`, so the plain form is what it expects. The id goes in the
 * form as well, as X's examples show.
 */
function plainBasic(clientId: string, clientSecret: string): oauth.ClientAuth {
  return (_server, _client, body, headers) => {
    body.set('client_id', clientId);
    headers.set('authorization', `Basic ${Buffer.from(`${clientId}:${clientSecret}`, 'utf8').toString('base64')}`);
  };
}

export interface PkcePair {
  verifier: string;
  challenge: string;
}

export async function pkcePair(): Promise<PkcePair> {
  const verifier = oauth.randomPKCECodeVerifier();
  return { verifier, challenge: await oauth.calculatePKCECodeChallenge(verifier) };
}

export function authorizationUrl(
  configuration: oauth.Configuration,
  params: { redirectUri: string; scope: string; state: string; challenge: string },
): URL {
  return oauth.buildAuthorizationUrl(configuration, {
    redirect_uri: params.redirectUri,
    scope: params.scope,
    state: params.state,
    code_challenge: params.challenge,
    code_challenge_method: 'S256',
  });
}

export interface GrantedTokens {
  accessToken: string;
  refreshToken: string | null;
  /** Seconds; null when the server did not say (Mastodon's tokens do not expire). */
  expiresIn: number | null;
}

/**
 * Trades the code for tokens (the library checks `state` again and sends the PKCE verifier). Throws
 * `ResponseBodyError` when the server refuses (`{error, error_description}`), other errors when it
 * cannot be reached or answers nonsense.
 */
export async function exchangeCode(
  configuration: oauth.Configuration,
  callbackUrl: URL,
  checks: { verifier: string; state: string },
): Promise<GrantedTokens> {
  const tokens = await oauth.authorizationCodeGrant(configuration, callbackUrl, {
    pkceCodeVerifier: checks.verifier,
    expectedState: checks.state,
  });
  return { accessToken: tokens.access_token, refreshToken: tokens.refresh_token ?? null, expiresIn: tokens.expiresIn() ?? null };
}

/**
 * The server refused the code (RFC 6749's `{error}`), or answered 4xx in its own error shape (Graph's
 * `{error: {message, code}}`, which the library reports as a non-conforming response).
 */
export function isRefusal(error: unknown): boolean {
  if (error instanceof oauth.ResponseBodyError || error instanceof oauth.AuthorizationResponseError) return true;
  const cause = error instanceof Error ? error.cause : undefined;
  return error instanceof oauth.ClientError && cause instanceof Response && cause.status >= 400 && cause.status < 500;
}
