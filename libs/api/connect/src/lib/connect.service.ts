import { APP_CONFIG, type AppConfig } from '@kadens/api/core';
import { OutboundClient } from '@kadens/api/outbound';
import { isPlatformError, PlatformRegistry } from '@kadens/api/platforms';
import { ConnectionsService, CredentialsCipher } from '@kadens/api/publishing';
import { ChannelsReader } from '@kadens/api/strategy';
import type { ChannelConnectionView, ConnectionChoicesView, Role } from '@kadens/shared/contracts';
import { hasPermission } from '@kadens/shared/rules';
import { BadGatewayException, Inject, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';

import { type ConnectError, type ConnectFlows, fieldError, type GrantedConnection, isChoosing, SignInError } from './connect-flow';
import { type AppPasswordSignIn, blueskySession } from './bluesky-sign-in';
import { ConnectionChoices } from './connection-choices';
import { MastodonApps } from './mastodon-apps';
import { linkedinFlow } from './linkedin-flow';
import { mastodonFlow } from './mastodon-flow';
import { metaFlow } from './meta-flow';
import {
  authorizationUrl,
  exchangeCode,
  type GrantedTokens,
  isRefusal,
  OAUTH_REQUEST_TIMEOUT_MS,
  oauthConfiguration,
  pkcePair,
} from './oauth-client';
import { OAuthStates, type StartedSignIn } from './oauth-states';
import { wordpressAuthorizeUrl, wordpressConnection, wordpressSite } from './wordpress-flow';
import { xFlow } from './x-flow';

export const OAUTH_CALLBACK_PATH = '/api/oauth/callback';
/** The person said no: RFC 6749's `access_denied`, and LinkedIn's own two words for it. */
const DECLINED = new Set(['access_denied', 'user_cancelled_authorize', 'user_cancelled_login']);

/** What the platform sent back to the callback. */
export interface CallbackQuery {
  state?: string;
  code?: string;
  error?: string;
  /** WordPress's success URL: the user and the application password it just made. */
  user_login?: string;
  password?: string;
}

/** What the person typed before leaving: the Mastodon instance, the WordPress site. */
export interface StartInput {
  instanceUrl: string | null;
  siteUrl: string | null;
}

export type { ConnectError } from './connect-flow';

/**
 * The connect flows: `start` sends an admin to the platform's consent page, `finish` (the callback)
 * checks the state, trades the code for tokens, asks the platform whose account it is and stores the
 * connection encrypted. Anything wrong on the way stores nothing and says why in the redirect.
 */
@Injectable()
export class ConnectService {
  private readonly logger = new Logger(ConnectService.name);
  private readonly states: OAuthStates;
  private readonly choices: ConnectionChoices;
  private readonly flows: ConnectFlows;
  private readonly redirectUri: string;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly outbound: OutboundClient,
    private readonly registry: PlatformRegistry,
    private readonly connections: ConnectionsService,
    cipher: CredentialsCipher,
  ) {
    this.redirectUri = `${config.publicUrl}${OAUTH_CALLBACK_PATH}`;
    this.states = new OAuthStates(db);
    this.choices = new ConnectionChoices(db, cipher);
    this.flows = {
      x: xFlow(config.oauth.x),
      mastodon: mastodonFlow(new MastodonApps(db, outbound, config.publicUrl, cipher), outbound, this.redirectUri),
      facebook: metaFlow('facebook', config.oauth.facebook, outbound),
      instagram: metaFlow('instagram', config.oauth.facebook, outbound),
      linkedin: linkedinFlow(config.oauth.linkedin, outbound),
    };
  }

  async start(
    organizationId: string,
    channelId: string,
    userId: string,
    sessionTokenHash: string,
    given: StartInput,
  ): Promise<{ authorizeUrl: string }> {
    const platform = await new ChannelsReader(this.db.manager).platformOf(organizationId, channelId);
    if (!platform) throw new NotFoundException({ message: 'No such channel in the organisation', code: 'channel_not_found' });
    if (platform === 'wordpress') {
      const site = await wordpressSite(this.outbound, given.siteUrl);
      await this.states.forgetOld();
      // No PKCE here: the verifier column holds an unused random value.
      const signIn = {
        userId,
        organizationId,
        channelId,
        platform,
        codeVerifier: randomBytes(32).toString('base64url'),
        instanceUrl: site.site,
      };
      return { authorizeUrl: wordpressAuthorizeUrl(site, this.redirectUri, await this.states.create(sessionTokenHash, signIn)) };
    }
    const flow = this.flows[platform];
    if (flow === undefined) {
      throw fieldError('platform', `${platform} has no sign-in flow yet; connect it with its credentials form`, 'oauth_not_supported');
    }
    const { server, scope, instanceUrl: instance } = await flow.server(given.instanceUrl);
    const pkce = await pkcePair();
    await this.states.forgetOld();
    const state = await this.states.create(sessionTokenHash, {
      userId,
      organizationId,
      channelId,
      platform,
      codeVerifier: pkce.verifier,
      instanceUrl: instance,
    });
    const url = authorizationUrl(oauthConfiguration(server, this.outbound), {
      redirectUri: this.redirectUri,
      scope,
      state,
      challenge: pkce.challenge,
    });
    return { authorizeUrl: url.toString() };
  }

  /** Where the callback sends the browser: the channel's page with `connected=1` or `connectError`. */
  async finish(query: CallbackQuery, sessionTokenHash: string | null): Promise<string> {
    if (typeof query.state !== 'string' || query.state === '') {
      return this.landing(await this.states.lastStartedBy(sessionTokenHash), 'state_invalid');
    }
    const taken = await this.states.take(query.state, sessionTokenHash);
    if (!taken.ok) return this.landing(taken.signIn ?? (await this.states.lastStartedBy(sessionTokenHash)), taken.problem);
    const signIn = taken.signIn;
    if (query.error !== undefined) return this.landing(signIn, DECLINED.has(query.error) ? 'denied' : 'token_refused');
    if (!(await this.mayConnect(signIn))) return this.landing(signIn, 'not_allowed');
    if (signIn.platform === 'wordpress') return this.finishWordPress(signIn, query);
    const flow = this.flows[signIn.platform];
    if (flow === undefined) return this.landing(signIn, 'state_invalid');

    let tokens: GrantedTokens;
    try {
      const { server } = await flow.server(signIn.instanceUrl);
      const callbackUrl = new URL(this.redirectUri);
      for (const [name, value] of Object.entries(query)) if (typeof value === 'string') callbackUrl.searchParams.set(name, value);
      tokens = await exchangeCode(oauthConfiguration(server, this.outbound), callbackUrl, {
        verifier: signIn.codeVerifier,
        state: query.state,
      });
    } catch (error) {
      this.logger.warn(
        `The ${signIn.platform} sign-in of channel ${signIn.channelId} was not completed: ${error instanceof Error ? error.message : String(error)}`,
      );
      return this.landing(signIn, isRefusal(error) ? 'token_refused' : 'platform_unreachable');
    }

    if (isChoosing(flow)) {
      try {
        const candidates = await flow.candidates(tokens, signIn.instanceUrl);
        if (candidates.length === 0) return this.landing(signIn, 'nothing_to_choose');
        return this.landing(signIn, null, await this.choices.create(sessionTokenHash ?? '', signIn, candidates));
      } catch (error) {
        if (!(error instanceof SignInError)) throw error;
        this.logger.warn(`The ${signIn.platform} sign-in of channel ${signIn.channelId} found no accounts: ${error.message}`);
        return this.landing(signIn, error.problem);
      }
    }
    const granted = flow.connection(tokens, signIn.instanceUrl);
    const accountName = await this.accountOf(signIn.platform, granted);
    if (accountName === null) return this.landing(signIn, 'account_unreadable');
    await this.connections.storeAuthorized({
      organizationId: signIn.organizationId,
      channelId: signIn.channelId,
      actorId: signIn.userId,
      baseUrl: granted.baseUrl,
      settings: {
        ...granted.settings,
        ...(signIn.platform === 'x' && accountName.startsWith('@') ? { username: accountName.slice(1) } : {}),
      },
      credentials: granted.credentials,
      expiresAt: tokens.expiresIn === null ? null : new Date(Date.now() + tokens.expiresIn * 1000),
      accountName,
    });
    return this.landing(signIn, null);
  }

  /** Bluesky: signs in with the handle and an app password and stores the session (not the password). */
  async signInWithAppPassword(
    organizationId: string,
    channelId: string,
    userId: string,
    input: AppPasswordSignIn,
  ): Promise<ChannelConnectionView> {
    const platform = await new ChannelsReader(this.db.manager).platformOf(organizationId, channelId);
    if (!platform) throw new NotFoundException({ message: 'No such channel in the organisation', code: 'channel_not_found' });
    if (platform !== 'bluesky') {
      throw fieldError('platform', `${platform} does not sign in with an app password`, 'app_password_not_supported');
    }
    const session = await blueskySession(this.outbound, input);
    return this.connections.storeAuthorized({ organizationId, channelId, actorId: userId, ...session });
  }

  /** WordPress came back with a user and a new application password: proven with `users/me`, then stored. */
  private async finishWordPress(signIn: StartedSignIn, query: CallbackQuery): Promise<string> {
    const granted = wordpressConnection(signIn.instanceUrl ?? '', query);
    if (granted === null) return this.landing(signIn, 'token_refused');
    const accountName = await this.accountOf(signIn.platform, granted);
    if (accountName === null) return this.landing(signIn, 'account_unreadable');
    await this.connections.storeAuthorized({
      organizationId: signIn.organizationId,
      channelId: signIn.channelId,
      actorId: signIn.userId,
      baseUrl: granted.baseUrl,
      settings: granted.settings,
      credentials: granted.credentials,
      expiresAt: null,
      accountName,
    });
    return this.landing(signIn, null);
  }

  /** The accounts a finished sign-in found (`choose` in the landing address), for the person to pick one. */
  choicesOf(organizationId: string, channelId: string, signInId: string, sessionTokenHash: string): Promise<ConnectionChoicesView> {
    return this.choices.view(organizationId, channelId, signInId, sessionTokenHash);
  }

  /**
   * Connects the channel to the picked account: the sign-in is used up, the platform is asked whose
   * account the token opens (as the test does), and the connection is stored like a direct sign-in.
   */
  async choose(
    organizationId: string,
    channelId: string,
    signInId: string,
    sessionTokenHash: string,
    choiceId: string,
  ): Promise<ChannelConnectionView> {
    const picked = await this.choices.take(organizationId, channelId, signInId, sessionTokenHash, choiceId);
    const accountName = await this.accountOf(picked.platform, picked.connection);
    if (accountName === null) {
      throw new BadGatewayException({
        message: `${picked.platform} did not accept the page's token; sign in again`,
        code: 'account_unreadable',
      });
    }
    return this.connections.storeAuthorized({
      organizationId,
      channelId,
      actorId: picked.userId,
      baseUrl: picked.connection.baseUrl,
      settings: picked.connection.settings,
      credentials: picked.connection.credentials,
      expiresAt: picked.expiresAt,
      accountName,
    });
  }

  /** Whose account the credentials open; null when the platform refuses or cannot be reached. */
  private async accountOf(platform: StartedSignIn['platform'], granted: GrantedConnection): Promise<string | null> {
    const connection = {
      ...(granted.baseUrl === null ? {} : { baseUrl: granted.baseUrl }),
      credentials: granted.credentials,
      settings: granted.settings,
    };
    try {
      return (await this.registry.adapterFor(platform).verifyCredentials(connection, { timeoutMs: OAUTH_REQUEST_TIMEOUT_MS })).accountName;
    } catch (error) {
      if (!isPlatformError(error)) throw error;
      this.logger.warn(`The ${platform} account could not be read: ${error.message}`);
      return null;
    }
  }

  /** The person who started may still connect channels here (a role can change within the 10 minutes). */
  private async mayConnect(signIn: StartedSignIn): Promise<boolean> {
    const [membership]: Array<{ role: Role }> = await this.db.query(
      `SELECT role FROM memberships WHERE organization_id = $1 AND user_id = $2`,
      [signIn.organizationId, signIn.userId],
    );
    return hasPermission(membership?.role, 'channels.connect');
  }

  /** The web's strategy page of the organisation, with the channel to open (see APP_PATHS in libs/web/data-access). */
  private landing(signIn: StartedSignIn | null, error: ConnectError | null, choose: string | null = null): string {
    const url = new URL(
      signIn === null ? `${this.config.publicUrl}/` : `${this.config.publicUrl}/o/${encodeURIComponent(signIn.organizationId)}/strategy`,
    );
    if (signIn !== null) url.searchParams.set('channel', signIn.channelId);
    if (choose !== null) url.searchParams.set('choose', choose);
    else if (error === null) url.searchParams.set('connected', '1');
    else url.searchParams.set('connectError', error);
    return url.toString();
  }
}
