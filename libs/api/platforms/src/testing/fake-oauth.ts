import { createHash, randomBytes } from 'node:crypto';

import type { FakeHttpServer, FakeReply, ReceivedRequest } from './fake-http-server';

export interface FakeOAuthClient {
  clientId: string;
  /** Null: a public client (PKCE only); otherwise the token endpoint wants it, Basic or in the form. */
  clientSecret: string | null;
  redirectUris: string[];
}

export interface FakeOAuthOptions {
  authorizePath: string;
  tokenPath: string;
  /** Seconds an access token lives (`expires_in`); null: tokens do not expire and no refresh token is given. */
  expiresIn: number | null;
  /** The platform insists on PKCE S256 (X); otherwise it checks it only when the authorize request sent one. */
  requirePkce: boolean;
  /** `token_type` as the platform spells it. */
  tokenType: string;
  /** The token was issued: the platform's resource routes accept this access token from now on. */
  onIssued(accessToken: string): void;
  /**
   * When a refresh token comes with the access token: with the `offline.access` scope (X, the default),
   * always (LinkedIn's partner apps), or never (Facebook, LinkedIn's other apps).
   */
  refreshTokens?: 'offline.access' | 'always' | 'never';
  /** The token endpoint's error body when the platform does not use RFC 6749's `{error, error_description}` (Graph's envelope). */
  errorReply?: (status: number, error: string, description: string) => FakeReply;
  /** Parameters the platform adds to the redirect when the person declines (Facebook's `error_reason`…). */
  denialParams?: Record<string, string>;
}

interface PendingCode {
  client: FakeOAuthClient;
  redirectUri: string;
  scope: string;
  challenge: string | null;
}

/**
 * An OAuth 2.0 authorization server as RFC 6749 and RFC 7636 describe it, the part X and Mastodon
 * share: the authorize endpoint checks the client, redirect URI, `state` and the S256 challenge, and
 * answers with a redirect carrying `code` and `state` (consent is given, unless `denyNextConsent`);
 * the token endpoint takes `authorization_code` (verifier checked, code used once) and
 * `refresh_token` (rotated: the old refresh token stops working). Errors are `{error, error_description}`.
 */
export class FakeOAuthServer {
  readonly clients: FakeOAuthClient[] = [];
  /** How many refresh grants succeeded. */
  refreshes = 0;
  /** Scopes asked for by the last authorize request that reached consent. */
  lastScope: string | null = null;
  /** When a refresh token is issued (see FakeOAuthOptions.refreshTokens); tests may change it. */
  refreshTokenPolicy: NonNullable<FakeOAuthOptions['refreshTokens']>;
  private readonly codes = new Map<string, PendingCode>();
  private readonly refreshTokens = new Map<string, { client: FakeOAuthClient; scope: string }>();
  private denyConsent = false;

  constructor(
    server: FakeHttpServer,
    private readonly options: FakeOAuthOptions,
  ) {
    this.refreshTokenPolicy = options.refreshTokens ?? 'offline.access';
    server.route('GET', options.authorizePath, (request) => this.authorize(request));
    server.route('POST', options.tokenPath, (request) => this.token(request));
  }

  /** The person clicks "Cancel" on the next consent page. */
  denyNextConsent(): void {
    this.denyConsent = true;
  }

  /** Every refresh token issued so far stops working (the person revoked the app). */
  revokeRefreshTokens(): void {
    this.refreshTokens.clear();
  }

  /** A refresh token for `clientId`, as if the person had connected earlier. */
  issueRefreshToken(clientId: string, scope = ''): string {
    const client = this.clients.find((candidate) => candidate.clientId === clientId);
    if (client === undefined) throw new Error(`No client ${clientId}`);
    const token = randomToken('refresh');
    this.refreshTokens.set(token, { client, scope });
    return token;
  }

