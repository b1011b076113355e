import type { AppConfig } from '@kadens/api/core';

import { type AccountFlow, fieldError, type FlowServer, type GrantedConnection } from './connect-flow';
import type { GrantedTokens } from './oauth-client';

const X_DEFAULT_API_URL = 'https://api.x.com';
/** Posting and reading who the account is; `offline.access` brings the refresh token. */
export const X_SCOPE = 'tweet.read tweet.write users.read media.write offline.access';

/**
 * X's OAuth 2.0 authorization code flow with PKCE (docs.x.com, "OAuth 2.0 Authorization Code Flow
 * with PKCE"): authorize at x.com/i/oauth2/authorize, tokens from api.x.com/2/oauth2/token, HTTP Basic
 * for a confidential client. Access tokens live two hours; the refresh token rotates.
 */
export function xFlow(config: AppConfig['oauth']['x']): AccountFlow {
  return {
    async server(): Promise<FlowServer> {
      if (config.clientId === null) {
        throw fieldError(
          'platform',
          'X has no app configured on this installation (X_CLIENT_ID); an operator must add one',
          'oauth_not_configured',
        );
      }
      return {
        server: {
          authorizeUrl: config.authorizeUrl,
          tokenUrl: `${config.apiUrl}/2/oauth2/token`,
          clientId: config.clientId,
          clientSecret: config.clientSecret,
          secretIn: 'basic',
        },
        scope: X_SCOPE,
        instanceUrl: null,
      };
    },
    connection(tokens: GrantedTokens): GrantedConnection {
      return {
        baseUrl: config.apiUrl === X_DEFAULT_API_URL ? null : config.apiUrl,
        credentials: { accessToken: tokens.accessToken, ...(tokens.refreshToken === null ? {} : { refreshToken: tokens.refreshToken }) },
        settings: {},
      };
    },
  };
}
