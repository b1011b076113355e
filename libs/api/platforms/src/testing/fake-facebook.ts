import { FakeFacebookLogin } from './fake-facebook-login';
import { expiredGraphToken, graphError, graphVersionIsValid } from './fake-graph-errors';
import { FakeHttpServer, type FakeReply, type ReceivedRequest } from './fake-http-server';

export interface FakeFacebookPost {
  id: string;
  message: string;
  link: string | null;
  /** Photo URLs, for photo posts and feed posts with attached photos. */
  photos: string[];
  /** What the post's insights and fields report; all 0 when not set. */
  results?: FakeFacebookResults;
}

/** A post's numbers as Graph gives them: lifetime insights by metric name, and the post's own counts. */
export interface FakeFacebookResults {
  insights: Partial<Record<string, number | Record<string, number>>>;
  comments: number;
  shares: number;
}

/** Page post metrics Meta retired for all versions (2025–2026); asking for one refuses the whole request. */
export const RETIRED_FACEBOOK_POST_METRICS = [
  'post_impressions',
  'post_impressions_unique',
  'post_impressions_paid',
  'post_impressions_fan',
  'post_impressions_organic',
  'post_impressions_viral',
  'post_engaged_users',
  'post_video_views_unique',
];
const FACEBOOK_POST_METRICS = [
  'post_media_view',
  'post_total_media_view_unique',
  'post_reactions_by_type_total',
  'post_clicks',
  'post_clicks_by_type',
  'post_video_views',
];

/** One `POST /{page-id}/photos`: the URL Facebook fetched the photo from, its alt text, whether it was published by itself. */
export interface FakeFacebookPhoto {
  id: string;
  url: string;
  altText: string | null;
  published: boolean;
}

/** One `POST /{page-id}/videos` with `file_url`: a video post of its own. */
export interface FakeFacebookVideo {
  id: string;
  fileUrl: string;
  description: string;
  title: string | null;
}

/**
 * A Facebook Page on the Graph API, as documented: `POST /{version}/{page-id}/feed` with `message`
 * and `link`, `POST /{version}/{page-id}/photos` with `url` (and `published=false` for attachments),
 * `alt_text_custom` for the photo's alt text, `POST /{page-id}/videos` with `file_url` and `description`,
 * `access_token` as a parameter, errors in Graph's `{error: {code, …}}` envelope, 506 for a duplicate.
 * Results: `GET /{post-id}/insights` (a retired metric name refuses the whole request, code 100) and
 * `GET /{post-id}?fields=shares,comments.summary(…)`.
 */
export class FakeFacebook {
  readonly server = new FakeHttpServer();
  readonly pageId = '1234567890';
  readonly pageName = 'Kadens kommune';
  accessToken = 'fb-page-token';
  readonly posts: FakeFacebookPost[] = [];
  readonly photos: FakeFacebookPhoto[] = [];
  readonly videos: FakeFacebookVideo[] = [];
  private readonly unpublishedPhotos = new Map<string, string>();
  /** Metric names Graph refuses with code 100; a test adds one to play Meta retiring a name the adapter still asks for. */
  readonly retiredMetrics = new Set(RETIRED_FACEBOOK_POST_METRICS);
  private tokenExpired = false;
  private nextId = 1000;
  /** Facebook Login on the same server: the page above and one more the person manages (see FakeFacebookLogin). */
  readonly login = new FakeFacebookLogin(this.server);

