import { escapeLinkedInCommentary, platformRules } from '@kadens/shared/platform-rules';

import { baseUrlOf, endpoint, optionalSetting, requireCredential, requireSetting } from '../connection-fields';
import { type CallEffect, httpCall } from '../http/http-call';
import { isSuccess, stringField, successBody } from '../http/http-failure';
import { fileBody, uploadOnce } from '../http/media-upload';
import { refreshTokenGrant } from '../oauth/token-refresh';
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
  type RefreshedCredentials,
  type RefreshRequest,
  type VerifyOptions,
} from '../platform-adapter';
import { PlatformAdapterBase } from '../platform-adapter-base';
import { PlatformAmbiguousError, PlatformAuthError, PlatformTransientError } from '../platform-errors';
import { linkedinFailure } from './linkedin-errors';
import { readLinkedInMetrics } from './linkedin-metrics';
import { type LinkedInVideoApi, uploadLinkedInVideo, waitForLinkedInVideo } from './linkedin-video';

export const LINKEDIN_DEFAULT_BASE_URL = 'https://api.linkedin.com';
/** Versions (YYYYMM) are retired about a year after release; a connection may pin another with `linkedinVersion`. */
export const LINKEDIN_DEFAULT_VERSION = '202610';
export const LINKEDIN_DEFAULT_TOKEN_URL = 'https://www.linkedin.com/oauth/v2/accessToken';

/**
 * A LinkedIn member or organisation page through the Posts API. Connection: credential `accessToken`
 * (`w_member_social` or `w_organization_social`), setting `authorUrn` (`urn:li:person:…` or
 * `urn:li:organization:…`), optional `linkedinVersion`.
 *
 * The commentary is escaped exactly once, here, on the way out: the stored and counted text is the
 * unescaped original (see `escapeLinkedInCommentary`). The new post's URN comes in `x-restli-id`.
 * Images go through the Images API first and into `content.media` (one) or `content.multiImage`
 * (several), each with its `altText`; one video goes through the Videos API (in parts, then processed
 * by LinkedIn until AVAILABLE; see linkedin-video.ts) and into `content.media`.
 */
export class LinkedInAdapter extends PlatformAdapterBase {
  readonly platform = 'linkedin' as const;
  readonly capabilities: PlatformCapabilities = {
    idempotentPublish: false,
    idempotencyWindowMs: null,
    requiresMedia: false,
    media: 'upload',
    metrics: true,
  };
  async publish({ content, connection, timeoutMs, media = [], uploads }: PublishRequest): Promise<PublishResult> {
    this.assertPublishable(content, connection, media);
    const author = requireSetting(this.platform, connection, 'authorUrn');
    const images: Array<{ id: string; altText: string }> = [];
    let video: string | null = null;
    for (const medium of media) {
      if (medium.kind === 'video') {
        const api = this.videoApi(connection, timeoutMs);
        video = await uploadOnce(uploads, medium, () => uploadLinkedInVideo(api, author, medium));
        await waitForLinkedInVideo(api, video, medium);
        continue;
      }
      images.push({
        id: await uploadOnce(uploads, medium, () => this.uploadImage(connection, author, medium, timeoutMs)),
        altText: medium.altText,
      });
    }
    const [onlyImage] = images;
    const body = {
      author,
      commentary: escapeLinkedInCommentary(platformRules(this.platform).composeText(content)),
      visibility: 'PUBLIC',
      distribution: { feedDistribution: 'MAIN_FEED', targetEntities: [], thirdPartyDistributionChannels: [] },
      lifecycleState: 'PUBLISHED',
      isReshareDisabledByAuthor: false,
      ...(video !== null ? { content: { media: { id: video } } } : {}),
      ...(onlyImage === undefined ? {} : { content: images.length === 1 ? { media: onlyImage } : { multiImage: { images } } }),
    };
    const response = await this.call(connection, 'POST', '/rest/posts', timeoutMs, 'publishes', JSON.stringify(body));
    // 201 Created with an empty body; the id is only in the header.
    const urn = response.headers.get('x-restli-id');
    if (urn === null || urn === '') {
      throw new PlatformAmbiguousError(this.platform, `HTTP ${response.status} without an x-restli-id header`, {
        status: response.status,
        code: 'unreadable_response',
      });
    }
    return {
      externalId: urn,
      url: `https://www.linkedin.com/feed/update/${urn}/`,
      raw: { status: response.status, urn },
    };
  }

  /** An organisation post's share statistics; see linkedin-metrics.ts. */
  fetchMetrics(request: MetricsRequest): Promise<MetricsReading> {
    const api = { client: this.outbound, baseUrl: LINKEDIN_DEFAULT_BASE_URL, version: LINKEDIN_DEFAULT_VERSION, now: this.now() };
    return readLinkedInMetrics(api, request);
  }

