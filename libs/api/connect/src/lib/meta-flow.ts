import type { AppConfig } from '@kadens/api/core';
import type { OutboundClient } from '@kadens/api/outbound';
import { GRAPH_DEFAULT_BASE_URL, GRAPH_DEFAULT_VERSION } from '@kadens/api/platforms';

import { type Candidate, type ChoosingFlow, type FlowServer, notConfigured, SignInError } from './connect-flow';
import type { GrantedTokens } from './oauth-client';
import { type JsonAnswer, record, refusalOf, requestJson, text } from './platform-json';

/** Listing the pages, publishing to them, and reading them back. */
export const FACEBOOK_SCOPE = 'pages_show_list,pages_manage_posts,pages_read_engagement';
/** The pages, and the Instagram professional accounts linked to them, with publishing. */
export const INSTAGRAM_SCOPE = 'pages_show_list,pages_read_engagement,business_management,instagram_basic,instagram_content_publish';
/** At most this many pages of `/me/accounts` (100 each) are read. */
const MAX_LISTING_PAGES = 10;

/**
 * Facebook Login (developers.facebook.com, "Manually Build a Login Flow"): the dialog at
 * www.facebook.com/{version}/dialog/oauth, the code traded for a short-lived user token, that token for
 * a long-lived one (`fb_exchange_token`, about 60 days), and with it `GET /me/accounts`: the pages the
 * person manages, each with its Page token. A Page token from a long-lived user token does not expire.
 * Facebook connects a page; Instagram the professional account linked to a page (its Page token
 * publishes for it). The person picks one.
 */
export function metaFlow(
  platform: 'facebook' | 'instagram',
  config: AppConfig['oauth']['facebook'],
  outbound: OutboundClient,
): ChoosingFlow {
  const graph = (path: string, query: Record<string, string>): URL => {
    const url = new URL(`${config.graphUrl}/${GRAPH_DEFAULT_VERSION}${path}`);
    for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
    return url;
  };
  return {
    async server(): Promise<FlowServer> {
      if (config.appId === null || config.appSecret === null) {
        throw notConfigured(platform === 'facebook' ? 'Facebook' : 'Instagram', 'FACEBOOK_APP_ID and FACEBOOK_APP_SECRET');
      }
      return {
        server: {
          authorizeUrl: `${config.dialogUrl}/${GRAPH_DEFAULT_VERSION}/dialog/oauth`,
          tokenUrl: graph('/oauth/access_token', {}).toString(),
          clientId: config.appId,
          clientSecret: config.appSecret,
          secretIn: 'form',
        },
        scope: platform === 'facebook' ? FACEBOOK_SCOPE : INSTAGRAM_SCOPE,
        instanceUrl: null,
      };
    },

    async candidates(tokens: GrantedTokens): Promise<Candidate[]> {
      const exchanged = await requestJson(
        outbound,
        graph('/oauth/access_token', {
          grant_type: 'fb_exchange_token',
          client_id: config.appId ?? '',
          client_secret: config.appSecret ?? '',
          fb_exchange_token: tokens.accessToken,
        }),
      );
      const longLived = text(exchanged.body['access_token']);
      if (exchanged.status !== 200 || longLived === null) throw graphRefusal(exchanged, 'Exchanging for a long-lived token');
      const pages: Array<Record<string, unknown>> = [];
      let next: URL | null = graph('/me/accounts', {
        fields: 'id,name,access_token,picture{url},instagram_business_account{id,username,profile_picture_url}',
        limit: '100',
        access_token: longLived,
      });
      for (let round = 0; next !== null && round < MAX_LISTING_PAGES; round++) {
        const answer: JsonAnswer = await requestJson(outbound, next);
        if (answer.status !== 200 || !Array.isArray(answer.body['data'])) throw graphRefusal(answer, 'Listing the pages');
        pages.push(...(answer.body['data'] as unknown[]).map(record));
        const more = text(record(answer.body['paging'])['next']);
        next = more === null ? null : new URL(more);
      }
      const baseUrl = config.graphUrl === GRAPH_DEFAULT_BASE_URL ? null : config.graphUrl;
      const found: Candidate[] = [];
      for (const page of pages) {
        const id = text(page['id']);
        const pageToken = text(page['access_token']);
        if (id === null || pageToken === null) continue;
        if (platform === 'facebook') {
          const picture = text(record(record(page['picture'])['data'])['url']);
          found.push({
            id,
            name: text(page['name']) ?? id,
            kind: 'page',
            pictureUrl: picture,
            connection: { baseUrl, credentials: { accessToken: pageToken }, settings: { pageId: id } },
            expiresAt: null,
          });
          continue;
        }
        const instagram = record(page['instagram_business_account']);
        const igUserId = text(instagram['id']);
        if (igUserId === null) continue;
        const username = text(instagram['username']);
        found.push({
          id: igUserId,
          name: username === null ? `${text(page['name']) ?? igUserId}` : `@${username}`,
          kind: 'instagram_account',
          pictureUrl: text(instagram['profile_picture_url']),
          connection: { baseUrl, credentials: { accessToken: pageToken }, settings: { igUserId } },
          expiresAt: null,
        });
      }
      return found;
    },
  };
}

/** Graph's envelope: `{error: {message, type, code}}`. */
function graphRefusal(answer: JsonAnswer, what: string): SignInError {
  const error = record(answer.body['error']);
  const message = text(error['message']);
  const code = text(error['code']);
  if (answer.status === 200) return new SignInError('account_unreadable', `${what}: the answer was not what Graph documents`);
  return refusalOf(answer, what, message === null ? null : `${message}${code === null ? '' : ` (#${code})`}`);
}
