import { randomBytes } from 'node:crypto';

import { FakeHttpServer, type FakeReply, type ReceivedRequest } from './fake-http-server';

export interface FakeWordPressPost {
  id: number;
  slug: string;
  title: string;
  content: string;
  status: string;
  /** `featured_media`: 0 when none. */
  featuredMedia: number;
  /** Comments on the post by status; none when not set. */
  comments?: { approved: number; pending: number };
}

/** One attachment from `POST /wp-json/wp/v2/media`: the bytes as received, its file name and alt text. */
export interface FakeWordPressMedia {
  id: number;
  mimeType: string;
  fileName: string;
  data: Buffer;
  altText: string;
}

/**
 * A WordPress site's core REST API, as documented: Application Passwords over HTTP Basic (spaces in
 * the password ignored, as WordPress does), `POST /wp-json/wp/v2/posts` → 201 with `id` and `link`,
 * `GET /wp-json/wp/v2/posts?slug=` → a list, slugs made unique with `-2`, errors as
 * `{code, message, data: {status}}` (`incorrect_password`, `rest_cannot_create`, …).
 * Results: `GET /wp/v2/posts/{id}` and `GET /wp/v2/comments?post=` with its `X-WP-Total` header.
 */
export class FakeWordPress {
  readonly server = new FakeHttpServer();
  readonly username = 'kadens';
  readonly displayName = 'Kadens publisering';
  applicationPassword = 'abcd EFGH ijkl MNOP qrst UVWX';
  /** A contributor may write but not publish. */
  canPublish = true;
  readonly posts: FakeWordPressPost[] = [];
  readonly media: FakeWordPressMedia[] = [];
  /** False: the REST index lists no application-password authorisation (before 5.6, or switched off). */
  applicationPasswordsAvailable = true;
  /** Each application password the consent screen created, newest last. */
  readonly authorizedApps: Array<{ appName: string; appId: string | null }> = [];
  private denyConsent = false;
  private nextId = 101;

  constructor() {
    this.server.route('GET', '/wp-json/', () => this.index());
    this.server.route('GET', '/wp-admin/authorize-application.php', (request) => this.authorizeApplication(request));
    this.server.route('POST', '/wp-json/wp/v2/posts', (request) => this.authenticated(request, () => this.createPost(request)));
    this.server.route('GET', '/wp-json/wp/v2/posts', (request) => this.authenticated(request, () => this.listPosts(request)));
    this.server.route('GET', '/wp-json/wp/v2/posts/:id', (request, params) =>
      this.authenticated(request, () => this.readPost(params['id'] ?? '')),
    );
    this.server.route('GET', '/wp-json/wp/v2/comments', (request) => this.authenticated(request, () => this.listComments(request)));
    this.server.route('POST', '/wp-json/wp/v2/media', (request) => this.authenticated(request, () => this.uploadMedia(request)));
    this.server.route('POST', '/wp-json/wp/v2/media/:id', (request, params) =>
      this.authenticated(request, () => this.updateMedia(Number(params['id']), request)),
    );
    this.server.route('GET', '/wp-json/wp/v2/users/me', (request) =>
      this.authenticated(request, () => ({
        status: 200,
        json: {
          id: 1,
          name: this.displayName,
          slug: this.username,
          capabilities: { edit_posts: true, publish_posts: this.canPublish },
        },
      })),
    );
  }

  start(): Promise<string> {
    return this.server.start();
  }

  stop(): Promise<void> {
    return this.server.stop();
  }

  /** The person clicks "No, I do not approve of this connection" on the next consent screen. */
  denyNextConsent(): void {
    this.denyConsent = true;
  }

  /** `GET /wp-json/`: the REST index, which names the application-password authorisation screen. */
  private index(): FakeReply {
    const base = this.server.baseUrl;
    return {
      status: 200,
      json: {
        name: 'Kadens kommune',
        url: base,
        home: base,
        namespaces: ['oembed/1.0', 'wp/v2'],
        authentication: this.applicationPasswordsAvailable
          ? { 'application-passwords': { endpoints: { authorization: `${base}/wp-admin/authorize-application.php` } } }
          : [],
      },
    };
  }

