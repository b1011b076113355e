import { FakeHttpServer, type FakeReply, type ReceivedRequest } from './fake-http-server';
import { FakeLinkedInVideos } from './fake-linkedin-videos';
import { FakeOAuthServer } from './fake-oauth';

export interface FakeLinkedInPost {
  urn: string;
  author: string;
  /** What the commentary shows once LinkedIn has parsed its "little text" markup. */
  shownText: string;
  rawCommentary: string;
  /** `content.media` or `content.multiImage.images`: the image URNs with their alt texts, in order. */
  images: Array<{ urn: string; altText: string | null }>;
  /** `content.media` with a video URN (Videos API), when the post carries a video. */
  video?: string;
  /** What `organizationalEntityShareStatistics` reports (`totalShareStatistics`); none yet when not set. */
  statistics?: FakeLinkedInShareStatistics;
}

export interface FakeLinkedInShareStatistics {
  impressionCount: number;
  uniqueImpressionsCount: number;
  clickCount: number;
  likeCount: number;
  commentCount: number;
  shareCount: number;
  engagement: number;
}

/** One image of the Images API: its owner, and the bytes PUT to its upload URL (null until uploaded). */
export interface FakeLinkedInImage {
  urn: string;
  owner: string;
  data: Buffer | null;
  contentType: string | null;
}

const RESERVED = new Set(['\\', '|', '{', '}', '@', '[', ']', '(', ')', '<', '>', '#', '*', '_', '~']);

/**
 * LinkedIn's Posts API, as documented: `POST /rest/posts` with a Bearer token, `LinkedIn-Version:
 * YYYYMM` and `X-Restli-Protocol-Version: 2.0.0`; 201 with an empty body and the URN in `x-restli-id`;
 * images through the Images API (`initializeUpload`, then a PUT of the bytes to the upload URL) and
 * `content.media` / `content.multiImage` with `altText` on the post; video through the Videos API
 * (fake-linkedin-videos.ts) and `content.media`. Results: an organisation post's
 * `organizationalEntityShareStatistics`.
 * Like LinkedIn, it cuts the shown text at the first unescaped reserved character (and shows a doubled
 * escape as a visible backslash), so a test sees exactly what escaping did.
 */
export class FakeLinkedIn {
  readonly server = new FakeHttpServer();
  readonly memberId = 'AbC123xYz';
  readonly memberName = 'Kari Nordmann';
  readonly organizationId = '98765';
  readonly organizationName = 'Kadens kommune';
  accessToken = 'li-token';
  readonly posts: FakeLinkedInPost[] = [];
  readonly images: FakeLinkedInImage[] = [];
  /** The Videos API (fake-linkedin-videos.ts), on the same server behind the same checks. */
  readonly videos = new FakeLinkedInVideos(
    this.server,
    (request, next) => this.guard(request, next),
    () => [this.personUrn, `urn:li:organization:${this.organizationId}`],
  );
  /** The organisation pages the member administers (`organizationAcls`), the first being the one posts go to. */
  administeredOrganizations: Array<{ id: string; name: string }> = [
    { id: this.organizationId, name: this.organizationName },
    { id: '55555', name: 'Kadens bibliotek' },
  ];
  private revoked = false;
  private nextId = 7300000000000000000n;
  /**
   * LinkedIn's 3-legged OAuth as documented: `/oauth/v2/authorization` (a declined consent comes back as
   * `error=user_cancelled_authorize`), `POST /oauth/v2/accessToken` with the secret in the form, 60-day
   * access tokens; a refresh token only for the apps LinkedIn grants it to (`oauth.refreshTokenPolicy = 'always'`).
   */
  readonly oauth = new FakeOAuthServer(this.server, {
    authorizePath: '/oauth/v2/authorization',
    tokenPath: '/oauth/v2/accessToken',
    expiresIn: 60 * 24 * 3600,
    requirePkce: false,
    tokenType: 'Bearer',
    refreshTokens: 'never',
    denialParams: { error: 'user_cancelled_authorize', error_description: 'The user cancelled the authorization' },
    onIssued: (token) => {
      this.accessToken = token;
      this.revoked = false;
    },
  });

  constructor() {
    this.server.route('GET', '/rest/organizationAcls', (request) => this.guard(request, () => this.acls(request)));
    this.server.route('POST', '/rest/posts', (request) => this.guard(request, () => this.createPost(request)));
    this.server.route('GET', '/rest/organizationalEntityShareStatistics', (request) =>
      this.guard(request, () => this.shareStatistics(request)),
    );
    this.server.route('POST', '/rest/images', (request) => this.guard(request, () => this.initializeUpload(request)));
    this.server.route('PUT', '/dms-uploads/:id', (request, params) =>
      this.guard(request, () => this.receiveImage(params['id'] ?? '', request)),
    );
    this.server.route('GET', '/v2/userinfo', (request) =>
      this.guard(request, () => ({
        status: 200,
        json: { sub: this.memberId, name: this.memberName, locale: { country: 'NO', language: 'nb' } },
      })),
    );
    this.server.route('GET', '/rest/organizations/:id', (request, params) =>
      this.guard(request, () => {
        const organization = this.administeredOrganizations.find((candidate) => candidate.id === params['id']);
        return organization !== undefined
          ? { status: 200, json: { id: Number(organization.id), localizedName: organization.name } }
          : linkedinError(404, 'Organization not found', 'NOT_FOUND');
      }),
    );
  }

