import { platformRules } from '@kadens/shared/platform-rules';
import { randomUUID } from 'node:crypto';

import { baseUrlOf, endpoint, optionalSetting, requireCredential } from '../connection-fields';
import { httpCall } from '../http/http-call';
import { failureFromStatus, isSuccess, stringField } from '../http/http-failure';
import { retryAfterHeaderMs } from '../http/retry-after';
import {
  type AccountIdentity,
  type ChannelConnection,
  DEFAULT_VERIFY_TIMEOUT_MS,
  type LookupRequest,
  type PlatformCapabilities,
  type PublishedLookup,
  type PublishRequest,
  type PublishResult,
  type VerifyOptions,
} from '../platform-adapter';
import { PlatformAdapterBase } from '../platform-adapter-base';
import { lookUpWebhookDelivery } from './webhook-lookup';
import { webhookHeaders } from './webhook-signature';

/** Used when a receiver answers 429 without Retry-After. */
export const WEBHOOK_DEFAULT_RETRY_AFTER_MS = 60_000;

/** What the receiver gets. `event` lets one endpoint tell a real post from the connection test. */
export interface WebhookPayload {
  event: 'post.publish' | 'connection.test';
  idempotencyKey: string;
  text: string;
  link: string | null;
  mediaUrls: readonly string[];
  /**
   * The post's media from the library, in order: a signed URL under PUBLIC_URL that serves the file
   * without a session until it expires (fetch it soon, keep your own copy), and what a page needs to
   * show it accessibly. `mediaUrls` keeps the bare URLs of older posts.
   */
  media: readonly WebhookMedium[];
}

export interface WebhookMedium {
  url: string;
  mimeType: string;
  altText: string;
  width: number;
  height: number;
  durationMs: number | null;
}

/**
 * The organisation's own endpoint. Connection: setting `url`, credential `secret`.
 *
 * The contract for receivers: a POST of `WebhookPayload` as JSON, signed the Standard Webhooks way
 * (`webhook-id`, `webhook-timestamp`, `webhook-signature: v1,<base64 HMAC-SHA256 of "id.timestamp.body">`,
 * see webhook-signature.ts) with the idempotency key as `webhook-id`, and the same key again as
 * `Idempotency-Key`; receivers refuse a timestamp more than 5 minutes off (a replay); answer 2xx, optionally
 * with JSON `{id, url}`; 401/403 when the signature is wrong, 429 with Retry-After when busy. A 2xx
 * body that is not JSON is accepted: the receiver has the post, only its id is unknown, and the
 * idempotency key stands in for it.
 *
 * Receivers are asked to deduplicate on the key, but nothing enforces it, so an ambiguous delivery
 * is not retried automatically (`idempotentPublish: false`) — unless the connection's setting
 * `deduplicates: yes` says this receiver keeps that part of the contract: then the look-up answers
 * that a repeat is safe, and the pipeline sends again (webhook-lookup.ts). A person's retry is safe
 * with a receiver that keeps the contract.
 */
export class WebhookAdapter extends PlatformAdapterBase {
  readonly platform = 'webhook' as const;
  readonly capabilities: PlatformCapabilities = {
    idempotentPublish: false,
    idempotencyWindowMs: null,
    requiresMedia: false,
    media: 'url',
    metrics: false,
  };
  async publish({ idempotencyKey, content, connection, timeoutMs, media = [] }: PublishRequest): Promise<PublishResult> {
    this.assertPublishable(content, connection, media);
    const payload: WebhookPayload = {
      event: 'post.publish',
      idempotencyKey,
      text: platformRules(this.platform).composeText(content),
      link: content.link?.trim() || null,
      mediaUrls: content.mediaUrls,
      media: await Promise.all(
        media.map(async (medium) => ({
          url: await medium.signedUrl(),
          mimeType: medium.mimeType,
          altText: medium.altText,
          width: medium.width,
          height: medium.height,
          durationMs: medium.durationMs,
        })),
      ),
    };
    const answer = await this.deliver(connection, payload, timeoutMs);
    return { externalId: stringField(answer, 'id') ?? idempotencyKey, url: stringField(answer, 'url'), raw: answer };
  }

  /** A repeat is the look-up when the connection says the receiver deduplicates; see webhook-lookup.ts. */
  lookUpPublished(request: LookupRequest): Promise<PublishedLookup> {
    return lookUpWebhookDelivery(request);
  }

  /** Sends a `connection.test` event: proves the address answers and accepts the signature. */
  async verifyCredentials(connection: ChannelConnection, options: VerifyOptions = {}): Promise<AccountIdentity> {
    const payload: WebhookPayload = {
      event: 'connection.test',
      // Each test is an event of its own: a receiver that deduplicates on webhook-id answers every one.
      idempotencyKey: `connection-test-${randomUUID()}`,
      text: '',
      link: null,
      mediaUrls: [],
      media: [],
    };
    await this.deliver(connection, payload, options.timeoutMs ?? DEFAULT_VERIFY_TIMEOUT_MS);
    return { accountName: new URL(this.url(connection)).host };
  }

  private url(connection: ChannelConnection): string {
    return baseUrlOf(this.platform, connection, optionalSetting(connection, 'url'));
  }

  private async deliver(connection: ChannelConnection, payload: WebhookPayload, timeoutMs: number): Promise<unknown> {
    const body = JSON.stringify(payload);
    const secret = requireCredential(this.platform, connection, 'secret');
    // The key is made by the pipeline (target id and revision), never by a user, as the spec asks of ids.
    const message = { id: payload.idempotencyKey, timestamp: Math.floor(this.now() / 1000), body };
    const response = await httpCall(this.outbound, this.platform, {
      method: 'POST',
      url: endpoint(this.platform, this.url(connection), ''),
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Kadens-Webhook/1',
        'idempotency-key': payload.idempotencyKey,
        ...webhookHeaders(secret, message),
      },
      body,
      timeoutMs,
      effect: payload.event === 'post.publish' ? 'publishes' : 'none',
    });
    if (isSuccess(response)) return response.isJson ? response.json : response.text;
    const now = this.now();
    throw failureFromStatus({
      platform: this.platform,
      response,
      reading: {
        message: stringField(response.json, 'error') ?? stringField(response.json, 'message'),
        code: stringField(response.json, 'code'),
      },
      retryAfterMs: () => retryAfterHeaderMs(response.headers, now) ?? WEBHOOK_DEFAULT_RETRY_AFTER_MS,
    });
  }
}
