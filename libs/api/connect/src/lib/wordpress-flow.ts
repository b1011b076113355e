import type { OutboundClient } from '@kadens/api/outbound';

import { fieldError, type GrantedConnection, SignInError } from './connect-flow';
import { record, requestJson, text } from './platform-json';

/** Kadens as WordPress lists its application passwords (`app_id`: one UUID for every installation). */
export const WORDPRESS_APP_NAME = 'Kadens';
export const WORDPRESS_APP_ID = '5b0b5d8e-3c1f-4a57-9f3e-6a1d2c7b9e41';

export interface WordPressSite {
  /** The site's address as the REST API is under it (a site in `/blog` keeps its path), no trailing slash. */
  site: string;
  /** Its "Authorize Application" screen, as the REST index names it. */
  authorization: string;
}

/**
 * WordPress's application-password authorisation (developer.wordpress.org, "Application Passwords":
 * "Authorization flow"): the REST index (`GET /wp-json/`) names the site's
 * `wp-admin/authorize-application.php`; the person approves there and WordPress sends the browser to
 * `success_url` with `site_url`, `user_login` and `password`, or to `reject_url` with `success=false`.
 * Kadens's `state` travels inside both URLs; the reject URL says `error=access_denied`, so the
 * callback treats a refusal like any declined consent.
 */
export async function wordpressSite(outbound: OutboundClient, given: string | null): Promise<WordPressSite> {
  if (given === null || given.trim() === '')
    throw fieldError('siteUrl', 'WordPress needs the address of the site, e.g. https://www.example.org');
  let url: URL;
  try {
    url = new URL(given.trim().includes('://') ? given.trim() : `https://${given.trim()}`);
  } catch {
    throw fieldError('siteUrl', 'must be the address of a WordPress site, e.g. https://www.example.org');
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.username !== '' || url.password !== '') {
    throw fieldError('siteUrl', 'must be an http or https address without a user name or password');
  }
  const refused = await outbound.refusalFor(url.origin);
  if (refused !== null) throw fieldError('siteUrl', refused.message);
  const site = `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  let index: Record<string, unknown>;
  try {
    const answer = await requestJson(outbound, new URL(`${site}/wp-json/`));
    if (answer.status !== 200) throw new SignInError('platform_unreachable', `HTTP ${answer.status}`);
    index = answer.body;
  } catch (error) {
    if (!(error instanceof SignInError)) throw error;
    throw fieldError(
      'siteUrl',
      `The address did not answer as a WordPress site (${error.message}); check it, e.g. https://www.example.org`,
    );
  }
  const authorization = text(record(record(record(index['authentication'])['application-passwords'])['endpoints'])['authorization']);
  if (authorization === null) {
    throw fieldError(
      'siteUrl',
      'The site does not offer application passwords (WordPress 5.6 or newer, served over https, with application passwords not switched off)',
      'application_passwords_unavailable',
    );
  }
  const screen = new URL(authorization);
  if (screen.origin !== url.origin) throw fieldError('siteUrl', `The site sends its sign-in to another address (${screen.origin})`);
  return { site, authorization: screen.toString() };
}

/** The authorisation screen's address, the state in both return addresses. */
export function wordpressAuthorizeUrl(site: WordPressSite, redirectUri: string, state: string): string {
  const back = (extra: Record<string, string>) => {
    const url = new URL(redirectUri);
    url.searchParams.set('state', state);
    for (const [name, value] of Object.entries(extra)) url.searchParams.set(name, value);
    return url.toString();
  };
  const url = new URL(site.authorization);
  url.searchParams.set('app_name', WORDPRESS_APP_NAME);
  url.searchParams.set('app_id', WORDPRESS_APP_ID);
  url.searchParams.set('success_url', back({}));
  url.searchParams.set('reject_url', back({ error: 'access_denied' }));
  return url.toString();
}

/** What WordPress sent to the success URL, as the connection to verify and store; null when something is missing. */
export function wordpressConnection(site: string, query: { user_login?: string; password?: string }): GrantedConnection | null {
  if (!query.user_login || !query.password) return null;
  return { baseUrl: site, credentials: { username: query.user_login, applicationPassword: query.password }, settings: {} };
}
