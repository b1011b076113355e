import { FakeHttpServer, type FakeReply, type ReceivedRequest } from './fake-http-server';

export interface FakeWordPressPost {
  id: number;
  slug: string;
  title: string;
  content: string;
  status: string;
}

/**
 * A WordPress site's core REST API, as documented: Application Passwords over HTTP Basic (spaces in
 * the password ignored, as WordPress does), `POST /wp-json/wp/v2/posts` → 201 with `id` and `link`,
 * `GET /wp-json/wp/v2/posts?slug=` → a list, slugs made unique with `-2`, errors as
 * `{code, message, data: {status}}` (`incorrect_password`, `rest_cannot_create`, …).
 */
export class FakeWordPress {
  readonly server = new FakeHttpServer();
  readonly username = 'kadens';
  readonly displayName = 'Kadens publisering';
  applicationPassword = 'abcd EFGH ijkl MNOP qrst UVWX';
  /** A contributor may write but not publish. */
  canPublish = true;
  readonly posts: FakeWordPressPost[] = [];
  private nextId = 101;

  constructor() {
    this.server.route('POST', '/wp-json/wp/v2/posts', (request) => this.authenticated(request, () => this.createPost(request)));
    this.server.route('GET', '/wp-json/wp/v2/posts', (request) => this.authenticated(request, () => this.listPosts(request)));
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
    const post = { id: this.nextId++, slug, title, content, status: body['status'] };
    this.posts.push(post);
    return { status: 201, json: this.render(post) };
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
      title: { raw: post.title, rendered: post.title },
      content: { raw: post.content, rendered: post.content },
    };
  }
}

export function wordpressError(status: number, code: string, message: string, data: Record<string, unknown> = {}): FakeReply {
  return { status, json: { code, message, data: { status, ...data } } };
}
