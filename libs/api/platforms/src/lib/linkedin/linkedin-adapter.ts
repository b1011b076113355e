import { escapeLinkedInCommentary, platformRules } from '@kadens/shared/platform-rules';

import { baseUrlOf, endpoint, optionalSetting, requireCredential, requireSetting } from '../connection-fields';
import { type CallEffect, httpCall } from '../http/http-call';
import { isSuccess, stringField, successBody } from '../http/http-failure';
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
import { PlatformAmbiguousError, PlatformAuthError } from '../platform-errors';
import { linkedinFailure } from './linkedin-errors';

export const LINKEDIN_DEFAULT_BASE_URL = 'https://api.linkedin.com';
/** Versions (YYYYMM) are retired about a year after release; a connection may pin another with `linkedinVersion`. */
export const LINKEDIN_DEFAULT_VERSION = '202610';

/**
 * A LinkedIn member or organisation page through the Posts API. Connection: credential `accessToken`
 * (`w_member_social` or `w_organization_social`), setting `authorUrn` (`urn:li:person:…` or
 * `urn:li:organization:…`), optional `linkedinVersion`.
 *
 * The commentary is escaped exactly once, here, on the way out: the stored and counted text is the
 * unescaped original (see `escapeLinkedInCommentary`). The new post's URN comes in `x-restli-id`.
 */
export class LinkedInAdapter extends PlatformAdapterBase {
  readonly platform = 'linkedin' as const;
  readonly capabilities: PlatformCapabilities = {
    idempotentPublish: false,
    idempotencyWindowMs: null,
    requiresMedia: false,
    media: 'none',
    metrics: false,
  };
  async publish({ content, connection, timeoutMs }: PublishRequest): Promise<PublishResult> {
    this.assertPublishable(content, connection);
    const author = requireSetting(this.platform, connection, 'authorUrn');
    const body = {
      author,
      commentary: escapeLinkedInCommentary(platformRules(this.platform).composeText(content)),
      visibility: 'PUBLIC',
      distribution: { feedDistribution: 'MAIN_FEED', targetEntities: [], thirdPartyDistributionChannels: [] },
      lifecycleState: 'PUBLISHED',
      isReshareDisabledByAuthor: false,
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

  private async call(
    connection: ChannelConnection,
    method: 'GET' | 'POST',
    path: string,
    timeoutMs: number,
    effect: CallEffect,
    body?: string,
  ) {
    const base = baseUrlOf(this.platform, connection, LINKEDIN_DEFAULT_BASE_URL);
    const response = await httpCall(this.outbound, this.platform, {
      method,
      url: endpoint(this.platform, base, path),
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
