import { randomBytes } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';

import { FakeHttpServer, type FakeReply, multipartOf, type ReceivedRequest } from './fake-http-server';
import { FakeOAuthServer } from './fake-oauth';

export interface FakeMastodonStatus {
  id: string;
  content: string;
  visibility: string;
  language: string | null;
  idempotencyKey: string | null;
  /** The attachments' ids, in order (`media_ids[]`). */
  mediaIds: string[];
  /** What `GET /api/v1/statuses/:id` reports; all 0 when not set, as for a fresh status. */
  counts?: FakeMastodonCounts;
}

/** A status's public counts (`replies_count`, `reblogs_count`, `favourites_count`, `quotes_count`). */
export interface FakeMastodonCounts {
  replies: number;
  reblogs: number;
  favourites: number;
  quotes?: number;
}

/** One upload to `POST /api/v2/media`: the file's bytes as received, its description (alt text), the status it is attached to. */
export interface FakeMastodonMedia {
  id: string;
  mimeType: string;
  fileName: string;
  data: Buffer;
  description: string | null;
  /** How many more `GET /api/v1/media/:id` answer 206 (still processing). */
  pendingPolls: number;
  statusId: string | null;
}

/**
 * A Mastodon instance, as documented: `POST /api/v1/statuses` with a Bearer token; the same
 * `Idempotency-Key` from the same account within an hour returns the status it already made;
 * errors are `{error}`; every answer carries `X-RateLimit-Limit/Remaining/Reset` (reset as ISO time);
 * the instance refuses text over its `max_characters` with 422. Apps register with `POST /api/v1/apps`
 * (`client_name`, `redirect_uris`, `scopes`) and get `client_id`/`client_secret`; people authorise at
 * `/oauth/authorize`, tokens come from `POST /oauth/token` and do not expire (no refresh token).
 * `GET /api/v1/statuses/:id` reads a status with its public counts (results, issue 13).
 */
export class FakeMastodon {
  readonly server = new FakeHttpServer();
  readonly username = 'kommunen';
  accessToken = 'mastodon-token';
  maxCharacters = 500;
  readonly statuses: FakeMastodonStatus[] = [];
  readonly media: FakeMastodonMedia[] = [];
  /** Uploads answer 202 and poll 206 this many times before they are processed (like video); 0 answers 200 at once. */
  processingPolls = 0;
  /** `GET /api/v1/statuses/:id` answers this late (a benchmark's slow platform); 0 answers at once. */
  statusReadDelayMs = 0;
  /** Mastodon 4.5 and later send `quotes_count`; an older instance does not. */
  reportsQuotes = true;
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
    this.server.route('POST', '/api/v2/media', async (request) => {
      const form = await multipartOf(request);
      const file = form?.get('file');
      const data = file instanceof File ? Buffer.from(await file.arrayBuffer()) : Buffer.alloc(0);
      return this.guard(request, () => this.upload(form, data));
    });
    this.server.route('GET', '/api/v1/statuses/:id', async (request, params) => {
      if (this.statusReadDelayMs > 0) await delay(this.statusReadDelayMs);
      return this.guard(request, () => this.readStatus(params['id'] ?? ''));
    });
    this.server.route('GET', '/api/v1/media/:id', (request, params) => this.guard(request, () => this.pollMedia(params['id'] ?? '')));
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

  /** A published status with these counts, without going through `POST /api/v1/statuses` (results tests, benchmarks). */
  addStatus(counts: FakeMastodonCounts, content = 'Publisert tidligere'): FakeMastodonStatus {
    const status: FakeMastodonStatus = {
      id: String(this.nextId++),
      content,
      visibility: 'public',
      language: null,
      idempotencyKey: null,
      mediaIds: [],
      counts,
    };
    this.statuses.push(status);
    return status;
  }

