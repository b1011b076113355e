import { platformRules } from '@kadens/shared/platform-rules';

import { requireCredential, requireSetting } from '../connection-fields';
import type { CallEffect } from '../http/http-call';
import { requiredId, stringField } from '../http/http-failure';
import { uploadOnce } from '../http/media-upload';
import { graphCall } from '../meta-graph/graph-client';
import { RefusedMetrics } from '../meta-graph/graph-insights';
import {
  type AccountIdentity,
  type ChannelConnection,
  DEFAULT_VERIFY_TIMEOUT_MS,
  type MetricsReading,
  type MetricsRequest,
  type PlatformCapabilities,
  type PublishRequest,
  type PublishResult,
  type VerifyOptions,
} from '../platform-adapter';
import { PlatformAdapterBase } from '../platform-adapter-base';
import { PlatformInvalidContentError } from '../platform-errors';
import { readFacebookMetrics } from './facebook-metrics';

/**
 * A Facebook Page. Connection: credential `accessToken` (a Page access token with
 * `pages_manage_posts`), setting `pageId`, optional `graphVersion`.
 *
 * Text and link go to `/{page-id}/feed`, where the link becomes a preview card. One image goes to
 * `/{page-id}/photos`, which publishes it with its caption; several are uploaded unpublished and
 * attached to one feed post. Media from the library go the same way, fetched by Facebook from a
 * signed URL with their alt text (`alt_text_custom`); a video is a post of its own
 * (`/{page-id}/videos` with `file_url`). Graph has no idempotency key, so a repeat after an ambiguous answer can
 * duplicate (it answers error 506 only for identical text posted shortly before).
 */
export class FacebookAdapter extends PlatformAdapterBase {
  readonly platform = 'facebook' as const;
  readonly capabilities: PlatformCapabilities = {
    idempotentPublish: false,
    idempotencyWindowMs: null,
    requiresMedia: false,
    media: 'url',
    metrics: true,
  };
  private readonly refusedMetrics = new RefusedMetrics(this.now);

  async publish({ content, connection, timeoutMs, media = [], uploads }: PublishRequest): Promise<PublishResult> {
    this.assertPublishable(content, connection, media);
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
    const video = media.find((medium) => medium.kind === 'video');
    let body: Record<string, unknown>;
    if (video !== undefined && (media.length > 1 || content.mediaUrls.length > 0)) {
      throw new PlatformInvalidContentError(this.platform, 'A Facebook post carries photos or one video, not both', {
        code: 'media.mixed',
      });
    }
    if (video !== undefined) {
      // A video is a post of its own: Facebook fetches it from the signed URL (`file_url`).
      body = await post('/videos', { file_url: await video.signedUrl(), description: withLink(message, link) }, 'publishes');
      const videoId = requiredId(this.platform, body, 'id', 'publishes');
      return { externalId: videoId, url: `https://www.facebook.com/${encodeURIComponent(pageId)}/videos/${videoId}`, raw: body };
    } else if (media.length > 0) {
      const params: Record<string, string> = { message: withLink(message, link) };
      const photoIds: string[] = [];
      for (const url of content.mediaUrls)
        photoIds.push(requiredId(this.platform, await post('/photos', { url, published: 'false' }, 'none'), 'id', 'none'));
      for (const medium of media) {
        // Fetched by Facebook from the signed URL, unpublished (invisible until attached), with its alt text.
        const photoId = await uploadOnce(uploads, medium, async () => {
          const fields = {
            url: await medium.signedUrl(),
            published: 'false',
            ...(medium.altText === '' ? {} : { alt_text_custom: medium.altText }),
          };
          return requiredId(this.platform, await post('/photos', fields, 'none'), 'id', 'none');
        });
        photoIds.push(photoId);
      }
      for (const [index, id] of photoIds.entries()) params[`attached_media[${index}]`] = JSON.stringify({ media_fbid: id });
      body = await post('/feed', params, 'publishes');
    } else if (firstMedia === undefined) {
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

  /** The post's insights, comments and shares; see facebook-metrics.ts. */
  fetchMetrics(request: MetricsRequest): Promise<MetricsReading> {
    return readFacebookMetrics(this.outbound, request, this.refusedMetrics);
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
