import { FakeHttpServer, type FakeReply, multipartOf, type ReceivedRequest } from './fake-http-server';
import { FakeOAuthServer } from './fake-oauth';

export interface FakeTweet {
  id: string;
  text: string;
  /** `media.media_ids`, in order. */
  mediaIds: string[];
  /** What `GET /2/tweets/:id?tweet.fields=public_metrics` reports; all 0 when not set. */
  publicMetrics?: FakeXPublicMetrics;
}

/** A post's `public_metrics`, as X names them. */
export interface FakeXPublicMetrics {
  retweet_count: number;
  reply_count: number;
  like_count: number;
  quote_count: number;
  bookmark_count: number;
  impression_count: number;
}

/** One upload session (`/2/media/upload/initialize` … `/finalize`): the bytes as the segments brought them, and the alt text. */
export interface FakeXMedia {
  id: string;
  mediaType: string;
  mediaCategory: string | null;
  totalBytes: number;
  segments: Map<number, Buffer>;
  finalized: boolean;
  /** How many more STATUS checks answer `in_progress` after FINALIZE. */
  pendingChecks: number;
  altText: string | null;
}

/**
 * X API v2, as documented: `GET /2/tweets/:id` with `tweet.fields=public_metrics` (results),
 * `POST /2/tweets` `{text}` with a Bearer user token, 201
 * `{data: {id, text}}`, with `media.media_ids` from the v2 media upload (`/2/media/upload/initialize`,
 * `/{id}/append` multipart `media` + `segment_index`, `/{id}/finalize`, `GET /2/media/upload?command=STATUS`
 * while video processes) and alt text from `POST /2/media/metadata`; RFC 7807 problems for errors; `x-rate-limit-*` (epoch-second reset) on every
 * answer and `x-user-limit-24hour-*` on posting; 403 for duplicate content. OAuth 2.0 as X documents
 * it: authorize at `/i/oauth2/authorize` (PKCE S256 required), tokens at `POST /2/oauth2/token`, two-hour
 * access tokens, a refresh token with `offline.access`, rotated on every refresh.
 */
export class FakeX {
  readonly server = new FakeHttpServer();
  readonly userId = '1456789012345678901';
  readonly username = 'kadens_kommune';
  accessToken = 'x-user-token';
  readonly tweets: FakeTweet[] = [];
  readonly media: FakeXMedia[] = [];
  /** Video (category `tweet_video`) is processed asynchronously: FINALIZE answers `pending`, STATUS this many times `in_progress`. */
  videoProcessingChecks = 1;
  private tokenExpired = false;
  private nextId = 1861000000000000000n;
  /** Register the installation's app with `oauth.clients.push({clientId, clientSecret, redirectUris})`. */
  readonly oauth = new FakeOAuthServer(this.server, {
    authorizePath: '/i/oauth2/authorize',
    tokenPath: '/2/oauth2/token',
    expiresIn: 7200,
    requirePkce: true,
    tokenType: 'bearer',
    onIssued: (token) => {
      this.accessToken = token;
      this.tokenExpired = false;
    },
  });

  constructor() {
    this.server.route('POST', '/2/tweets', (request) => this.guard(request, () => this.createTweet(request)));
    this.server.route('POST', '/2/media/upload/initialize', (request) => this.guard(request, () => this.initialize(request)));
    this.server.route('POST', '/2/media/upload/:id/append', async (request, params) => {
      const form = await multipartOf(request);
      const chunk = form?.get('media');
      const data = chunk instanceof File ? Buffer.from(await chunk.arrayBuffer()) : null;
      return this.guard(request, () => this.append(params['id'] ?? '', form?.get('segment_index'), data));
    });
    this.server.route('POST', '/2/media/upload/:id/finalize', (request, params) =>
      this.guard(request, () => this.finalize(params['id'] ?? '')),
    );
    this.server.route('GET', '/2/media/upload', (request) => this.guard(request, () => this.status(request)));
    this.server.route('POST', '/2/media/metadata', (request) => this.guard(request, () => this.metadata(request)));
    this.server.route('GET', '/2/tweets/:id', (request, params) => this.guard(request, () => this.readTweet(request, params['id'] ?? '')));
    this.server.route('GET', '/2/users/me', (request) =>
      this.guard(request, () => ({
        status: 200,
        json: { data: { id: this.userId, name: 'Kadens kommune', username: this.username } },
      })),
    );
  }

