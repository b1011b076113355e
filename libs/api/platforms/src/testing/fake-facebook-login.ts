import { randomBytes } from 'node:crypto';

import { graphError } from './fake-graph-errors';
import type { FakeHttpServer, FakeReply, ReceivedRequest } from './fake-http-server';
import { FakeOAuthServer } from './fake-oauth';

/** A Facebook Page the signed-in person manages, as `GET /me/accounts` lists it. */
export interface FakeManagedPage {
  id: string;
  name: string;
  /** The Page access token the listing hands out (the page routes of the fake must accept it). */
  accessToken: string;
  pictureUrl?: string;
  /** The Instagram professional account linked to the page, if any. */
  instagram?: { id: string; username: string; profilePictureUrl?: string };
}

/** Facebook's long-lived user tokens live about 60 days. */
export const FACEBOOK_LONG_LIVED_SECONDS = 60 * 24 * 3600;

/**
 * Facebook Login on a fake Graph server, as documented ("Manually Build a Login Flow", "Long-Lived
 * Access Tokens", "Page Access Tokens"): the dialog at `/{version}/dialog/oauth` (consent, or
 * `error=access_denied&error_reason=user_denied`), the code traded at `/{version}/oauth/access_token`
 * for a short-lived user token, `grant_type=fb_exchange_token` there for a long-lived one, and
 * `GET /{version}/me/accounts` listing the pages with their Page tokens. Errors in Graph's envelope
 * (`{error: {message, type: 'OAuthException', code}}`); no refresh tokens.
 */
export class FakeFacebookLogin {
  /** Register the installation's app with `oauth.clients.push({clientId, clientSecret, redirectUris})`. */
  readonly oauth: FakeOAuthServer;
  /** The pages the person manages; tests set them. */
  pages: FakeManagedPage[] = [];
  readonly longLivedTokens = new Set<string>();
  private readonly userTokens = new Set<string>();

  constructor(server: FakeHttpServer) {
    this.oauth = new FakeOAuthServer(server, {
      authorizePath: '/:version/dialog/oauth',
      tokenPath: '/:version/oauth/access_token',
      expiresIn: 5400,
      requirePkce: false,
      tokenType: 'bearer',
      refreshTokens: 'never',
      onIssued: (token) => this.userTokens.add(token),
      errorReply: (status, _error, description) => graphError(status, 100, description, { type: 'OAuthException' }),
      denialParams: { error_reason: 'user_denied', error_code: '200', error_description: 'Permissions error' },
    });
    server.route('GET', '/:version/oauth/access_token', (request) => this.exchange(request));
    server.route('GET', '/:version/me/accounts', (request) => this.accounts(request));
  }

  private exchange(request: ReceivedRequest): FakeReply {
    const query = request.query;
    const client = this.oauth.clients.find((candidate) => candidate.clientId === query.get('client_id'));
    if (query.get('grant_type') !== 'fb_exchange_token') return graphError(400, 100, 'Unsupported grant_type', { type: 'OAuthException' });
    if (client === undefined || client.clientSecret !== query.get('client_secret')) {
      return graphError(400, 1, 'Error validating client secret.', { type: 'OAuthException' });
    }
    const short = query.get('fb_exchange_token') ?? '';
    if (!this.userTokens.has(short)) return graphError(400, 190, 'Invalid OAuth access token - Cannot parse access token');
    const token = `long-${randomBytes(12).toString('base64url')}`;
    this.longLivedTokens.add(token);
    return { status: 200, json: { access_token: token, token_type: 'bearer', expires_in: FACEBOOK_LONG_LIVED_SECONDS } };
  }

  private accounts(request: ReceivedRequest): FakeReply {
    const token = request.query.get('access_token') ?? '';
    if (!this.longLivedTokens.has(token) && !this.userTokens.has(token)) {
      return graphError(400, 190, 'Invalid OAuth access token - Cannot parse access token');
    }
    const fields = request.query.get('fields') ?? '';
    return {
      status: 200,
      json: {
        data: this.pages.map((page) => ({
          id: page.id,
          name: page.name,
          access_token: page.accessToken,
          ...(fields.includes('picture') && page.pictureUrl !== undefined ? { picture: { data: { url: page.pictureUrl } } } : {}),
          ...(fields.includes('instagram_business_account') && page.instagram !== undefined
            ? {
                instagram_business_account: {
                  id: page.instagram.id,
                  username: page.instagram.username,
                  ...(page.instagram.profilePictureUrl === undefined ? {} : { profile_picture_url: page.instagram.profilePictureUrl }),
                },
              }
            : {}),
        })),
        paging: { cursors: { before: 'b', after: 'a' } },
      },
    };
  }
}
