import { platformRules } from '@kadens/shared/platform-rules';

import { baseUrlOf, endpoint, optionalSetting, requireCredential } from '../connection-fields';
import { type CallEffect, httpCall } from '../http/http-call';
import { isRecord, isSuccess, requiredId, stringField, successBody } from '../http/http-failure';
import { uploadOnce } from '../http/media-upload';
import {
  type AccountIdentity,
  type ChannelConnection,
  DEFAULT_VERIFY_TIMEOUT_MS,
  type MetricsReading,
  type MetricsRequest,
  type PlatformCapabilities,
  type PublishRequest,
  type PublishResult,
  type RefreshedCredentials,
  type RefreshRequest,
  type VerifyOptions,
} from '../platform-adapter';
import { refreshTokenGrant } from '../oauth/token-refresh';
import { PlatformAdapterBase } from '../platform-adapter-base';
import { xFailure } from './x-errors';
import { uploadToX, type XCall } from './x-media';
import { readXMetrics } from './x-metrics';

export const X_DEFAULT_BASE_URL = 'https://api.x.com';

/**
 * An X account through API v2, over plain fetch rather than `twitter-api-v2`: one endpoint does not
 * need the library, and going through the shared HTTP call keeps the deadline and the
 * sent-or-not-sent classification the same as every other adapter's.
 *
 * Connection: credential `accessToken`, an OAuth 2.0 user-context token with `tweet.write`
 * (OAuth 1.0a is not supported), and `refreshToken` when connected with `offline.access` (the access
 * token lives two hours; each refresh rotates the refresh token); optional settings `username` (for the post's URL) and
 * `maxCharacters` (for accounts on a longer-post tier). Media need the `media.write` scope: each is
 * uploaded (x-media.ts) with its alt text, then attached as `media.media_ids`; a retry of the same
 * revision attaches the ids an earlier attempt uploaded.
 */
export class XAdapter extends PlatformAdapterBase {
  readonly platform = 'x' as const;
  readonly capabilities: PlatformCapabilities = {
    idempotentPublish: false,
    idempotencyWindowMs: null,
    requiresMedia: false,
    media: 'upload',
    metrics: true,
  };
  async publish({ content, connection, timeoutMs, media = [], uploads }: PublishRequest): Promise<PublishResult> {
    this.assertPublishable(content, connection, media);
    const mediaIds: string[] = [];
    const call: XCall = (method, path, send = {}) =>
      this.call(connection, method, path, timeoutMs, 'none', send.json === undefined ? send.body : JSON.stringify(send.json), send);
    for (const medium of media) mediaIds.push(await uploadOnce(uploads, medium, () => uploadToX(call, medium)));
    const text = platformRules(this.platform).composeText(content);
    const tweet = { text, ...(mediaIds.length === 0 ? {} : { media: { media_ids: mediaIds } }) };
    const body = await this.call(connection, 'POST', '/2/tweets', timeoutMs, 'publishes', JSON.stringify(tweet));
    const id = requiredId(this.platform, isRecord(body['data']) ? body['data'] : {}, 'id', 'publishes');
    const username = optionalSetting(connection, 'username');
    const url = username ? `https://x.com/${encodeURIComponent(username)}/status/${id}` : `https://x.com/i/web/status/${id}`;
    return { externalId: id, url, raw: body };
  }

  /** The post's public metrics; see x-metrics.ts. */
  fetchMetrics({ externalId, connection, timeoutMs }: MetricsRequest): Promise<MetricsReading> {
    return readXMetrics(externalId, (path, query) => this.call(connection, 'GET', path, timeoutMs, 'none', undefined, { query }));
  }

  async verifyCredentials(connection: ChannelConnection, options: VerifyOptions = {}): Promise<AccountIdentity> {
    const body = await this.call(connection, 'GET', '/2/users/me', options.timeoutMs ?? DEFAULT_VERIFY_TIMEOUT_MS, 'none');
    const username = stringField(body['data'], 'username');
    return { accountName: username === null ? (stringField(body['data'], 'name') ?? 'X account') : `@${username}` };
  }

  /** `POST /2/oauth2/token` with `grant_type=refresh_token`; X rotates the refresh token on every use. */
  async refreshCredentials({ connection, client, timeoutMs }: RefreshRequest): Promise<RefreshedCredentials> {
    return refreshTokenGrant({
      outbound: this.outbound,
      platform: this.platform,
      tokenUrl: endpoint(this.platform, baseUrlOf(this.platform, connection, X_DEFAULT_BASE_URL), '/2/oauth2/token'),
      client,
      refreshToken: requireCredential(this.platform, connection, 'refreshToken'),
      timeoutMs,
      now: this.now(),
    });
  }

  private async call(
    connection: ChannelConnection,
    method: 'GET' | 'POST',
    path: string,
    timeoutMs: number,
    effect: CallEffect,
    body?: string | ReadableStream<Uint8Array>,
    send: { headers?: Record<string, string>; query?: Record<string, string> } = {},
  ): Promise<Record<string, unknown>> {
    const response = await httpCall(this.outbound, this.platform, {
      method,
      url: endpoint(this.platform, baseUrlOf(this.platform, connection, X_DEFAULT_BASE_URL), path, send.query),
      headers: {
        authorization: `Bearer ${requireCredential(this.platform, connection, 'accessToken')}`,
        ...(typeof body === 'string' ? { 'content-type': 'application/json' } : {}),
        ...send.headers,
      },
      body,
      timeoutMs,
      effect,
    });
    if (!isSuccess(response)) throw xFailure(response, this.now());
    // An APPEND may answer 2xx with an empty body (as v1.1 did); nothing is read from it.
    if (effect === 'none' && response.text.trim() === '') return {};
    return successBody(this.platform, response, effect);
  }
}