  get personUrn(): string {
    return `urn:li:person:${this.memberId}`;
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

  /** An organisation post already on LinkedIn with these statistics (results tests). */
  addOrganizationPost(text: string, statistics: FakeLinkedInShareStatistics, kind: 'share' | 'ugcPost' = 'share'): FakeLinkedInPost {
    const post: FakeLinkedInPost = {
      urn: `urn:li:${kind}:${this.nextId++}`,
      author: `urn:li:organization:${this.organizationId}`,
      shownText: text,
      rawCommentary: text,
      images: [],
      statistics,
    };
    this.posts.push(post);
    return post;
  }

  /**
   * `GET /rest/organizationalEntityShareStatistics?q=organizationalEntity&organizationalEntity=…&shares=List(…)`
   * (or `ugcPosts=List(…)`): lifetime `totalShareStatistics` per post of the organisation. `List(…)` must
   * arrive unescaped (Rest.li 2.0), the URNs inside it percent-encoded.
   */
  private shareStatistics(request: ReceivedRequest): FakeReply {
    const organization = request.query.get('organizationalEntity');
    if (request.query.get('q') !== 'organizationalEntity' || organization !== `urn:li:organization:${this.organizationId}`) {
      return linkedinError(400, 'organizationalEntity must be an organization the member administers', 'ILLEGAL_ARGUMENT');
    }
    const lists = /[?&](shares|ugcPosts)=List\(([^)]*)\)/.exec(request.target);
    if (lists === null) return linkedinError(400, 'Invalid Rest.li syntax: shares and ugcPosts must be List(...)', 'ILLEGAL_ARGUMENT');
    const kind = lists[1] === 'ugcPosts' ? 'ugcPost' : 'share';
    const urns = (lists[2] ?? '').split(',').map(decodeURIComponent);
    const elements = urns.flatMap((urn) => {
      const post = this.posts.find((candidate) => candidate.urn === urn && candidate.author === organization);
      if (post?.statistics === undefined) return [];
      return [{ organizationalEntity: organization, [kind]: urn, totalShareStatistics: post.statistics }];
    });
    return { status: 200, json: { paging: { count: 10, start: 0, links: [] }, elements } };
  }

  private guard(request: ReceivedRequest, next: () => FakeReply): FakeReply {
    if (request.headers['authorization'] !== `Bearer ${this.accessToken}`) {
      return linkedinError(401, 'Invalid access token', 'INVALID_ACCESS_TOKEN', 65600);
    }
    if (this.revoked) {
      return linkedinError(401, 'The token used in the request has been revoked by the user', 'REVOKED_ACCESS_TOKEN', 65601);
    }
    if (request.path.startsWith('/rest/')) {
      if (!/^\d{6}$/.test(String(request.headers['linkedin-version']))) {
        return linkedinError(
          400,
          'A version must be present. Please specify a version by adding the LinkedIn-Version header.',
          'VERSION_MISSING',
        );
      }
      if (request.headers['x-restli-protocol-version'] !== '2.0.0') {
        return linkedinError(400, 'Unsupported Rest.li protocol version', 'UNSUPPORTED_PROTOCOL');
      }
    }
    return next();
  }

  /** `POST /rest/images?action=initializeUpload` `{initializeUploadRequest: {owner}}` → `{value: {uploadUrl, image}}`. */
  private initializeUpload(request: ReceivedRequest): FakeReply {
    const owner = (request.json as { initializeUploadRequest?: { owner?: unknown } } | undefined)?.initializeUploadRequest?.owner;
    if (request.query.get('action') !== 'initializeUpload' || typeof owner !== 'string') {
      return linkedinError(400, 'initializeUploadRequest.owner is required', 'ILLEGAL_ARGUMENT');
    }
    if (owner !== this.personUrn && owner !== `urn:li:organization:${this.organizationId}`) {
      return linkedinError(403, `Not enough permissions to upload as ${owner}`, 'ACCESS_DENIED', 100);
    }
    const id = imageIdOf(this.images.length + 1);
    const image: FakeLinkedInImage = { urn: `urn:li:image:${id}`, owner, data: null, contentType: null };
    this.images.push(image);
    return {
      status: 200,
      json: {
        value: { uploadUrlExpiresAt: Date.now() + 3600_000, uploadUrl: `${this.server.baseUrl}/dms-uploads/${id}`, image: image.urn },
      },
    };
  }

