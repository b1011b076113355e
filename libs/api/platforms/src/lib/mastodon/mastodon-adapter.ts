import { platformRules } from '@kadens/shared/platform-rules';

import { baseUrlOf, endpoint, optionalSetting, requireCredential } from '../connection-fields';
import { type CallEffect, httpCall } from '../http/http-call';
import { failureFromStatus, isSuccess, requiredId, stringField, successBody } from '../http/http-failure';
import { isoTimeHeaderMs, retryAfterHeaderMs } from '../http/retry-after';
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

/** Mastodon keeps an Idempotency-Key for an hour; a repeat after that would post again. */
export const MASTODON_IDEMPOTENCY_WINDOW_MS = 60 * 60_000;
/** Mastodon's default limits are counted over 5 minutes. */
export const MASTODON_DEFAULT_RETRY_AFTER_MS = 5 * 60_000;

/**
 * A Mastodon account on its own instance, over plain HTTP (the `masto` client is ESM-only and wants
 * Node 22). Connection: credential `accessToken` (scope `write:statuses`), setting `instanceUrl`;
 * optional `visibility` (default public), `language`, and `maxCharacters` read from the instance's
 * `configuration.statuses.max_characters`.
 *
 * Every publish carries `Idempotency-Key`, so repeating an ambiguous attempt within the hour returns
 * the status the first attempt made instead of a second one.
 */
export class MastodonAdapter extends PlatformAdapterBase {
  readonly platform = 'mastodon' as const;
  readonly capabilities: PlatformCapabilities = {
    idempotentPublish: true,
    idempotencyWindowMs: MASTODON_IDEMPOTENCY_WINDOW_MS,
    requiresMedia: false,
    media: 'none',
    metrics: false,
  };
  async publish({ idempotencyKey, content, connection, timeoutMs }: PublishRequest): Promise<PublishResult> {
    this.assertPublishable(content, connection);
    const language = optionalSetting(connection, 'language');
    const status = {
      status: platformRules(this.platform).composeText(content),
      visibility: optionalSetting(connection, 'visibility') ?? 'public',
      ...(language === undefined ? {} : { language }),
    };
    const body = await this.call(connection, 'POST', '/api/v1/statuses', timeoutMs, 'publishes', {
      body: JSON.stringify(status),
      idempotencyKey,
    });
    const id = requiredId(this.platform, body, 'id', 'publishes');
    return { externalId: id, url: stringField(body, 'url') ?? stringField(body, 'uri'), raw: body };
  }

  async verifyCredentials(connection: ChannelConnection, options: VerifyOptions = {}): Promise<AccountIdentity> {
    const timeoutMs = options.timeoutMs ?? DEFAULT_VERIFY_TIMEOUT_MS;
    const body = await this.call(connection, 'GET', '/api/v1/accounts/verify_credentials', timeoutMs, 'none');
    const username = stringField(body, 'username') ?? stringField(body, 'acct') ?? 'unknown';
    return { accountName: `@${username}@${new URL(this.instanceUrl(connection)).host}` };
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
    const response = await httpCall(this.outbound, this.platform, {
      method,
      url: endpoint(this.platform, this.instanceUrl(connection), path),
      headers: {
        authorization: `Bearer ${requireCredential(this.platform, connection, 'accessToken')}`,
        ...(send.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(send.idempotencyKey === undefined ? {} : { 'idempotency-key': send.idempotencyKey }),
      },
      body: send.body,
      timeoutMs,
      effect,
    });
    if (isSuccess(response)) return successBody(this.platform, response, effect);
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