  constructor() {
    this.login.pages = [
      { id: this.pageId, name: this.pageName, accessToken: this.accessToken, pictureUrl: 'https://scontent.example/kadens.png' },
      { id: '2233445566', name: 'Kadens bibliotek', accessToken: 'fb-library-page-token' },
    ];
    this.server.route('POST', '/:version/:pageId/feed', (request, params) =>
      this.guard(request, params, () => this.createFeedPost(request)),
    );
    this.server.route('POST', '/:version/:pageId/photos', (request, params) =>
      this.guard(request, params, () => this.createPhoto(request)),
    );
    this.server.route('POST', '/:version/:pageId/videos', (request, params) =>
      this.guard(request, params, () => this.createVideo(request)),
    );
    this.server.route('GET', '/:version/:objectId/insights', (request, params) =>
      this.guardToken(request, params, () => this.readInsights(request, params['objectId'] ?? '')),
    );
    this.server.route('GET', '/:version/:pageId', (request, params) =>
      params['pageId'] === this.pageId
        ? this.guard(request, params, () => ({ status: 200, json: { name: this.pageName, id: this.pageId } }))
        : this.guardToken(request, params, () => this.readObject(request, params['pageId'] ?? '')),
    );
  }

  start(): Promise<string> {
    return this.server.start();
  }

  stop(): Promise<void> {
    return this.server.stop();
  }

  expireToken(): void {
    this.tokenExpired = true;
  }

  /** A published post with these numbers, without going through `/feed` (results tests). */
  addPost(message: string, results: FakeFacebookResults): FakeFacebookPost {
    const post: FakeFacebookPost = { id: `${this.pageId}_${this.nextId++}`, message, link: null, photos: [], results };
    this.posts.push(post);
    return post;
  }

  /** A video published by itself (known by its video id) and the feed post that carries its insights. */
  addVideoPost(description: string, results: FakeFacebookResults): { video: FakeFacebookVideo; post: FakeFacebookPost } {
    const video: FakeFacebookVideo = { id: String(this.nextId++), fileUrl: 'https://cdn.example/v.mp4', description, title: null };
    const post: FakeFacebookPost = { id: `${this.pageId}_${video.id}`, message: description, link: null, photos: [], results };
    this.videos.push(video);
    this.posts.push(post);
    return { video, post };
  }

  private guardToken(request: ReceivedRequest, params: Record<string, string>, next: () => FakeReply): FakeReply {
    if (!graphVersionIsValid(params['version'] ?? '')) {
      return graphError(400, 2635, 'Unknown path components', { type: 'GraphMethodException' });
    }
    const token = request.method === 'GET' ? request.query.get('access_token') : request.form.get('access_token');
    if (token !== this.accessToken) return graphError(400, 190, 'Invalid OAuth access token - Cannot parse access token');
    if (this.tokenExpired) return expiredGraphToken();
    return next();
  }

  private guard(request: ReceivedRequest, params: Record<string, string>, next: () => FakeReply): FakeReply {
    return this.guardToken(request, params, () =>
      params['pageId'] === this.pageId
        ? next()
        : graphError(400, 100, `Unsupported post request. Object with ID '${params['pageId']}' does not exist`, {
            type: 'GraphMethodException',
          }),
    );
  }

  /** `GET /{post-id}?fields=…` (shares, comments summary) or `GET /{video-id}?fields=post_id`. */
  private readObject(request: ReceivedRequest, id: string): FakeReply {
    const video = this.videos.find((candidate) => candidate.id === id);
    if (video !== undefined) return { status: 200, json: { id, post_id: `${this.pageId}_${id}` } };
    const post = this.posts.find((candidate) => candidate.id === id);
    if (post === undefined) return missingObject(id);
    const fields = request.query.get('fields') ?? '';
    const results = post.results ?? { insights: {}, comments: 0, shares: 0 };
    return {
      status: 200,
      json: {
        id,
        ...(fields.includes('comments')
          ? { comments: { data: [], summary: { order: 'ranked', total_count: results.comments, can_comment: true } } }
          : {}),
        // Graph leaves `shares` out of a post nobody has shared.
        ...(fields.includes('shares') && results.shares > 0 ? { shares: { count: results.shares } } : {}),
      },
    };
  }

