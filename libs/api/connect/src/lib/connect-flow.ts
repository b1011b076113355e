import type { ConnectionChoiceKind, Platform } from '@kadens/shared/contracts';
import { BadRequestException } from '@nestjs/common';

import type { AuthorizationServer, GrantedTokens } from './oauth-client';

export interface FlowServer {
  server: AuthorizationServer;
  scope: string;
  /** Mastodon: the instance's origin, remembered with the state; null elsewhere. */
  instanceUrl: string | null;
}

export interface GrantedConnection {
  baseUrl: string | null;
  credentials: Record<string, string>;
  settings: Record<string, string>;
}

/** One account the person may connect the channel to, when the sign-in gives several (pages, organisations). */
export interface Candidate {
  id: string;
  name: string;
  kind: ConnectionChoiceKind;
  pictureUrl: string | null;
  connection: GrantedConnection;
  /** When its access token stops working; null when it does not. */
  expiresAt: Date | null;
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
  | 'account_unreadable'
  | 'nothing_to_choose';

/** A flow's step after the token exchange failed; `problem` is what the person is told. */
export class SignInError extends Error {
  constructor(
    readonly problem: ConnectError,
    message: string,
  ) {
    super(message);
  }
}

interface FlowBase {
  /** Throws a 400 naming the platform (no app configured) or `instanceUrl` (missing, invalid, refused). */
  server(instanceUrl: string | null): Promise<FlowServer>;
}

/** The sign-in is the account (X, Mastodon). */
export interface AccountFlow extends FlowBase {
  connection(tokens: GrantedTokens, instanceUrl: string | null): GrantedConnection;
}

/** The sign-in gives the accounts the person manages; they pick one (Facebook, Instagram, LinkedIn). Throws `SignInError`. */
export interface ChoosingFlow extends FlowBase {
  candidates(tokens: GrantedTokens, instanceUrl: string | null): Promise<Candidate[]>;
}

/** One platform's sign-in: where to send the person, and what the granted tokens become. */
export type ConnectFlow = AccountFlow | ChoosingFlow;

export type ConnectFlows = Partial<Record<Platform, ConnectFlow>>;

export function isChoosing(flow: ConnectFlow): flow is ChoosingFlow {
  return 'candidates' in flow;
}

export function fieldError(field: string, message: string, code = 'validation_failed'): BadRequestException {
  return new BadRequestException({ message: `${field}: ${message}`, code, errors: [{ field, messages: [message] }] });
}

export function notConfigured(platform: string, settings: string): BadRequestException {
  return fieldError(
    'platform',
    `${platform} has no app configured on this installation (${settings}); an operator must add one`,
    'oauth_not_configured',
  );
}