  /**
   * The "Authorize Application" screen, the person logged in and approving at once: a new application
   * password, and a redirect to `success_url` with `site_url`, `user_login` and `password` (or to
   * `reject_url` with `success=false`). Like WordPress, it refuses a malformed `app_id` or redirect URL.
   */
  private authorizeApplication(request: ReceivedRequest): FakeReply {
    const query = request.query;
    const appName = query.get('app_name');
    const appId = query.get('app_id');
    if (appName === null || appName === '') return { status: 400, raw: 'An application name is required' };
    if (appId !== null && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(appId)) {
      return { status: 400, raw: 'The application ID must be a UUID.' };
    }
    const target = (name: string): URL | null => {
      const value = query.get(name);
      if (value === null) return null;
      try {
        const url = new URL(value);
        return url.protocol === 'https:' || url.protocol === 'http:' ? url : null;
      } catch {
        return null;
      }
    };
    const success = target('success_url');
    const reject = target('reject_url');
    if (success === null || reject === null) return { status: 400, raw: 'The success and reject URLs must be http(s) addresses.' };
    if (this.denyConsent) {
      this.denyConsent = false;
      reject.searchParams.set('success', 'false');
      return { status: 302, headers: { location: reject.toString() } };
    }
    this.applicationPassword = (randomBytes(18).toString('base64url').match(/.{4}/g) ?? []).join(' ');
    this.authorizedApps.push({ appName, appId });
    success.searchParams.set('site_url', this.server.baseUrl);
    success.searchParams.set('user_login', this.username);
    success.searchParams.set('password', this.applicationPassword);
    return { status: 302, headers: { location: success.toString() } };
  }

  private authenticated(request: ReceivedRequest, next: () => FakeReply): FakeReply {
    const header = request.headers['authorization'] ?? '';
    if (!header.startsWith('Basic ')) {
      return wordpressError(401, 'rest_not_logged_in', 'You are not currently logged in.');
    }
    const [user, ...rest] = Buffer.from(header.slice(6), 'base64').toString('utf8').split(':');
    if (user !== this.username) return wordpressError(401, 'invalid_username', 'Unknown username. Check again or try your email address.');
    if (rest.join(':').replace(/\s/g, '') !== this.applicationPassword.replace(/\s/g, '')) {
      return wordpressError(401, 'incorrect_password', 'The provided password is an invalid application password.');
    }
    return next();
  }

  private createPost(request: ReceivedRequest): FakeReply {
    const body = (request.json ?? {}) as Record<string, unknown>;
    if (body['status'] === 'publish' && !this.canPublish) {
      return wordpressError(403, 'rest_cannot_publish', 'Sorry, you are not allowed to publish posts in this post type.');
    }
    if (typeof body['status'] !== 'string' || !['publish', 'draft', 'pending', 'private', 'future'].includes(body['status'])) {
      return wordpressError(400, 'rest_invalid_param', 'Invalid parameter(s): status', {
        params: { status: 'status is not one of publish, future, draft, pending, private.' },
      });
    }
    const title = typeof body['title'] === 'string' ? body['title'] : '';
    const content = typeof body['content'] === 'string' ? body['content'] : '';
    if (title === '' && content === '') return wordpressError(400, 'empty_content', 'Content, title, and excerpt are empty.');
    let slug = typeof body['slug'] === 'string' && body['slug'] !== '' ? body['slug'] : `post-${this.nextId}`;
    for (let suffix = 2; this.posts.some((post) => post.slug === slug); suffix++) slug = `${String(body['slug'])}-${suffix}`;
    const featuredMedia = typeof body['featured_media'] === 'number' ? body['featured_media'] : 0;
    if (featuredMedia !== 0 && !this.media.some((medium) => medium.id === featuredMedia)) {
      return wordpressError(400, 'rest_invalid_featured_media', 'Invalid featured media ID.');
    }
    const post = { id: this.nextId++, slug, title, content, status: body['status'], featuredMedia };
    this.posts.push(post);
    return { status: 201, json: this.render(post) };
  }

