import { FakeHttpServer, type FakeReply, type ReceivedRequest } from './fake-http-server';

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
 * the instance refuses text over its `max_characters` with 422.
 */
export class FakeMastodon {
  readonly server = new FakeHttpServer();
  readonly username = 'kommunen';
  accessToken = 'mastodon-token';
  maxCharacters = 500;
  readonly statuses: FakeMastodonStatus[] = [];
  private revoked = false;
  private nextId = 113000000000000000n;

  constructor() {
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
