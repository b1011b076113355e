import { platformRules } from '@kadens/shared/platform-rules';

import { baseUrlOf, endpoint, optionalSetting, requireCredential } from '../connection-fields';
import { setTimeout as delay } from 'node:timers/promises';

import { type CallEffect, httpCall, type HttpRequest } from '../http/http-call';
import { failureFromStatus, isSuccess, requiredId, stringField, successBody } from '../http/http-failure';
import { multipartBody, uploadFileName, uploadOnce } from '../http/media-upload';
import { isoTimeHeaderMs, retryAfterHeaderMs } from '../http/retry-after';
import {
  type AccountIdentity,
  type ChannelConnection,
  DEFAULT_VERIFY_TIMEOUT_MS,
  type MetricsReading,
  type MetricsRequest,
  type LookupRequest,
  type PlatformCapabilities,
  type PublishedLookup,
  type PublishMedium,
  type PublishRequest,
  type PublishResult,
  type VerifyOptions,
} from '../platform-adapter';
import { PlatformAdapterBase } from '../platform-adapter-base';
import { PlatformTransientError } from '../platform-errors';
import { lookUpMastodonStatus } from './mastodon-lookup';
import { readMastodonMetrics } from './mastodon-metrics';

/** Mastodon keeps an Idempotency-Key for an hour; a repeat after that would post again. */
export const MASTODON_IDEMPOTENCY_WINDOW_MS = 60 * 60_000;
/** A medium still processing after this long (or this many checks) fails the attempt as transient; a retry reuses the upload. */
export const MASTODON_PROCESSING_LIMIT_MS = 120_000;
const MASTODON_MAX_POLLS = 40;
const MASTODON_POLL_INTERVAL_MS = 250;
/** Mastodon's default limits are counted over 5 minutes. */
export const MASTODON_DEFAULT_RETRY_AFTER_MS = 5 * 60_000;

/**
 * A Mastodon account on its own instance, over plain HTTP (the `masto` client is ESM-only and wants
 * Node 22). Connection: credential `accessToken` (scopes `write:statuses`, `write:media`), setting `instanceUrl`;
 * optional `visibility` (default public), `language`, and `maxCharacters` read from the instance's
 * `configuration.statuses.max_characters`.
 *
 * Every publish carries `Idempotency-Key`, so repeating an ambiguous attempt within the hour returns
 * the status the first attempt made instead of a second one. Media are uploaded first (`POST
 * /api/v2/media` with the alt text as `description`, polled while processing) and attached by
 * `media_ids`; an upload an earlier attempt made for the same revision is reused.
 */
export class MastodonAdapter extends PlatformAdapterBase {
  readonly platform = 'mastodon' as const;
  readonly capabilities: PlatformCapabilities = {
    idempotentPublish: true,
    idempotencyWindowMs: MASTODON_IDEMPOTENCY_WINDOW_MS,
    requiresMedia: false,
    media: 'upload',
    metrics: true,
  };
  async publish({ idempotencyKey, content, connection, timeoutMs, media = [], uploads }: PublishRequest): Promise<PublishResult> {
    this.assertPublishable(content, connection, media);
    const mediaIds: string[] = [];
    for (const medium of media) {
      mediaIds.push(await uploadOnce(uploads, medium, () => this.uploadMedium(connection, medium, timeoutMs)));
    }
    const language = optionalSetting(connection, 'language');
    const status = {
      status: platformRules(this.platform).composeText(content),
      visibility: optionalSetting(connection, 'visibility') ?? 'public',
      ...(language === undefined ? {} : { language }),
      ...(mediaIds.length === 0 ? {} : { media_ids: mediaIds }),
    };
    const body = await this.call(connection, 'POST', '/api/v1/statuses', timeoutMs, 'publishes', {
      body: JSON.stringify(status),
      idempotencyKey,
    });
    const id = requiredId(this.platform, body, 'id', 'publishes');
    return { externalId: id, url: stringField(body, 'url') ?? stringField(body, 'uri'), raw: body };
  }

  /** The status's public counts; see mastodon-metrics.ts. */
  fetchMetrics({ externalId, connection, timeoutMs }: MetricsRequest): Promise<MetricsReading> {
    return readMastodonMetrics(externalId, (path) => this.call(connection, 'GET', path, timeoutMs, 'none'));
  }

  /** Whether an ambiguous attempt made its status, asked under the same Idempotency-Key; see mastodon-lookup.ts. */
  lookUpPublished(request: LookupRequest): Promise<PublishedLookup> {
    return lookUpMastodonStatus(request, MASTODON_IDEMPOTENCY_WINDOW_MS, this.now(), (idempotencyKey) =>
      this.call(request.connection, 'POST', '/api/v1/statuses', request.timeoutMs, 'none', {
        body: JSON.stringify({ status: '' }),
        idempotencyKey,
      }),
    );
  }