  /**
   * The file as the raw body, its type in Content-Type and its name in Content-Disposition
   * (`attachment; filename=…`), as the REST API documents; 201 with the attachment.
   */
  private uploadMedia(request: ReceivedRequest): FakeReply {
    const disposition = String(request.headers['content-disposition'] ?? '');
    const fileName = /filename="?([^";]+)"?/.exec(disposition)?.[1];
    if (fileName === undefined) return wordpressError(400, 'rest_upload_no_content_disposition', 'No Content-Disposition supplied.');
    if (request.raw.length === 0) return wordpressError(400, 'rest_upload_no_data', 'No data supplied.');
    const medium: FakeWordPressMedia = {
      id: this.nextId++,
      mimeType: String(request.headers['content-type'] ?? ''),
      fileName,
      data: request.raw,
      altText: '',
    };
    this.media.push(medium);
    return { status: 201, json: this.renderMedia(medium) };
  }

  private updateMedia(id: number, request: ReceivedRequest): FakeReply {
    const medium = this.media.find((candidate) => candidate.id === id);
    if (!medium) return wordpressError(404, 'rest_post_invalid_id', 'Invalid post ID.');
    const altText = (request.json as { alt_text?: unknown } | undefined)?.alt_text;
    if (typeof altText === 'string') medium.altText = altText;
    return { status: 200, json: this.renderMedia(medium) };
  }

  private renderMedia(medium: FakeWordPressMedia) {
    return {
      id: medium.id,
      mime_type: medium.mimeType,
      alt_text: medium.altText,
      media_type: medium.mimeType.startsWith('image/') ? 'image' : 'file',
      source_url: `${this.server.baseUrl}/wp-content/uploads/${medium.fileName}`,
    };
  }

  /** A post already on the site with these comments (results tests). */
  addPost(title: string, comments: { approved: number; pending: number }, status = 'publish'): FakeWordPressPost {
    const post: FakeWordPressPost = {
      id: this.nextId++,
      slug: `post-${this.nextId}`,
      title,
      content: title,
      status,
      featuredMedia: 0,
      comments,
    };
    this.posts.push(post);
    return post;
  }

  private readPost(id: string): FakeReply {
    const post = this.posts.find((candidate) => String(candidate.id) === id);
    if (post === undefined) return wordpressError(404, 'rest_post_invalid_id', 'Invalid post ID.');
    return { status: 200, json: { ...this.render(post), comment_status: 'open' } };
  }

  /**
   * `GET /wp/v2/comments?post=&per_page=`: approved comments by default, the totals in `X-WP-Total`
   * and `X-WP-TotalPages` as WordPress sends them (an unknown post simply has none).
   */
  private listComments(request: ReceivedRequest): FakeReply {
    const post = this.posts.find((candidate) => String(candidate.id) === request.query.get('post'));
    const status = request.query.get('status') ?? 'approve';
    const total = status === 'approve' ? (post?.comments?.approved ?? 0) : status === 'hold' ? (post?.comments?.pending ?? 0) : 0;
    const perPage = Math.min(100, Math.max(1, Number(request.query.get('per_page') ?? '10') || 10));
    const shown = Math.min(total, perPage);
    return {
      status: 200,
      headers: { 'x-wp-total': String(total), 'x-wp-totalpages': String(Math.ceil(total / perPage)) },
      json: Array.from({ length: shown }, (_, index) => ({ id: 5000 + index, post: post?.id ?? 0, status: 'approved' })),
    };
  }

  private listPosts(request: ReceivedRequest): FakeReply {
    const slug = request.query.get('slug');
    const statuses = (request.query.get('status') ?? 'publish').split(',');
    const posts = this.posts.filter((post) => (slug === null || post.slug === slug) && statuses.includes(post.status));
    return { status: 200, json: posts.map((post) => this.render(post)) };
  }

  private render(post: FakeWordPressPost) {
    return {
      id: post.id,
      slug: post.slug,
      status: post.status,
      link: `${this.server.baseUrl}/${post.slug}/`,
      featured_media: post.featuredMedia,
      title: { raw: post.title, rendered: post.title },
      content: { raw: post.content, rendered: post.content },
    };
  }
}

export function wordpressError(status: number, code: string, message: string, data: Record<string, unknown> = {}): FakeReply {
  return { status, json: { code, message, data: { status, ...data } } };
}
