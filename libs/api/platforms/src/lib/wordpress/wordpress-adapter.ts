import { createHash } from 'node:crypto';

import { platformRules } from '@kadens/shared/platform-rules';

import { baseUrlOf, endpoint, optionalSetting, requireCredential } from '../connection-fields';
import { type CallEffect, httpCall } from '../http/http-call';
import { failureFromStatus, isRecord, isSuccess, requiredId, stringField, successBody, unreadableSuccess } from '../http/http-failure';
import { retryAfterHeaderMs } from '../http/retry-after';
import {
  type AccountIdentity,
  type ChannelConnection,
  DEFAULT_VERIFY_TIMEOUT_MS,
  type PlatformCapabilities,
  type PublishRequest,
  type PublishResult,
  type VerifyOptions,
} from '../platform-adapter';
import { PlatformAdapterBase } from '../platform-adapter-base';
import { PlatformAuthError } from '../platform-errors';
import { wordpressPostFields } from './wordpress-content';

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
 * returns it instead of making another. The lookup cannot see a post still being created by a
 * request that has not finished, so `idempotentPublish` stays false.
 */
export class WordPressAdapter extends PlatformAdapterBase {
  readonly platform = 'wordpress' as const;
  readonly capabilities: PlatformCapabilities = {
    idempotentPublish: false,
    idempotencyWindowMs: null,
    requiresMedia: false,
    media: 'none',
    metrics: false,
  };
  async publish({ idempotencyKey, content, connection, timeoutMs }: PublishRequest): Promise<PublishResult> {
    this.assertPublishable(content, connection);
    const slug = wordpressSlug(idempotencyKey);
    const found = await this.call(connection, 'GET', '/wp-json/wp/v2/posts', timeoutMs, 'none', {
      query: { slug, status: ANY_STATUS, context: 'edit', _fields: 'id,link,slug,status' },
    });
    if (!Array.isArray(found.json)) throw unreadableSuccess(this.platform, found, 'none', 'a list of posts');
    const earlier: unknown = found.json.find((post) => stringField(post, 'slug') === slug);
    if (isRecord(earlier)) return this.result(earlier);

    const fields = wordpressPostFields(platformRules(this.platform).composeText(content));
    const created = await this.call(connection, 'POST', '/wp-json/wp/v2/posts', timeoutMs, 'publishes', {
      body: JSON.stringify({ ...fields, status: 'publish', slug }),
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
    send: { query?: Record<string, string>; body?: string } = {},
  ) {
    const site = baseUrlOf(this.platform, connection, optionalSetting(connection, 'siteUrl'));
    const username = requireCredential(this.platform, connection, 'username');
    const password = requireCredential(this.platform, connection, 'applicationPassword');
    const response = await httpCall(this.outbound, this.platform, {
      method,
      url: endpoint(this.platform, site, path, send.query),
      headers: {
        authorization: `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`,
        ...(send.body === undefined ? {} : { 'content-type': 'application/json' }),
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
