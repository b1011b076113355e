import { createHash } from 'node:crypto';

import { platformRules } from '@kadens/shared/platform-rules';

import { baseUrlOf, endpoint, optionalSetting, requireCredential } from '../connection-fields';
import { type CallEffect, httpCall } from '../http/http-call';
import { failureFromStatus, isRecord, isSuccess, requiredId, stringField, successBody, unreadableSuccess } from '../http/http-failure';
import { fileBody, uploadFileName, uploadOnce } from '../http/media-upload';
import { retryAfterHeaderMs } from '../http/retry-after';
import {
  type AccountIdentity,
  type ChannelConnection,
  DEFAULT_VERIFY_TIMEOUT_MS,
  type MetricsReading,
  type MetricsRequest,
  type PlatformCapabilities,
  type PublishMedium,
  type PublishRequest,
  type PublishResult,
  type VerifyOptions,
} from '../platform-adapter';
import { PlatformAdapterBase } from '../platform-adapter-base';
import { PlatformAuthError } from '../platform-errors';
import { escapeHtml, wordpressPostFields } from './wordpress-content';
import { readWordPressMetrics } from './wordpress-metrics';

/** WordPress core sends no rate-limit signal; a 429 comes from a plugin or proxy, usually with Retry-After. */
export const WORDPRESS_DEFAULT_RETRY_AFTER_MS = 60_000;
// Every status a post the adapter made could have now, so the lookup also finds one an editor unpublished.
const ANY_STATUS = 'publish,future,draft,pending,private';

/**
 * A WordPress site through the core REST API. Connection: credentials `username` and
 * `applicationPassword` (Application Passwords over HTTP Basic), setting `siteUrl` (with its path,
 * if WordPress lives in one); the site needs pretty permalinks for `/wp-json/`.
 *
 * WordPress has no idempotency key, so the post's slug is derived from the idempotency key and
 * every publish first looks it up: a repeat after an ambiguous attempt that did create the post
 * returns it instead of making another. Media are uploaded to the media library with their alt
 * text (uploads of an earlier attempt for the same revision are reused); the first image becomes the
 * featured image, the others follow the text as image or video blocks. The lookup cannot see a post still being created by a
 * request that has not finished, so `idempotentPublish` stays false.
 */
export class WordPressAdapter extends PlatformAdapterBase {
  readonly platform = 'wordpress' as const;
  readonly capabilities: PlatformCapabilities = {
    idempotentPublish: false,
    idempotencyWindowMs: null,
    requiresMedia: false,
    media: 'upload',
    metrics: true,
  };
  async publish({ idempotencyKey, content, connection, timeoutMs, media = [], uploads }: PublishRequest): Promise<PublishResult> {
    this.assertPublishable(content, connection, media);
    const slug = wordpressSlug(idempotencyKey);
    const found = await this.call(connection, 'GET', '/wp-json/wp/v2/posts', timeoutMs, 'none', {
      query: { slug, status: ANY_STATUS, context: 'edit', _fields: 'id,link,slug,status' },
    });
    if (!Array.isArray(found.json)) throw unreadableSuccess(this.platform, found, 'none', 'a list of posts');
    const earlier: unknown = found.json.find((post) => stringField(post, 'slug') === slug);
    if (isRecord(earlier)) return this.result(earlier);

    const attachments: WordPressAttachment[] = [];
    for (const medium of media) {
      const stored = await uploadOnce(uploads, medium, async () => JSON.stringify(await this.upload(connection, medium, timeoutMs)));
      attachments.push({ ...(JSON.parse(stored) as { id: number; url: string }), medium });
    }
    const fields = wordpressPostFields(platformRules(this.platform).composeText(content));
    const featured = attachments.find((attachment) => attachment.medium.kind === 'image');
    const inline = attachments.filter((attachment) => attachment !== featured).map(mediaBlock);
    const created = await this.call(connection, 'POST', '/wp-json/wp/v2/posts', timeoutMs, 'publishes', {
      body: JSON.stringify({
        ...fields,
        content: [fields.content, ...inline].join('\n\n'),
        status: 'publish',
        slug,
        ...(featured === undefined ? {} : { featured_media: featured.id }),
      }),
    });
    return this.result(successBody(this.platform, created, 'publishes'));
  }

