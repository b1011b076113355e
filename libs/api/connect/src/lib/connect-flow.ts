import type { Platform } from '@kadens/shared/contracts';
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

/** One platform's sign-in: where to send the person, and what the granted tokens become. */
export interface ConnectFlow {
  /** Throws a 400 naming the platform (no app configured) or `instanceUrl` (missing, invalid, refused). */
  server(instanceUrl: string | null): Promise<FlowServer>;
  connection(tokens: GrantedTokens, instanceUrl: string | null): GrantedConnection;
}

export type ConnectFlows = Partial<Record<Platform, ConnectFlow>>;

export function fieldError(field: string, message: string, code = 'validation_failed'): BadRequestException {
  return new BadRequestException({ message: `${field}: ${message}`, code, errors: [{ field, messages: [message] }] });
}
