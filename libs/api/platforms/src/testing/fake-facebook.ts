import { FakeFacebookLogin } from './fake-facebook-login';
import { expiredGraphToken, graphError, graphVersionIsValid } from './fake-graph-errors';
import { FakeHttpServer, type FakeReply, type ReceivedRequest } from './fake-http-server';

export interface FakeFacebookPost {
  id: string;
  message: string;
  link: string | null;
  /** Photo URLs, for photo posts and feed posts with attached photos. */
  photos: string[];
}

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
    this.server.route('GET', '/:version/:pageId', (request, params) =>
      this.guard(request, params, () => ({ status: 200, json: { name: this.pageName, id: this.pageId } })),
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

  private guard(request: ReceivedRequest, params: Record<string, string>, next: () => FakeReply): FakeReply {
    if (!graphVersionIsValid(params['version'] ?? '')) {
      return graphError(400, 2635, 'Unknown path components', { type: 'GraphMethodException' });
    }
    const token = request.method === 'GET' ? request.query.get('access_token') : request.form.get('access_token');
    if (token !== this.accessToken) return graphError(400, 190, 'Invalid OAuth access token - Cannot parse access token');
    if (this.tokenExpired) return expiredGraphToken();
    if (params['pageId'] !== this.pageId) {
      return graphError(400, 100, `Unsupported post request. Object with ID '${params['pageId']}' does not exist`, {
        type: 'GraphMethodException',
      });
    }
    return next();
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