  private receiveImage(id: string, request: ReceivedRequest): FakeReply {
    const image = this.images.find((candidate) => candidate.urn === `urn:li:image:${id}`);
    if (!image) return linkedinError(404, 'Upload URL not found', 'NOT_FOUND');
    image.data = request.raw;
    image.contentType = String(request.headers['content-type'] ?? '') || null;
    return { status: 201, raw: '' };
  }

  /** `GET /rest/organizationAcls?q=roleAssignee&role=ADMINISTRATOR`: the member's approved roles. */
  private acls(request: ReceivedRequest): FakeReply {
    if (request.query.get('q') !== 'roleAssignee')
      return linkedinError(400, 'Invalid query parameters passed to request', 'ILLEGAL_ARGUMENT');
    const role = request.query.get('role') ?? 'ADMINISTRATOR';
    return {
      status: 200,
      json: {
        paging: { start: 0, count: 10, links: [] },
        elements: this.administeredOrganizations.map((organization) => ({
          roleAssignee: this.personUrn,
          state: 'APPROVED',
          role,
          organization: `urn:li:organization:${organization.id}`,
        })),
      },
    };
  }

  private createPost(request: ReceivedRequest): FakeReply {
    const body = request.json as Record<string, unknown> | undefined;
    const distribution = body?.['distribution'] as Record<string, unknown> | undefined;
    const commentary = body?.['commentary'];
    if (
      typeof commentary !== 'string' ||
      body?.['lifecycleState'] !== 'PUBLISHED' ||
      body['visibility'] !== 'PUBLIC' ||
      distribution?.['feedDistribution'] !== 'MAIN_FEED'
    ) {
      return linkedinError(422, 'ERROR :: /commentary :: field is required but not found and has no default value', 'UNPROCESSABLE_ENTITY');
    }
    if (body['author'] !== this.personUrn && body['author'] !== `urn:li:organization:${this.organizationId}`) {
      return linkedinError(403, `Not enough permissions to post as ${String(body['author'])}`, 'ACCESS_DENIED', 100);
    }
    const duplicate = this.posts.find((post) => post.rawCommentary === commentary);
    if (duplicate !== undefined) {
      return {
        status: 422,
        json: {
          errorDetailType: 'com.linkedin.common.error.BadRequest',
          message: `Content is a duplicate of ${duplicate.urn}`,
          errorDetails: {
            inputErrors: [{ description: 'Duplicate post is detected', input: {}, code: 'DUPLICATE_POST' }],
          },
          status: 422,
        },
      };
    }
    const content = (body['content'] ?? {}) as { media?: { id?: unknown; altText?: unknown }; multiImage?: { images?: unknown } };
    const video = typeof content.media?.id === 'string' && content.media.id.startsWith('urn:li:video:') ? content.media.id : undefined;
    if (video !== undefined) {
      if (!this.videos.isAvailable(video))
        return linkedinError(422, `ERROR :: /content/media :: ${video} is not an available video`, 'UNPROCESSABLE_ENTITY');
    }
    const listed = content.multiImage?.images;
    const images = (
      Array.isArray(listed)
        ? (listed as Array<{ id?: unknown; altText?: unknown }>)
        : content.media && video === undefined
          ? [content.media]
          : []
    ).map((image) => ({ urn: String(image.id), altText: typeof image.altText === 'string' ? image.altText : null }));
    if (Array.isArray(listed) && (listed.length < 2 || listed.length > 20)) {
      return linkedinError(422, 'ERROR :: /content/multiImage/images :: a multi-image post has 2 to 20 images', 'UNPROCESSABLE_ENTITY');
    }
    const missing = images.find((image) => this.images.find((known) => known.urn === image.urn)?.data == null);
    if (missing !== undefined)
      return linkedinError(422, `ERROR :: /content :: ${missing.urn} is not an uploaded image`, 'UNPROCESSABLE_ENTITY');
    const urn = `urn:li:share:${this.nextId++}`;
    this.posts.push({
      urn,
      author: body['author'] as string,
      shownText: parseLittleText(commentary),
      rawCommentary: commentary,
      images,
      ...(video === undefined ? {} : { video }),
    });
    return { status: 201, headers: { 'x-restli-id': urn, 'x-linkedin-id': urn } };
  }
}

/** The Images API's `initializeUpload`: an image URN for the owner and the URL its bytes are PUT to. */
function imageIdOf(count: number): string {
  return `D4E10AQ${String(count).padStart(8, '0')}`;
}

export function linkedinError(status: number, message: string, code: string, serviceErrorCode?: number): FakeReply {
  return { status, json: { status, code, message, ...(serviceErrorCode === undefined ? {} : { serviceErrorCode }) } };
}

/** LinkedIn's reading of commentary: `\x` shows x; an unescaped reserved character ends the text. */
function parseLittleText(commentary: string): string {
  let shown = '';
  for (let index = 0; index < commentary.length; index++) {
    const char = commentary.charAt(index);
    if (char === '\\' && index + 1 < commentary.length) shown += commentary.charAt(++index);
    else if (RESERVED.has(char)) return shown;
    else shown += char;
  }
  return shown;
}
