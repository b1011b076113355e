import { randomBytes } from 'node:crypto';

import { FakeHttpServer, type FakeReply, type ReceivedRequest } from './fake-http-server';
import { FakeOAuthServer } from './fake-oauth';

export interface FakeMastodonStatus {
  id: string;
  content: string;
  visibility: string;
  language: string | null;
  idempotencyKey: string | null;
}

/**
 * A Mastodon instance, as documented: `POST /api/v1/statuses` with a Bearer token; the same
 * `Idempotency-Key` from the same account within an hour returns the status it already made;
 * errors are `{error}`; every answer carries `X-RateLimit-Limit/Remaining/Reset` (reset as ISO time);
 * the instance refuses text over its `max_characters` with 422. Apps register with `POST /api/v1/apps`
 * (`client_name`, `redirect_uris`, `scopes`) and get `client_id`/`client_secret`; people authorise at
 * `/oauth/authorize`, tokens come from `POST /oauth/token` and do not expire (no refresh token).
 */
export class FakeMastodon {
  readonly server = new FakeHttpServer();
  readonly username = 'kommunen';
  accessToken = 'mastodon-token';
  maxCharacters = 500;
  readonly statuses: FakeMastodonStatus[] = [];
  private revoked = false;
  private nextId = 113000000000000000n;
  readonly oauth = new FakeOAuthServer(this.server, {
    authorizePath: '/oauth/authorize',
    tokenPath: '/oauth/token',
    expiresIn: null,
    requirePkce: false,
    tokenType: 'Bearer',
    onIssued: (token) => {
      this.accessToken = token;
      this.revoked = false;
    },
  });

  constructor() {
    this.server.route('POST', '/api/v1/apps', (request) => this.registerApp(request));
    this.server.route('POST', '/api/v1/statuses', (request) => this.guard(request, () => this.createStatus(request)));
    this.server.route('GET', '/api/v1/accounts/verify_credentials', (request) =>
      this.guard(request, () => ({
        status: 200,
        json: { id: '1', username: this.username, acct: this.username, display_name: 'Kadens kommune' },
      })),
    );
  }

  start(): Promise<string> {
    return this.server.start();
  }

  stop(): Promise<void> {
    return this.server.stop();
  }

  revokeToken(): void {
    this.revoked = true;
  }

  private guard(request: ReceivedRequest, next: () => FakeReply): FakeReply {
    if (request.headers['authorization'] !== `Bearer ${this.accessToken}`) {
      return { status: 401, json: { error: 'The access token is invalid' } };
    }
    if (this.revoked) return { status: 401, json: { error: 'The access token was revoked' } };
    const reply = next();
    return {
      ...reply,
      headers: { ...mastodonRateLimitHeaders(299, new Date(Date.now() + 300_000)), ...reply.headers },
    };
  }

  private registerApp(request: ReceivedRequest): FakeReply {
    const body = request.json !== undefined ? (request.json as Record<string, unknown>) : Object.fromEntries(request.form);
    const name = typeof body['client_name'] === 'string' ? body['client_name'].trim() : '';
    const redirects = typeof body['redirect_uris'] === 'string' ? body['redirect_uris'].split(/\s+/).filter(Boolean) : [];
    if (name === '') return { status: 422, json: { error: "Validation failed: Application name can't be blank" } };
    if (redirects.length === 0) return { status: 422, json: { error: "Validation failed: Redirect URI can't be blank" } };
    const client = {
      clientId: randomBytes(16).toString('base64url'),
      clientSecret: randomBytes(16).toString('base64url'),
      redirectUris: redirects,
    };
    this.oauth.clients.push(client);
    return {
      status: 200,
      json: {
        id: String(this.oauth.clients.length),
        name,
        website: typeof body['website'] === 'string' ? body['website'] : null,
        scopes: typeof body['scopes'] === 'string' ? body['scopes'].split(' ') : ['read'],
        redirect_uri: redirects.join('\n'),
        redirect_uris: redirects,
        client_id: client.clientId,
        client_secret: client.clientSecret,
        vapid_key: 'BCk-QqERU0q-CfYZjcuB6lnyyOYfJ2AifKqfeGIm7Z-HiTU5T9eTG5GxVA0_OH5mMlI4UkkDTpaZwozy0TzdZ2M=',
      },
    };
  }

  private createStatus(request: ReceivedRequest): FakeReply {
    const key = firstHeader(request.headers['idempotency-key']);
    const earlier = key === null ? undefined : this.statuses.find((status) => status.idempotencyKey === key);
    if (earlier !== undefined) return { status: 200, json: this.render(earlier) };

    const body = (request.json ?? {}) as { status?: unknown; visibility?: unknown; language?: unknown };
    if (typeof body.status !== 'string' || body.status.trim() === '') {
      return { status: 422, json: { error: "Validation failed: Text can't be blank" } };
    }
    const length = [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(body.status)].length;
    if (length > this.maxCharacters) {
      return {
        status: 422,
        json: { error: `Validation failed: Text character limit of ${this.maxCharacters} exceeded` },
      };
    }
    const status: FakeMastodonStatus = {
      id: String(this.nextId++),
      content: body.status,
      visibility: typeof body.visibility === 'string' ? body.visibility : 'public',
      language: typeof body.language === 'string' ? body.language : null,
      idempotencyKey: key,
    };
    this.statuses.push(status);
    return { status: 200, json: this.render(status) };
  }

  private render(status: FakeMastodonStatus) {
    return {
      id: status.id,
      uri: `${this.server.baseUrl}/users/${this.username}/statuses/${status.id}`,
      url: `${this.server.baseUrl}/@${this.username}/${status.id}`,
      content: `<p>${status.content}</p>`,
      visibility: status.visibility,
      language: status.language,
    };
  }
}

export function mastodonRateLimitHeaders(remaining: number, reset: Date): Record<string, string> {
  return {
    'x-ratelimit-limit': '300',
    'x-ratelimit-remaining': String(remaining),
    'x-ratelimit-reset': reset.toISOString(),
  };
}

function firstHeader(value: string | string[] | undefined): string | null {
  return (Array.isArray(value) ? value[0] : value) ?? null;
}