  start(): Promise<string> {
    return this.server.start();
  }

  stop(): Promise<void> {
    return this.server.stop();
  }

  /** A post already on X with these metrics, without going through `POST /2/tweets` (results tests). */
  addTweet(text: string, publicMetrics: FakeXPublicMetrics): FakeTweet {
    const tweet: FakeTweet = { id: String(this.nextId++), text, mediaIds: [], publicMetrics };
    this.tweets.push(tweet);
    return tweet;
  }

  /** OAuth 2.0 access tokens live two hours. */
  expireToken(): void {
    this.tokenExpired = true;
  }

  private guard(request: ReceivedRequest, next: () => FakeReply): FakeReply {
    if (this.tokenExpired || request.headers['authorization'] !== `Bearer ${this.accessToken}`) {
      return xProblem(401, 'Unauthorized', 'Unauthorized', 'about:blank');
    }
    return next();
  }

  /** The bytes a finished upload holds, its segments joined in order. */
  dataOf(media: FakeXMedia): Buffer {
    return Buffer.concat([...media.segments.entries()].sort(([a], [b]) => a - b).map(([, chunk]) => chunk));
  }

  private initialize(request: ReceivedRequest): FakeReply {
    const body = (request.json ?? {}) as { media_type?: unknown; total_bytes?: unknown; media_category?: unknown };
    if (typeof body.media_type !== 'string' || typeof body.total_bytes !== 'number' || body.total_bytes <= 0) {
      return invalidRequest('media_type and total_bytes are required');
    }
    const media: FakeXMedia = {
      id: String(this.nextId++),
      mediaType: body.media_type,
      mediaCategory: typeof body.media_category === 'string' ? body.media_category : null,
      totalBytes: body.total_bytes,
      segments: new Map(),
      finalized: false,
      pendingChecks: 0,
      altText: null,
    };
    this.media.push(media);
    return { status: 200, json: { data: { id: media.id, media_key: `3_${media.id}`, expires_after_secs: 86400 } } };
  }

  private append(id: string, segment: FormDataEntryValue | null | undefined, data: Buffer | null): FakeReply {
    const media = this.media.find((candidate) => candidate.id === id);
    if (!media || media.finalized) return invalidRequest(`media ${id} is not an open upload`);
    const index = typeof segment === 'string' ? Number(segment) : NaN;
    if (!Number.isInteger(index) || index < 0 || index > 999 || data === null)
      return invalidRequest('segment_index and media are required');
    if (data.length > 5 * 1024 * 1024) return invalidRequest('a segment is at most 5 MB');
    media.segments.set(index, data);
    return { status: 200, json: { data: { expires_at: Math.floor(Date.now() / 1000) + 86400 } } };
  }

  private finalize(id: string): FakeReply {
    const media = this.media.find((candidate) => candidate.id === id);
    if (!media) return invalidRequest(`media ${id} is not an open upload`);
    if (this.dataOf(media).length !== media.totalBytes) return invalidRequest('File size does not match total_bytes');
    media.finalized = true;
    media.pendingChecks = media.mediaCategory === 'tweet_video' ? this.videoProcessingChecks : 0;
    const processing = media.mediaCategory === 'tweet_video' ? { processing_info: { state: 'pending', check_after_secs: 0 } } : {};
    return {
      status: 200,
      json: { data: { id: media.id, media_key: `3_${media.id}`, size: media.totalBytes, expires_after_secs: 86400, ...processing } },
    };
  }

  private status(request: ReceivedRequest): FakeReply {
    const media = this.media.find((candidate) => candidate.id === request.query.get('media_id'));
    if (request.query.get('command') !== 'STATUS' || !media?.finalized)
      return invalidRequest('command=STATUS and a finalized media_id are required');
    const state = media.pendingChecks > 0 ? 'in_progress' : 'succeeded';
    if (media.pendingChecks > 0) media.pendingChecks--;
    return {
      status: 200,
      json: { data: { id: media.id, processing_info: { state, check_after_secs: 0, progress_percent: state === 'succeeded' ? 100 : 50 } } },
    };
  }

