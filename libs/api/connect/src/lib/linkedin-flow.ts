import type { AppConfig } from '@kadens/api/core';
import type { OutboundClient } from '@kadens/api/outbound';
import { LINKEDIN_DEFAULT_BASE_URL, LINKEDIN_DEFAULT_VERSION } from '@kadens/api/platforms';

import { type Candidate, type ChoosingFlow, type FlowServer, notConfigured, SignInError } from './connect-flow';
import type { GrantedTokens } from './oauth-client';
import { type JsonAnswer, record, refusalOf, requestJson, text } from './platform-json';

/** Posting as, and reading, the organisation pages the person administers. */
export const LINKEDIN_SCOPE = 'w_organization_social r_organization_social r_organization_admin';
/** LinkedIn's access tokens live 60 days when the answer does not say. */
const DEFAULT_EXPIRES_IN_SECONDS = 60 * 24 * 3600;
/** At most this many organisations are offered (each is one request for its name). */
const MAX_ORGANIZATIONS = 25;

/**
 * LinkedIn's 3-legged OAuth (learn.microsoft.com, "Authorization Code Flow"): authorize at
 * www.linkedin.com/oauth/v2/authorization, the code traded at /oauth/v2/accessToken with the secret in
 * the form; the organisation pages where the person is an approved ADMINISTRATOR come from
 * `GET /rest/organizationAcls?q=roleAssignee`, their names from `/rest/organizations/{id}`. A refresh
 * token is stored when LinkedIn grants one; otherwise the connection expires with the access token
 * (60 days) and the person reconnects, warned beforehand.
 */
export function linkedinFlow(config: AppConfig['oauth']['linkedin'], outbound: OutboundClient): ChoosingFlow {
  const headers = (accessToken: string) => ({
    authorization: `Bearer ${accessToken}`,
    'linkedin-version': LINKEDIN_DEFAULT_VERSION,
    'x-restli-protocol-version': '2.0.0',
  });
  return {
    async server(): Promise<FlowServer> {
      if (config.clientId === null || config.clientSecret === null) {
        throw notConfigured('LinkedIn', 'LINKEDIN_CLIENT_ID and LINKEDIN_CLIENT_SECRET');
      }
      return {
        server: {
          authorizeUrl: `${config.oauthUrl}/oauth/v2/authorization`,
          tokenUrl: `${config.oauthUrl}/oauth/v2/accessToken`,
          clientId: config.clientId,
          clientSecret: config.clientSecret,
          secretIn: 'form',
        },
        scope: LINKEDIN_SCOPE,
        instanceUrl: null,
      };
    },

    async candidates(tokens: GrantedTokens): Promise<Candidate[]> {
      const acls = new URL(`${config.apiUrl}/rest/organizationAcls`);
      acls.searchParams.set('q', 'roleAssignee');
      acls.searchParams.set('role', 'ADMINISTRATOR');
      acls.searchParams.set('state', 'APPROVED');
      const answer = await requestJson(outbound, acls, { headers: headers(tokens.accessToken) });
      if (answer.status !== 200 || !Array.isArray(answer.body['elements'])) throw linkedinRefusal(answer, 'Listing the organisations');
      const ids = [
        ...new Set(
          (answer.body['elements'] as unknown[])
            .map(record)
            .filter((element) => (element['state'] ?? 'APPROVED') === 'APPROVED')
            .map((element) => /^urn:li:organization:(\d+)$/.exec(text(element['organization']) ?? '')?.[1])
            .filter((id): id is string => id !== undefined),
        ),
      ].slice(0, MAX_ORGANIZATIONS);
      const expiresAt = new Date(Date.now() + (tokens.expiresIn ?? DEFAULT_EXPIRES_IN_SECONDS) * 1000);
      const baseUrl = config.apiUrl === LINKEDIN_DEFAULT_BASE_URL ? null : config.apiUrl;
      const credentials = {
        accessToken: tokens.accessToken,
        ...(tokens.refreshToken === null ? {} : { refreshToken: tokens.refreshToken }),
      };
      const found: Candidate[] = [];
      for (const id of ids) {
        const organization = await requestJson(outbound, new URL(`${config.apiUrl}/rest/organizations/${id}`), {
          headers: headers(tokens.accessToken),
        });
        if (organization.status !== 200) throw linkedinRefusal(organization, `Reading organisation ${id}`);
        found.push({
          id,
          name: text(organization.body['localizedName']) ?? `urn:li:organization:${id}`,
          kind: 'organization',
          pictureUrl: null,
          connection: { baseUrl, credentials, settings: { authorUrn: `urn:li:organization:${id}` } },
          expiresAt,
        });
      }
      return found;
    },
  };
}

/** LinkedIn's error body: `{status, code, message, serviceErrorCode}`. */
function linkedinRefusal(answer: JsonAnswer, what: string): SignInError {
  if (answer.status === 200) return new SignInError('account_unreadable', `${what}: the answer was not what LinkedIn documents`);
  const message = text(answer.body['message']);
  const code = text(answer.body['code']);
  return refusalOf(answer, what, message === null ? null : `${message}${code === null ? '' : ` (${code})`}`);
}
