import type { HttpResponse } from '../http/http-call';
import { isRecord, stringField, unreadableSuccess } from '../http/http-failure';
import { countOf } from '../metrics-numbers';
import type { MetricsReading } from '../platform-adapter';
import { PlatformInvalidContentError } from '../platform-errors';

/** One authenticated GET on the site's REST API, through the adapter's guarded client and error mapping. */
export type WordPressGet = (path: string, query: Record<string, string>) => Promise<HttpResponse>;

/**
 * A post's approved comments (issue 13), the only number WordPress core keeps: first the post itself
 * (`GET /wp/v2/posts/{id}`; a deleted one answers 404 `rest_post_invalid_id`, a trashed one has status
 * `trash`), then `GET /wp/v2/comments?post={id}&per_page=1`, whose `X-WP-Total` header counts the
 * approved comments without fetching them
 * (https://developer.wordpress.org/rest-api/reference/comments/#list-comments,
 * https://developer.wordpress.org/rest-api/using-the-rest-api/pagination/).
 * Views and the rest come from analytics plugins, not core: absent.
 */
export async function readWordPressMetrics(postId: string, get: WordPressGet): Promise<MetricsReading> {
  const path = `/wp-json/wp/v2/posts/${encodeURIComponent(postId)}`;
  const post = await get(path, { context: 'edit', _fields: 'id,status,link,comment_status' });
  if (!isRecord(post.json)) throw unreadableSuccess('wordpress', post, 'none', 'a post');
  if (stringField(post.json, 'status') === 'trash') {
    throw new PlatformInvalidContentError('wordpress', `Post ${postId} is in the trash`, { status: post.status, code: 'trash' });
  }
  const comments = await get('/wp-json/wp/v2/comments', { post: postId, per_page: '1', _fields: 'id' });
  const total = countOf(comments.headers.get('x-wp-total')?.trim());
  return {
    numbers: total === undefined ? {} : { comments: total },
    raw: { post: post.json, commentsTotal: comments.headers.get('x-wp-total') },
    ...(total === undefined ? { missing: [{ metric: 'comments', reason: 'The site sent no X-WP-Total header' }] } : {}),
  };
}