  async verifyCredentials(connection: ChannelConnection, options: VerifyOptions = {}): Promise<AccountIdentity> {
    const author = requireSetting(this.platform, connection, 'authorUrn');
    const timeoutMs = options.timeoutMs ?? DEFAULT_VERIFY_TIMEOUT_MS;
    const organization = /^urn:li:organization:(\d+)$/.exec(author);
    if (organization) {
      const response = await this.call(connection, 'GET', `/rest/organizations/${organization[1]}`, timeoutMs, 'none');
      const body = successBody(this.platform, response, 'none');
      return { accountName: stringField(body, 'localizedName') ?? author };
    }
    // OpenID Connect's userinfo names the member whose token this is.
    const response = await this.call(connection, 'GET', '/v2/userinfo', timeoutMs, 'none');
    const body = successBody(this.platform, response, 'none');
    const subject = stringField(body, 'sub');
    if (subject !== null && author !== `urn:li:person:${subject}`) {
      throw new PlatformAuthError(this.platform, `The token belongs to urn:li:person:${subject}, not ${author}`, {
        code: 'connection.wrong_account',
      });
    }
    return { accountName: stringField(body, 'name') ?? author };
  }

  /**
   * Only connections signed in with a refresh token (LinkedIn grants them to some apps): `POST
   * /oauth/v2/accessToken` with `grant_type=refresh_token` and the client's secret in the form. The
   * refresh token keeps its own expiry (about a year); an expired or revoked one is `PlatformAuthError`.
   */
  async refreshCredentials({ connection, client, timeoutMs }: RefreshRequest): Promise<RefreshedCredentials> {
    return refreshTokenGrant({
      outbound: this.outbound,
      platform: this.platform,
      tokenUrl: endpoint(this.platform, client?.tokenUrl ?? LINKEDIN_DEFAULT_TOKEN_URL, ''),
      client,
      refreshToken: requireCredential(this.platform, connection, 'refreshToken'),
      timeoutMs,
      now: this.now(),
      secretIn: 'form',
    });
  }

  /**
   * Images API: `POST /rest/images?action=initializeUpload` for the author, then the bytes PUT to the
   * upload URL it answers; the image URN goes in the post. Invisible until a post uses it.
   */
  private async uploadImage(connection: ChannelConnection, owner: string, medium: PublishMedium, timeoutMs: number): Promise<string> {
    const initialized = await this.call(
      connection,
      'POST',
      '/rest/images?action=initializeUpload',
      timeoutMs,
      'none',
      JSON.stringify({ initializeUploadRequest: { owner } }),
    );
    const value = successBody(this.platform, initialized, 'none')['value'];
    const uploadUrl = stringField(value, 'uploadUrl');
    const image = stringField(value, 'image');
    if (uploadUrl === null || image === null) {
      throw new PlatformTransientError(this.platform, 'initializeUpload answered without uploadUrl and image', {
        code: 'unreadable_response',
      });
    }
    let url: URL;
    try {
      url = new URL(uploadUrl);
    } catch {
      throw new PlatformTransientError(this.platform, 'initializeUpload answered an upload URL that is not a URL', {
        code: 'unreadable_response',
      });
    }
    const response = await httpCall(this.outbound, this.platform, {
      method: 'PUT',
      url,
      headers: {
        authorization: `Bearer ${requireCredential(this.platform, connection, 'accessToken')}`,
        'content-type': medium.mimeType,
        'content-length': String(medium.bytes),
      },
      body: await fileBody(medium),
      timeoutMs,
      effect: 'none',
    });
    if (!isSuccess(response)) throw linkedinFailure(response, this.now());
    return image;
  }

  /** The Videos API's view of this connection: its REST calls, and PUTs of parts with the same token. */
  private videoApi(connection: ChannelConnection, timeoutMs: number): LinkedInVideoApi {
    const authorization = `Bearer ${requireCredential(this.platform, connection, 'accessToken')}`;
    return {
      call: (method, path, effect, body) => this.call(connection, method, path, timeoutMs, effect, body),
      put: async (url, part) => {
        const response = await httpCall(this.outbound, this.platform, {
          method: 'PUT',
          url,
          headers: { authorization, 'content-type': 'application/octet-stream', 'content-length': String(part.length) },
          body: part,
          timeoutMs,
          effect: 'none',
        });
        if (!isSuccess(response)) throw linkedinFailure(response, this.now());
        return response;
      },
      now: () => this.now(),
    };
  }

  private async call(
    connection: ChannelConnection,
    method: 'GET' | 'POST',
    path: string,
    timeoutMs: number,
    effect: CallEffect,
    body?: string,
  ) {
    const base = baseUrlOf(this.platform, connection, LINKEDIN_DEFAULT_BASE_URL);
    const [pathOnly, query] = path.split('?');
    const response = await httpCall(this.outbound, this.platform, {
      method,
      url: endpoint(
        this.platform,
        base,
        pathOnly ?? path,
        query === undefined ? undefined : Object.fromEntries(new URLSearchParams(query)),
      ),
      headers: {
        authorization: `Bearer ${requireCredential(this.platform, connection, 'accessToken')}`,
        'linkedin-version': optionalSetting(connection, 'linkedinVersion') ?? LINKEDIN_DEFAULT_VERSION,
        'x-restli-protocol-version': '2.0.0',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body,
      timeoutMs,
      effect,
    });
    if (!isSuccess(response)) throw linkedinFailure(response, this.now());
    return response;
  }
}