  /** The status is gone: reading it answers 404 as Mastodon does. */
  deleteStatus(id: string): void {
    const index = this.statuses.findIndex((status) => status.id === id);
    if (index !== -1) this.statuses.splice(index, 1);
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

    const body = (request.json ?? {}) as { status?: unknown; visibility?: unknown; language?: unknown; media_ids?: unknown };
    if (typeof body.status !== 'string' || (body.status.trim() === '' && !(Array.isArray(body.media_ids) && body.media_ids.length > 0))) {
      return { status: 422, json: { error: "Validation failed: Text can't be blank" } };
    }
    const length = [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(body.status)].length;
    if (length > this.maxCharacters) {
      return {
        status: 422,
        json: { error: `Validation failed: Text character limit of ${this.maxCharacters} exceeded` },
      };
    }
    const mediaIds = Array.isArray(body.media_ids) ? body.media_ids.map(String) : [];
    const attached = mediaIds.map((id) => this.media.find((medium) => medium.id === id));
    if (attached.some((medium) => medium === undefined || medium.statusId !== null)) {
      return { status: 422, json: { error: 'Validation failed: media_ids names media that are unknown or already attached' } };
    }
    if (attached.some((medium) => (medium?.pendingPolls ?? 0) > 0)) {
      return { status: 422, json: { error: 'Cannot attach files that have not finished processing. Try again in a moment!' } };
    }
    if (mediaIds.length > 4) return { status: 422, json: { error: 'Validation failed: Media attachments are too many (4 at most)' } };
    const status: FakeMastodonStatus = {
      id: String(this.nextId++),
      mediaIds,
      content: body.status,
      visibility: typeof body.visibility === 'string' ? body.visibility : 'public',
      language: typeof body.language === 'string' ? body.language : null,
      idempotencyKey: key,
    };
    this.statuses.push(status);
    for (const medium of attached) if (medium) medium.statusId = status.id;
    return { status: 200, json: this.render(status) };
  }

  /**
   * `POST /api/v2/media`: multipart `file` and optional `description`. Processed at once → 200 with the
   * attachment; otherwise 202 with `url: null`, and `GET /api/v1/media/:id` answers 206 until it is done.
   */
  private upload(form: FormData | null, data: Buffer): FakeReply {
    const file = form?.get('file');
    if (!form || !(file instanceof File)) return { status: 422, json: { error: 'Validation failed: File must be given' } };
    const description = form.get('description');
    if (typeof description === 'string' && description.length > 1500) {
      return { status: 422, json: { error: 'Validation failed: Description is too long (maximum is 1500 characters)' } };
    }
    const medium: FakeMastodonMedia = {
      id: String(this.nextId++),
      mimeType: file.type,
      fileName: file.name,
      data,
      description: typeof description === 'string' ? description : null,
      pendingPolls: this.processingPolls,
      statusId: null,
    };
    this.media.push(medium);
    return { status: medium.pendingPolls > 0 ? 202 : 200, json: this.renderMedia(medium) };
  }

  /** `GET /api/v1/statuses/:id`: the status with its counts; 404 `Record not found` when there is none. */
  private readStatus(id: string): FakeReply {
    const status = this.statuses.find((candidate) => candidate.id === id);
    if (!status) return { status: 404, json: { error: 'Record not found' } };
    const counts = status.counts ?? { replies: 0, reblogs: 0, favourites: 0, quotes: 0 };
    return {
      status: 200,
      json: {
        ...this.render(status),
        created_at: new Date().toISOString(),
        replies_count: counts.replies,
        reblogs_count: counts.reblogs,
        favourites_count: counts.favourites,
        ...(this.reportsQuotes ? { quotes_count: counts.quotes ?? 0 } : {}),
        account: { id: '1', username: this.username, acct: this.username },
      },
    };
  }

  private pollMedia(id: string): FakeReply {
    const medium = this.media.find((candidate) => candidate.id === id);
    if (!medium) return { status: 404, json: { error: 'Record not found' } };
    if (medium.pendingPolls > 0) {
      medium.pendingPolls--;
      return { status: 206, json: this.renderMedia({ ...medium, pendingPolls: 1 }) };
    }
    return { status: 200, json: this.renderMedia(medium) };
  }

  private renderMedia(medium: FakeMastodonMedia) {
    const processing = medium.pendingPolls > 0;
    return {
      id: medium.id,
      type: medium.mimeType.startsWith('video/') ? 'video' : 'image',
      url: processing ? null : `${this.server.baseUrl}/system/media_attachments/${medium.id}`,
      preview_url: `${this.server.baseUrl}/system/media_attachments/${medium.id}/small`,
      description: medium.description,
    };
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