  /**
   * `GET /{post-id}/insights?metric=a,b&period=lifetime`. A retired or unknown name refuses the whole
   * request with code 100, as Graph does, without saying which name it was.
   */
  private readInsights(request: ReceivedRequest, id: string): FakeReply {
    const post = this.posts.find((candidate) => candidate.id === id);
    if (post === undefined) return missingObject(id);
    const metrics = (request.query.get('metric') ?? '').split(',').filter(Boolean);
    if (metrics.length === 0) {
      return graphError(
        400,
        3001,
        'No metric was specified to be fetched. Please specify one or more metrics to be fetched and try again.',
        {
          subcode: 1504028,
        },
      );
    }
    if (metrics.some((metric) => this.retiredMetrics.has(metric) || !FACEBOOK_POST_METRICS.includes(metric))) {
      return graphError(400, 100, '(#100) The value must be a valid insights metric');
    }
    const insights = post.results?.insights ?? {};
    return {
      status: 200,
      json: {
        data: metrics.map((name) => ({
          name,
          period: 'lifetime',
          values: [{ value: insights[name] ?? (name === 'post_reactions_by_type_total' ? {} : 0) }],
          title: `Lifetime ${name}`,
          description: `Lifetime: ${name}`,
          id: `${id}/insights/${name}/lifetime`,
        })),
        paging: { previous: 'https://graph.facebook.com/previous', next: 'https://graph.facebook.com/next' },
      },
    };
  }

  private createFeedPost(request: ReceivedRequest): FakeReply {
    const message = request.form.get('message') ?? '';
    const link = request.form.get('link');
    const photos: string[] = [];
    for (let index = 0; request.form.has(`attached_media[${index}]`); index++) {
      const { media_fbid } = JSON.parse(request.form.get(`attached_media[${index}]`) ?? '{}') as {
        media_fbid?: string;
      };
      const url = media_fbid === undefined ? undefined : this.unpublishedPhotos.get(media_fbid);
      if (url === undefined) return graphError(400, 100, `(#100) Invalid media_fbid ${String(media_fbid)}`);
      photos.push(url);
    }
    if (message === '' && link === null && photos.length === 0) {
      return graphError(400, 100, '(#100) Missing message or attachment');
    }
    if (this.posts.some((post) => post.message === message && post.link === link && message !== '')) {
      return graphError(400, 506, 'Duplicate status message', { type: 'FacebookApiException' });
    }
    const id = `${this.pageId}_${this.nextId++}`;
    this.posts.push({ id, message, link, photos });
    return { status: 200, json: { id } };
  }

  private createPhoto(request: ReceivedRequest): FakeReply {
    const url = request.form.get('url');
    if (url === null || !/^https?:\/\//.test(url)) return graphError(400, 324, '(#324) Requires upload file');
    const photoId = String(this.nextId++);
    const published = request.form.get('published') !== 'false';
    this.photos.push({ id: photoId, url, altText: request.form.get('alt_text_custom'), published });
    if (!published) {
      this.unpublishedPhotos.set(photoId, url);
      return { status: 200, json: { id: photoId } };
    }
    const postId = `${this.pageId}_${this.nextId++}`;
    this.posts.push({ id: postId, message: request.form.get('caption') ?? '', link: null, photos: [url] });
    return { status: 200, json: { id: photoId, post_id: postId } };
  }

  private createVideo(request: ReceivedRequest): FakeReply {
    const fileUrl = request.form.get('file_url');
    if (fileUrl === null || !/^https?:\/\//.test(fileUrl)) return graphError(400, 100, '(#100) file_url or source is required');
    const id = String(this.nextId++);
    this.videos.push({ id, fileUrl, description: request.form.get('description') ?? '', title: request.form.get('title') });
    return { status: 200, json: { id } };
  }
}

/** What Graph answers for an id it does not have (deleted, or never there): code 100, subcode 33. */
function missingObject(id: string): FakeReply {
  return graphError(
    400,
    100,
    `Unsupported get request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
    { subcode: 33, type: 'GraphMethodException' },
  );
}