  private authorize(request: ReceivedRequest): FakeReply {
    const query = request.query;
    const client = this.clients.find((candidate) => candidate.clientId === query.get('client_id'));
    const redirectUri = query.get('redirect_uri') ?? '';
    // Without a known client and a registered redirect URI the server must not redirect (RFC 6749 §4.1.2.1).
    if (client === undefined) return { status: 400, json: oauthError('invalid_client', 'Unknown client_id') };
    if (!client.redirectUris.includes(redirectUri))
      return { status: 400, json: oauthError('invalid_request', 'redirect_uri does not match') };
    const state = query.get('state');
    const back = (params: Record<string, string>) => {
      const url = new URL(redirectUri);
      for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
      if (state !== null) url.searchParams.set('state', state);
      return { status: 302, headers: { location: url.toString() } };
    };
    if (query.get('response_type') !== 'code')
      return back({ error: 'unsupported_response_type', error_description: 'response_type must be code' });
    const challenge = query.get('code_challenge');
    if (challenge !== null && query.get('code_challenge_method') !== 'S256')
      return back({ error: 'invalid_request', error_description: 'code_challenge_method must be S256' });
    if (challenge === null && this.options.requirePkce)
      return back({ error: 'invalid_request', error_description: 'code_challenge is required' });
    if (this.denyConsent) {
      this.denyConsent = false;
      return back({ error: 'access_denied', error_description: 'The resource owner denied the request', ...this.options.denialParams });
    }
    this.lastScope = query.get('scope');
    const code = randomToken('code');
    this.codes.set(code, { client, redirectUri, scope: query.get('scope') ?? '', challenge });
    return back({ code });
  }

  private token(request: ReceivedRequest): FakeReply {
    const reply = this.tokenReply(request);
    const json = reply.json as { error?: unknown; error_description?: unknown } | undefined;
    if (reply.status >= 400 && this.options.errorReply !== undefined && typeof json?.error === 'string') {
      return this.options.errorReply(reply.status, json.error, String(json.error_description ?? ''));
    }
    return reply;
  }

  private tokenReply(request: ReceivedRequest): FakeReply {
    const form = request.form;
    const client = this.authenticate(request);
    if (client === null) return { status: 401, json: oauthError('invalid_client', 'Client authentication failed') };
    const grant = form.get('grant_type');
    if (grant === 'authorization_code') {
      const code = form.get('code') ?? '';
      const pending = this.codes.get(code);
      this.codes.delete(code);
      if (pending === undefined || pending.client !== client)
        return { status: 400, json: oauthError('invalid_grant', 'The authorization code is invalid, expired or already used') };
      if (form.get('redirect_uri') !== pending.redirectUri)
        return { status: 400, json: oauthError('invalid_grant', 'redirect_uri does not match') };
      if (pending.challenge !== null && s256(form.get('code_verifier') ?? '') !== pending.challenge) {
        return { status: 400, json: oauthError('invalid_grant', 'The code_verifier does not match the code_challenge') };
      }
      return this.issue(client, pending.scope);
    }
    if (grant === 'refresh_token') {
      const token = form.get('refresh_token') ?? '';
      const known = this.refreshTokens.get(token);
      if (known === undefined || known.client !== client)
        return { status: 400, json: oauthError('invalid_request', 'Value passed for the token was invalid.') };
      this.refreshTokens.delete(token);
      this.refreshes += 1;
      return this.issue(client, known.scope);
    }
    return { status: 400, json: oauthError('unsupported_grant_type', `grant_type ${String(grant)} is not supported`) };
  }

  /** HTTP Basic or the form's client_id (+ client_secret); a confidential client must send its secret. */
  private authenticate(request: ReceivedRequest): FakeOAuthClient | null {
    const basic = /^Basic (.+)$/.exec(String(request.headers['authorization'] ?? ''));
    let id = request.form.get('client_id');
    let secret = request.form.get('client_secret');
    if (basic?.[1] !== undefined) {
      const [user = '', pass = ''] = Buffer.from(basic[1], 'base64').toString('utf8').split(':');
      id = decodeURIComponent(user);
      secret = decodeURIComponent(pass);
    }
    const client = this.clients.find((candidate) => candidate.clientId === id);
    if (client === undefined) return null;
    if (client.clientSecret !== null && client.clientSecret !== secret) return null;
    return client;
  }

  private issue(client: FakeOAuthClient, scope: string): FakeReply {
    const accessToken = randomToken('access');
    this.options.onIssued(accessToken);
    const expiring = this.options.expiresIn !== null;
    let refreshToken: string | undefined;
    const policy = this.refreshTokenPolicy;
    if (expiring && (policy === 'always' || (policy === 'offline.access' && scope.split(' ').includes('offline.access')))) {
      refreshToken = randomToken('refresh');
      this.refreshTokens.set(refreshToken, { client, scope });
    }
    return {
      status: 200,
      json: {
        token_type: this.options.tokenType,
        access_token: accessToken,
        scope,
        ...(expiring ? { expires_in: this.options.expiresIn } : { created_at: Math.floor(Date.now() / 1000) }),
        ...(refreshToken === undefined ? {} : { refresh_token: refreshToken }),
      },
    };
  }
}

export function s256(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}

function oauthError(error: string, description: string) {
  return { error, error_description: description };
}

function randomToken(kind: string): string {
  return `${kind}-${randomBytes(12).toString('base64url')}`;
}