  async verifyCredentials(connection: ChannelConnection, options: VerifyOptions = {}): Promise<AccountIdentity> {
    const timeoutMs = options.timeoutMs ?? DEFAULT_VERIFY_TIMEOUT_MS;
    const body = await this.call(connection, 'GET', '/api/v1/accounts/verify_credentials', timeoutMs, 'none');
    const username = stringField(body, 'username') ?? stringField(body, 'acct') ?? 'unknown';
    return { accountName: `@${username}@${new URL(this.instanceUrl(connection)).host}` };
  }

  /**
   * `POST /api/v2/media` (multipart `file` and `description`, the alt text). A 202 means the instance
   * is still processing (video, large images): `GET /api/v1/media/:id` answers 206 until it is done,
   * and a status may attach it only then. An upload is invisible until attached, so it may be repeated.
   */
  private async uploadMedium(connection: ChannelConnection, medium: PublishMedium, timeoutMs: number): Promise<string> {
    const multipart = await multipartBody(
      medium.altText === '' ? {} : { description: medium.altText },
      'file',
      medium,
      uploadFileName(medium),
    );
    const uploaded = await this.exchange(connection, 'POST', '/api/v2/media', timeoutMs, 'none', {
      body: multipart.body,
      headers: multipart.headers,
      accept: [200, 202],
    });
    const id = requiredId(this.platform, uploaded.body, 'id', 'none');
    if (uploaded.status === 200 && stringField(uploaded.body, 'url') !== null) return id;
    const deadline = this.now() + MASTODON_PROCESSING_LIMIT_MS;
    for (let poll = 0; ; poll++) {
      const answer = await this.exchange(connection, 'GET', `/api/v1/media/${encodeURIComponent(id)}`, timeoutMs, 'none', {
        accept: [200, 206],
      });
      if (answer.status === 200) return id;
      if (this.now() > deadline || poll >= MASTODON_MAX_POLLS) {
        throw new PlatformTransientError(this.platform, `The instance was still processing medium ${medium.id} after ${poll + 1} checks`, {
          code: 'media.processing',
        });
      }
      await delay(Math.min(MASTODON_POLL_INTERVAL_MS * 2 ** poll, 5_000));
    }
  }

  private instanceUrl(connection: ChannelConnection): string {
    return baseUrlOf(this.platform, connection, optionalSetting(connection, 'instanceUrl'));
  }

  private async call(
    connection: ChannelConnection,
    method: 'GET' | 'POST',
    path: string,
    timeoutMs: number,
    effect: CallEffect,
    send: { body?: string; idempotencyKey?: string } = {},
  ): Promise<Record<string, unknown>> {
    return (await this.exchange(connection, method, path, timeoutMs, effect, send)).body;
  }

  /** One request; a 2xx in `accept` (or any 2xx by default) returns the body and the status. */
  private async exchange(
    connection: ChannelConnection,
    method: 'GET' | 'POST',
    path: string,
    timeoutMs: number,
    effect: CallEffect,
    send: { body?: HttpRequest['body']; headers?: Record<string, string>; idempotencyKey?: string; accept?: number[] } = {},
  ): Promise<{ status: number; body: Record<string, unknown> }> {
    const response = await httpCall(this.outbound, this.platform, {
      method,
      url: endpoint(this.platform, this.instanceUrl(connection), path),
      headers: {
        authorization: `Bearer ${requireCredential(this.platform, connection, 'accessToken')}`,
        ...(typeof send.body === 'string' ? { 'content-type': 'application/json' } : {}),
        ...send.headers,
        ...(send.idempotencyKey === undefined ? {} : { 'idempotency-key': send.idempotencyKey }),
      },
      body: send.body,
      timeoutMs,
      effect,
    });
    if (isSuccess(response) && (send.accept === undefined || send.accept.includes(response.status))) {
      return { status: response.status, body: successBody(this.platform, response, effect) };
    }
    const now = this.now();
    // Mastodon's errors are `{error, error_description?}`; its reset is an ISO time.
    throw failureFromStatus({
      platform: this.platform,
      response,
      reading: { message: stringField(response.json, 'error'), code: null },
      retryAfterMs: () =>
        isoTimeHeaderMs(response.headers, 'x-ratelimit-reset', now) ??
        retryAfterHeaderMs(response.headers, now) ??
        MASTODON_DEFAULT_RETRY_AFTER_MS,
    });
  }
}
