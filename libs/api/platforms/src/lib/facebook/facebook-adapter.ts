import { platformRules } from '@kadens/shared/platform-rules';

import { requireCredential, requireSetting } from '../connection-fields';
import type { CallEffect } from '../http/http-call';
import { requiredId, stringField } from '../http/http-failure';
import { graphCall } from '../meta-graph/graph-client';
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

/**
 * A Facebook Page. Connection: credential `accessToken` (a Page access token with
 * `pages_manage_posts`), setting `pageId`, optional `graphVersion`.
 *
 * Text and link go to `/{page-id}/feed`, where the link becomes a preview card. One image goes to
 * `/{page-id}/photos`, which publishes it with its caption; several are uploaded unpublished and
 * attached to one feed post. Graph has no idempotency key, so a repeat after an ambiguous answer can
 * duplicate (it answers error 506 only for identical text posted shortly before).
 */
export class FacebookAdapter extends PlatformAdapterBase {
  readonly platform = 'facebook' as const;
  readonly capabilities: PlatformCapabilities = {
    idempotentPublish: false,
    idempotencyWindowMs: null,
    requiresMedia: false,
    media: 'url',
    metrics: false,
  };

  async publish({ content, connection, timeoutMs }: PublishRequest): Promise<PublishResult> {
    this.assertPublishable(content, connection);
    const pageId = requireSetting(this.platform, connection, 'pageId');
    const accessToken = requireCredential(this.platform, connection, 'accessToken');
    const page = `/${encodeURIComponent(pageId)}`;
    const post = (edge: string, params: Record<string, string>, effect: CallEffect) =>
      graphCall(this.outbound, this.platform, connection, {
        method: 'POST',
        path: page + edge,
        params,
        accessToken,
        timeoutMs,
        effect,
      });

    const message = platformRules(this.platform).composeText(content);
    const link = content.link?.trim() || null;
    const [firstMedia, ...moreMedia] = content.mediaUrls;
    let body: Record<string, unknown>;
    if (firstMedia === undefined) {
      body = await post('/feed', { message, ...(link ? { link } : {}) }, 'publishes');
    } else if (moreMedia.length === 0) {
      body = await post('/photos', { url: firstMedia, caption: withLink(message, link) }, 'publishes');
    } else {
      const params: Record<string, string> = { message: withLink(message, link) };
      for (const [index, url] of content.mediaUrls.entries()) {
        // Unpublished photos are invisible until attached, so uploading one again is harmless.
        const photo = await post('/photos', { url, published: 'false' }, 'none');
        params[`attached_media[${index}]`] = JSON.stringify({
          media_fbid: requiredId(this.platform, photo, 'id', 'none'),
        });
      }
      body = await post('/feed', params, 'publishes');
    }
    // `/photos` answers with the photo's `id` and the feed story's `post_id`; the story is the post.
    const postId = stringField(body, 'post_id') ?? requiredId(this.platform, body, 'id', 'publishes');
    return { externalId: postId, url: `https://www.facebook.com/${postId}`, raw: body };
  }

  async verifyCredentials(connection: ChannelConnection, options: VerifyOptions = {}): Promise<AccountIdentity> {
    const pageId = requireSetting(this.platform, connection, 'pageId');
    const body = await graphCall(this.outbound, this.platform, connection, {
      method: 'GET',
      path: `/${encodeURIComponent(pageId)}`,
      params: { fields: 'name' },
      accessToken: requireCredential(this.platform, connection, 'accessToken'),
      timeoutMs: options.timeoutMs ?? DEFAULT_VERIFY_TIMEOUT_MS,
      effect: 'none',
    });
    return { accountName: stringField(body, 'name') ?? pageId };
  }
}

/**
 * Photo posts have no link field, so the link joins the caption on its own paragraph, unless the
 * author already wrote it there.
 */
function withLink(message: string, link: string | null): string {
  if (link === null || message.includes(link)) return message;
  const body = message.trimEnd();
  return body === '' ? link : `${body}\n\n${link}`;
}
