import { platformRules } from '@kadens/shared/platform-rules';

import { requireCredential, requireSetting } from '../connection-fields';
import { requiredId, stringField } from '../http/http-failure';
import { graphCall } from '../meta-graph/graph-client';
import type { GraphErrorOptions } from '../meta-graph/graph-errors';
import { RefusedMetrics } from '../meta-graph/graph-insights';
import {
  type AccountIdentity,
  type AdapterOptions,
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
import { PlatformAmbiguousError, PlatformTransientError } from '../platform-errors';
import { containerMediumOfUrl, type ContainerPolling, prepareContainer } from './instagram-container';
import { readInstagramMetrics } from './instagram-metrics';

export interface InstagramAdapterOptions extends AdapterOptions {
  /** How often to ask whether Instagram has processed the media, and for how long. */
  polling?: Partial<ContainerPolling>;
}

/** Images are usually ready at once, videos take minutes; Meta asks for no more than about 5 minutes of asking. */
export const INSTAGRAM_DEFAULT_POLLING: ContainerPolling = { intervalMs: 5_000, timeoutMs: 5 * 60_000 };

// Code 9 is the content-publishing limit (50 posts per rolling 24 h); its reset is not given.
const ERRORS: GraphErrorOptions = { extraRateLimitCodes: [9], defaultRetryAfterMs: 60 * 60_000 };

/**
 * An Instagram professional account through the Graph API. Connection: credential `accessToken`,
 * setting `igUserId`, optional `graphVersion`.
 *
 * Two phases: containers (which Instagram fetches from the media's public or signed URLs — one image
 * with its `alt_text`, a carousel of child containers, or a reel for one video — and processes, polled
 * until `FINISHED`), then `media_publish`. Only the second is visible, and it has no idempotency: once
 * it has been sent, anything but a clear refusal is ambiguous, a 5xx included.
 */
export class InstagramAdapter extends PlatformAdapterBase {
  readonly platform = 'instagram' as const;
  readonly capabilities: PlatformCapabilities = {
    idempotentPublish: false,
    idempotencyWindowMs: null,
    requiresMedia: true,
    media: 'url',
    metrics: true,
  };
  private readonly refusedMetrics = new RefusedMetrics(this.now);
  private readonly polling: ContainerPolling;

  constructor(options: InstagramAdapterOptions) {
    super(options);
    this.polling = { ...INSTAGRAM_DEFAULT_POLLING, ...options.polling };
  }

  async publish({ content, connection, timeoutMs, media = [] }: PublishRequest): Promise<PublishResult> {
    this.assertPublishable(content, connection, media);
    const igUserId = requireSetting(this.platform, connection, 'igUserId');
    const accessToken = requireCredential(this.platform, connection, 'accessToken');
    const context = { client: this.outbound, connection, igUserId, accessToken, timeoutMs, errors: ERRORS };
    const caption = platformRules(this.platform).composeText(content);

    // Instagram fetches each medium itself: bare URLs of older posts, library media from a signed URL.
    const items = [
      ...content.mediaUrls.map(containerMediumOfUrl),
      ...(await Promise.all(
        media.map(async (medium) => ({ url: await medium.signedUrl(), video: medium.kind === 'video', altText: medium.altText })),
      )),
    ];
    const containerId = await prepareContainer(context, caption, items, this.polling);
    const published = await this.publishContainer(connection, igUserId, accessToken, containerId, timeoutMs);
    const mediaId = requiredId(this.platform, published, 'id', 'publishes');
    return {
      externalId: mediaId,
      url: await this.permalink(connection, accessToken, mediaId, timeoutMs),
      raw: published,
    };
  }

  /** The media's insights; see instagram-metrics.ts. */
  fetchMetrics(request: MetricsRequest): Promise<MetricsReading> {
    return readInstagramMetrics(this.outbound, request, this.refusedMetrics, ERRORS);
  }

  async verifyCredentials(connection: ChannelConnection, options: VerifyOptions = {}): Promise<AccountIdentity> {
    const igUserId = requireSetting(this.platform, connection, 'igUserId');
    const body = await graphCall(
      this.outbound,
      this.platform,
      connection,
      {
        method: 'GET',
        path: `/${encodeURIComponent(igUserId)}`,
        params: { fields: 'username' },
        accessToken: requireCredential(this.platform, connection, 'accessToken'),
        timeoutMs: options.timeoutMs ?? DEFAULT_VERIFY_TIMEOUT_MS,
        effect: 'none',
      },
      ERRORS,
    );
    return { accountName: stringField(body, 'username') ?? igUserId };
  }

  private async publishContainer(
    connection: ChannelConnection,
    igUserId: string,
    accessToken: string,
    containerId: string,
    timeoutMs: number,
  ): Promise<Record<string, unknown>> {
    const call = {
      method: 'POST' as const,
      path: `/${encodeURIComponent(igUserId)}/media_publish`,
      params: { creation_id: containerId },
      accessToken,
      timeoutMs,
      effect: 'publishes' as const,
    };
    try {
      return await graphCall(this.outbound, this.platform, connection, call, ERRORS);
    } catch (error) {
      // A 5xx answer came from a request Instagram received: it may have published before failing.
      // A transient without a status never left (connection refused), so it stays transient.
      if (error instanceof PlatformTransientError && error.status !== null) {
        throw new PlatformAmbiguousError(this.platform, `media_publish answered ${error.message}`, {
          status: error.status,
          code: error.code,
          cause: error,
        });
      }
      throw error;
    }
  }

  /** Best effort: the post exists whatever happens here, so a failure only costs the link. */
  private async permalink(connection: ChannelConnection, accessToken: string, mediaId: string, timeoutMs: number) {
    try {
      const body = await graphCall(this.outbound, this.platform, connection, {
        method: 'GET',
        path: `/${encodeURIComponent(mediaId)}`,
        params: { fields: 'permalink' },
        accessToken,
        timeoutMs,
        effect: 'none',
      });
      return stringField(body, 'permalink');
    } catch {
      return null;
    }
  }
}