  async verifyCredentials(connection: ChannelConnection, options: VerifyOptions = {}): Promise<AccountIdentity> {
    const timeoutMs = options.timeoutMs ?? DEFAULT_VERIFY_TIMEOUT_MS;
    const response = await this.call(connection, 'GET', '/wp-json/wp/v2/users/me', timeoutMs, 'none', {
      query: { context: 'edit' },
    });
    const user = successBody(this.platform, response, 'none');
    const capabilities = user['capabilities'];
    if (isRecord(capabilities) && capabilities['publish_posts'] !== true) {
      throw new PlatformAuthError(this.platform, 'This WordPress user may not publish posts', {
        code: 'rest_cannot_publish',
      });
    }
    return { accountName: stringField(user, 'name') ?? requireCredential(this.platform, connection, 'username') };
  }

  /**
   * `POST /wp/v2/media` with the file as the body (its type, `Content-Disposition: attachment;
   * filename=…`), then `POST /wp/v2/media/{id}` `{alt_text}`. An attachment shows nowhere until a post uses it.
   */
  private async upload(connection: ChannelConnection, medium: PublishMedium, timeoutMs: number): Promise<{ id: number; url: string }> {
    const uploaded = await this.call(connection, 'POST', '/wp-json/wp/v2/media', timeoutMs, 'none', {
      body: await fileBody(medium),
      headers: {
        'content-type': medium.mimeType,
        'content-length': String(medium.bytes),
        'content-disposition': `attachment; filename="${uploadFileName(medium)}"`,
      },
    });
    const attachment = successBody(this.platform, uploaded, 'none');
    const id = Number(requiredId(this.platform, attachment, 'id', 'none'));
    if (medium.altText !== '') {
      await this.call(connection, 'POST', `/wp-json/wp/v2/media/${id}`, timeoutMs, 'none', {
        body: JSON.stringify({ alt_text: medium.altText }),
      });
    }
    return { id, url: stringField(attachment, 'source_url') ?? '' };
  }

  /** The post's approved comments; see wordpress-metrics.ts. */
  fetchMetrics({ externalId, connection, timeoutMs }: MetricsRequest): Promise<MetricsReading> {
    return readWordPressMetrics(externalId, (path, query) => this.call(connection, 'GET', path, timeoutMs, 'none', { query }));
  }

  private result(post: Record<string, unknown>): PublishResult {
    return {
      externalId: requiredId(this.platform, post, 'id', 'publishes'),
      url: stringField(post, 'link'),
      raw: { id: post['id'], link: post['link'], status: post['status'] },
    };
  }

  private async call(
    connection: ChannelConnection,
    method: 'GET' | 'POST',
    path: string,
    timeoutMs: number,
    effect: CallEffect,
    send: { query?: Record<string, string>; body?: string | ReadableStream<Uint8Array>; headers?: Record<string, string> } = {},
  ) {
    const site = baseUrlOf(this.platform, connection, optionalSetting(connection, 'siteUrl'));
    const username = requireCredential(this.platform, connection, 'username');
    const password = requireCredential(this.platform, connection, 'applicationPassword');
    const response = await httpCall(this.outbound, this.platform, {
      method,
      url: endpoint(this.platform, site, path, send.query),
      headers: {
        authorization: `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`,
        ...(typeof send.body === 'string' ? { 'content-type': 'application/json' } : {}),
        ...send.headers,
      },
      body: send.body,
      timeoutMs,
      effect,
    });
    if (isSuccess(response)) return response;
    const now = this.now();
    // WP_Error as JSON: `{code, message, data: {status}}`; `rest_cannot_create` (403) is an auth problem.
    throw failureFromStatus({
      platform: this.platform,
      response,
      reading: { message: stringField(response.json, 'message'), code: stringField(response.json, 'code') },
      retryAfterMs: () => retryAfterHeaderMs(response.headers, now) ?? WORDPRESS_DEFAULT_RETRY_AFTER_MS,
    });
  }
}

/** Deterministic per target revision, and recognisably ours in the WordPress admin. */
export function wordpressSlug(idempotencyKey: string): string {
  return `kadens-${createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 20)}`;
}

interface WordPressAttachment {
  id: number;
  url: string;
  medium: PublishMedium;
}

/** A block-editor figure for an attachment shown in the post's body (its alt text on the image). */
function mediaBlock({ id, url, medium }: WordPressAttachment): string {
  if (medium.kind === 'video') {
    return `<!-- wp:video {"id":${id}} -->\n<figure class="wp-block-video"><video controls src="${escapeHtml(url)}"></video></figure>\n<!-- /wp:video -->`;
  }
  return `<!-- wp:image {"id":${id}} -->\n<figure class="wp-block-image"><img src="${escapeHtml(url)}" alt="${escapeHtml(medium.altText)}" class="wp-image-${id}"/></figure>\n<!-- /wp:image -->`;
}
