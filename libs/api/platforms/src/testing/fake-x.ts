import { FakeHttpServer, type FakeReply, type ReceivedRequest } from './fake-http-server';
import { FakeOAuthServer } from './fake-oauth';

export interface FakeTweet {
  id: string;
  text: string;
}

/**
 * X API v2, as documented: `POST /2/tweets` `{text}` with a Bearer user token, 201
 * `{data: {id, text}}`; RFC 7807 problems for errors; `x-rate-limit-*` (epoch-second reset) on every
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

  private createTweet(request: ReceivedRequest): FakeReply {
    const text = (request.json as { text?: unknown } | undefined)?.text;
    if (typeof text !== 'string' || text === '') {
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
    if (this.tweets.some((tweet) => tweet.text === text)) {
      return xProblem(403, 'Forbidden', 'You are not allowed to create a Tweet with duplicate content.', 'about:blank');
    }
    const id = String(this.nextId++);
    this.tweets.push({ id, text });
    return {
      status: 201,
      headers: xRateLimitHeaders(99, 0),
      json: { data: { id, text, edit_history_tweet_ids: [id] } },
    };
  }
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