  private metadata(request: ReceivedRequest): FakeReply {
    const body = (request.json ?? {}) as { id?: unknown; metadata?: { alt_text?: { text?: unknown } } };
    const media = this.media.find((candidate) => candidate.id === body.id);
    const text = body.metadata?.alt_text?.text;
    if (!media || typeof text !== 'string') return invalidRequest('id and metadata.alt_text.text are required');
    if (text.length > 1000) return invalidRequest('alt_text.text is at most 1000 characters');
    media.altText = text;
    return { status: 200, json: { data: { id: media.id, associated_metadata: { alt_text: { text } } } } };
  }

  /**
   * `GET /2/tweets/:id` with `tweet.fields`: `public_metrics` when asked for. A post that is not there
   * answers 200 with a `resource-not-found` problem in `errors` and no `data`, as X does.
   */
  private readTweet(request: ReceivedRequest, id: string): FakeReply {
    const tweet = this.tweets.find((candidate) => candidate.id === id);
    if (tweet === undefined) {
      return {
        status: 200,
        headers: xRateLimitHeaders(899, Math.floor(Date.now() / 1000) + 900),
        json: {
          errors: [
            {
              value: id,
              detail: `Could not find tweet with id: [${id}].`,
              title: 'Not Found Error',
              resource_type: 'tweet',
              parameter: 'id',
              resource_id: id,
              type: 'https://api.twitter.com/2/problems/resource-not-found',
            },
          ],
        },
      };
    }
    const fields = (request.query.get('tweet.fields') ?? '').split(',');
    const metrics = tweet.publicMetrics ?? {
      retweet_count: 0,
      reply_count: 0,
      like_count: 0,
      quote_count: 0,
      bookmark_count: 0,
      impression_count: 0,
    };
    return {
      status: 200,
      headers: xRateLimitHeaders(899, Math.floor(Date.now() / 1000) + 900),
      json: {
        data: {
          id: tweet.id,
          text: tweet.text,
          edit_history_tweet_ids: [tweet.id],
          ...(fields.includes('public_metrics') ? { public_metrics: metrics } : {}),
        },
      },
    };
  }

  private createTweet(request: ReceivedRequest): FakeReply {
    const body = request.json as { text?: unknown; media?: { media_ids?: unknown } } | undefined;
    const text = body?.text ?? '';
    const mediaIds = Array.isArray(body?.media?.media_ids) ? body.media.media_ids.map(String) : [];
    for (const id of mediaIds) {
      const media = this.media.find((candidate) => candidate.id === id);
      if (!media?.finalized || media.pendingChecks > 0) return invalidRequest(`Your media IDs are invalid: ${id}`);
    }
    if (typeof text !== 'string' || (text === '' && mediaIds.length === 0)) {
      return {
        status: 400,
        json: {
          errors: [{ parameters: { text: [] }, message: 'The `text` field is required when `media` is not present' }],
          title: 'Invalid Request',
          detail: 'One or more parameters to your request was invalid.',
          type: 'https://api.twitter.com/2/problems/invalid-request',
        },
      };
    }
    if (text !== '' && this.tweets.some((tweet) => tweet.text === text)) {
      return xProblem(403, 'Forbidden', 'You are not allowed to create a Tweet with duplicate content.', 'about:blank');
    }
    const id = String(this.nextId++);
    this.tweets.push({ id, text, mediaIds });
    return {
      status: 201,
      headers: xRateLimitHeaders(99, 0),
      json: { data: { id, text, edit_history_tweet_ids: [id] } },
    };
  }
}

function invalidRequest(message: string): FakeReply {
  return {
    status: 400,
    json: {
      errors: [{ message }],
      title: 'Invalid Request',
      detail: 'One or more parameters to your request was invalid.',
      type: 'https://api.twitter.com/2/problems/invalid-request',
    },
  };
}

export function xProblem(status: number, title: string, detail: string, type: string, headers?: Record<string, string>): FakeReply {
  return { status, headers, json: { title, detail, type, status } };
}

/** The headers of a window with `remaining` calls left, resetting at `resetEpochSeconds`. */
export function xRateLimitHeaders(remaining: number, resetEpochSeconds: number): Record<string, string> {
  return {
    'x-rate-limit-limit': '100',
    'x-rate-limit-remaining': String(remaining),
    'x-rate-limit-reset': String(resetEpochSeconds),
  };
}
