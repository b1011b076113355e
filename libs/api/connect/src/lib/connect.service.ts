import { APP_CONFIG, type AppConfig } from '@kadens/api/core';
import { OutboundClient } from '@kadens/api/outbound';
import { isPlatformError, PlatformRegistry } from '@kadens/api/platforms';
import { ConnectionsService } from '@kadens/api/publishing';
import { ChannelsReader } from '@kadens/api/strategy';
import type { Role } from '@kadens/shared/contracts';
import { hasPermission } from '@kadens/shared/rules';
import { Inject, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

import { type ConnectFlows, fieldError } from './connect-flow';
import { MastodonApps } from './mastodon-apps';
import { mastodonFlow } from './mastodon-flow';
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
import { xFlow } from './x-flow';

export const OAUTH_CALLBACK_PATH = '/api/oauth/callback';

/** What the platform sent back to the callback. */
export interface CallbackQuery {
  state?: string;
  code?: string;
  error?: string;
}

/** Each failed callback lands on the channel page with one of these as `connectError`. */
export type ConnectError =
  | 'state_invalid'
  | 'state_expired'
  | 'state_used'
  | 'session_mismatch'
  | 'denied'
  | 'not_allowed'
  | 'token_refused'
  | 'platform_unreachable'
  | 'account_unreadable';

/**
 * The connect flows: `start` sends an admin to the platform's consent page, `finish` (the callback)
 * checks the state, trades the code for tokens, asks the platform whose account it is and stores the
 * connection encrypted. Anything wrong on the way stores nothing and says why in the redirect.
 */
@Injectable()
export class ConnectService {
  private readonly logger = new Logger(ConnectService.name);
  private readonly states: OAuthStates;
  private readonly flows: ConnectFlows;
  private readonly redirectUri: string;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly outbound: OutboundClient,
    private readonly registry: PlatformRegistry,
    private readonly connections: ConnectionsService,
  ) {
    this.redirectUri = `${config.publicUrl}${OAUTH_CALLBACK_PATH}`;
    this.states = new OAuthStates(db);
    this.flows = {
      x: xFlow(config.oauth.x),
      mastodon: mastodonFlow(new MastodonApps(db, outbound, config.publicUrl), outbound, this.redirectUri),
    };
  }

  async start(
    organizationId: string,
    channelId: string,
    userId: string,
    sessionTokenHash: string,
    instanceUrl: string | null,
  ): Promise<{ authorizeUrl: string }> {
    const platform = await new ChannelsReader(this.db.manager).platformOf(organizationId, channelId);
    if (!platform) throw new NotFoundException({ message: 'No such channel in the organisation', code: 'channel_not_found' });
    const flow = this.flows[platform];
    if (flow === undefined) {
      throw fieldError('platform', `${platform} has no sign-in flow yet; connect it with its credentials form`, 'oauth_not_supported');
    }
    const { server, scope, instanceUrl: instance } = await flow.server(instanceUrl);
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
    if (typeof query.state !== 'string' || query.state === '') return this.landing(null, 'state_invalid');
    const taken = await this.states.take(query.state, sessionTokenHash);
    if (!taken.ok) return this.landing(taken.signIn, taken.problem);
    const signIn = taken.signIn;
    if (query.error !== undefined) return this.landing(signIn, query.error === 'access_denied' ? 'denied' : 'token_refused');
    if (!(await this.mayConnect(signIn))) return this.landing(signIn, 'not_allowed');
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

    const granted = flow.connection(tokens, signIn.instanceUrl);
    let accountName: string;
    try {
      const connection = {
        ...(granted.baseUrl === null ? {} : { baseUrl: granted.baseUrl }),
        credentials: granted.credentials,
        settings: granted.settings,
      };
      accountName = (await this.registry.adapterFor(signIn.platform).verifyCredentials(connection, { timeoutMs: OAUTH_REQUEST_TIMEOUT_MS }))
        .accountName;
    } catch (error) {
      if (!isPlatformError(error)) throw error;
      return this.landing(signIn, 'account_unreadable');
    }
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

  /** The person who started may still connect channels here (a role can change within the 10 minutes). */
  private async mayConnect(signIn: StartedSignIn): Promise<boolean> {
    const [membership]: Array<{ role: Role }> = await this.db.query(
      `SELECT role FROM memberships WHERE organization_id = $1 AND user_id = $2`,
      [signIn.organizationId, signIn.userId],
    );
    return hasPermission(membership?.role, 'channels.connect');
  }

  /** The web's strategy page of the organisation, with the channel to open (see APP_PATHS in libs/web/data-access). */
  private landing(signIn: StartedSignIn | null, error: ConnectError | null): string {
    const url = new URL(
      signIn === null ? `${this.config.publicUrl}/` : `${this.config.publicUrl}/o/${encodeURIComponent(signIn.organizationId)}/strategy`,
    );
    if (signIn !== null) url.searchParams.set('channel', signIn.channelId);
    if (error === null) url.searchParams.set('connected', '1');
    else url.searchParams.set('connectError', error);
    return url.toString();
  }
}
