import type { OutboundClient } from '@kadens/api/outbound';

import { type AccountFlow, fieldError, type FlowServer, type GrantedConnection } from './connect-flow';
import { MASTODON_SCOPE, type MastodonApps } from './mastodon-apps';
import type { GrantedTokens } from './oauth-client';

/**
 * Mastodon's OAuth (docs.joinmastodon.org, "OAuth" and "apps"): the person types the instance; Kadens
 * registers its app there once, then the authorization code flow at `/oauth/authorize` and
 * `/oauth/token` (client secret in the form; PKCE S256, which instances since 4.3 check). Tokens do
 * not expire, so there is no refresh.
 */
export function mastodonFlow(apps: MastodonApps, outbound: OutboundClient, redirectUri: string): AccountFlow {
  return {
    async server(given: string | null): Promise<FlowServer> {
      const instanceUrl = await instanceOrigin(outbound, given);
      const app = await apps.forInstance(instanceUrl, redirectUri);
      return {
        server: {
          authorizeUrl: `${instanceUrl}/oauth/authorize`,
          tokenUrl: `${instanceUrl}/oauth/token`,
          clientId: app.clientId,
          clientSecret: app.clientSecret,
          secretIn: 'form',
        },
        scope: MASTODON_SCOPE,
        instanceUrl,
      };
    },
    connection(tokens: GrantedTokens, instanceUrl: string | null): GrantedConnection {
      return { baseUrl: instanceUrl, credentials: { accessToken: tokens.accessToken }, settings: {} };
    },
  };
}

/** The instance as an origin (`https://social.example`): http(s), no credentials, and an address the outbound guard allows. */
async function instanceOrigin(outbound: OutboundClient, given: string | null): Promise<string> {
  if (given === null || given.trim() === '')
    throw fieldError('instanceUrl', 'Mastodon needs the address of the instance, e.g. https://mastodon.social');
  let url: URL;
  try {
    url = new URL(given.trim().includes('://') ? given.trim() : `https://${given.trim()}`);
  } catch {
    throw fieldError('instanceUrl', 'must be the address of a Mastodon instance, e.g. https://mastodon.social');
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.username !== '' || url.password !== '') {
    throw fieldError('instanceUrl', 'must be an http or https address without a user name or password');
  }
  const refused = await outbound.refusalFor(url.origin);
  if (refused !== null) throw fieldError('instanceUrl', refused.message);
  return url.origin;
}
