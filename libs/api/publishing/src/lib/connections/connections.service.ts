import { AuditService } from '@kadens/api/audit';
import { APP_CONFIG, type AppConfig } from '@kadens/api/core';
import { OutboundClient } from '@kadens/api/outbound';
import { type ChannelConnection, DEFAULT_VERIFY_TIMEOUT_MS, isPlatformError, PlatformRegistry } from '@kadens/api/platforms';
import type {
  ChannelConnectionView,
  ConnectionStatus,
  ConnectionTestResult,
  Platform,
  SaveChannelConnectionRequest,
} from '@kadens/shared/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

import { assertAllowedAddress } from './connection-address';
import { ConnectionCredentials } from './connection-credentials';
import { channelNotFound, connectionNotFound } from './connection-errors';
import { checkConnectionChange, type SettingValue } from './connection-input';
import { type ConnectionTestFailure, describeTestFailure, statusAfterFailure } from './connection-test-failure';
import { CredentialsCipher, type CredentialsOwner } from './credentials-cipher';

interface ConnectionRow {
  channel_id: string;
  organization_id: string;
  base_url: string | null;
  settings: Record<string, SettingValue>;
  credentials: Buffer;
  credential_names: string[];
  status: ConnectionStatus;
  account_name: string | null;
  last_error: string | null;
  checked_at: Date | null;
  updated_at: Date;
  expires_at: Date | null;
  connected_by: string | null;
  connected_by_name: string | null;
  connected_at: Date | null;
}

/** A connection signed in through the platform's OAuth flow (libs/api/connect), ready to store. */
export interface AuthorizedConnection {
  organizationId: string;
  channelId: string;
  actorId: string;
  baseUrl: string | null;
  settings: Record<string, SettingValue>;
  credentials: Record<string, string>;
  expiresAt: Date | null;
  accountName: string;
}

/** A channel with its connection, if it has one. */
type ChannelRow = { platform: Platform } & ({ connected: false } | ({ connected: true } & ConnectionRow));

const LAST_ERROR_MAX = 2000;
const ACCOUNT_NAME_MAX = 200;
const CONNECTION_COLUMNS = `cc.channel_id, cc.organization_id, cc.base_url, cc.settings, cc.credentials, cc.credential_names, cc.status,
  cc.account_name, cc.last_error, cc.checked_at, cc.updated_at, cc.expires_at, cc.connected_by, cc.connected_at,
  (SELECT u.name FROM users u WHERE u.id = cc.connected_by) AS connected_by_name`;

/**
 * Channel connections: credentials encrypted at rest (AES-256-GCM), the "test connection" action,
 * and the connection status the publisher updates ("reconnect needed" after an auth failure).
 */
@Injectable()
export class ConnectionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly cipher: CredentialsCipher,
    private readonly registry: PlatformRegistry,
    private readonly audit: AuditService,
    private readonly outbound: OutboundClient,
    private readonly fresh: ConnectionCredentials,
  ) {}

  /**
   * The decrypted connection for the publisher; null when the channel has none. Throws
   * `CredentialsKeyMissingError` without CREDENTIALS_KEY and `CredentialsUnreadableError` when the
   * stored bytes do not open (another key, or altered): both messages say what a person must do.
   */
  async forPublishing(db: EntityManager, channelId: string): Promise<ChannelConnection | null> {
    const [row]: ConnectionRow[] = await db.query(`SELECT ${CONNECTION_COLUMNS} FROM channel_connections cc WHERE cc.channel_id = $1`, [
      channelId,
    ]);
    return row ? this.decrypted(row) : null;
  }

  /** After an auth failure while publishing: the channel shows "reconnect needed" with the platform's words. */
  async markReconnectNeeded(db: EntityManager, channelId: string, message: string): Promise<void> {
    await db.query(
      `UPDATE channel_connections SET status = 'reconnect_needed', last_error = $2, checked_at = now() WHERE channel_id = $1`,
      [channelId, message.slice(0, LAST_ERROR_MAX)],
    );
  }

  /** After a successful publish: a channel that needed reconnecting (or was never tested) is connected again. */
  async markConnected(db: EntityManager, channelId: string): Promise<void> {
    await db.query(
      `UPDATE channel_connections SET status = 'connected', last_error = NULL, checked_at = now() WHERE channel_id = $1 AND status <> 'connected'`,
      [channelId],
    );
  }

  async get(organizationId: string, channelId: string): Promise<ChannelConnectionView> {
    const channel = await this.channel(this.db.manager, organizationId, channelId, false);
    if (!channel.connected) throw connectionNotFound();
    return toView(channel.platform, channel);
  }

  /** Every connected channel's connection in the organisation, in one answer; a channel without one is not listed. */
  async list(organizationId: string): Promise<ChannelConnectionView[]> {
    const rows: Array<{ platform: Platform } & ConnectionRow> = await this.db.query(
      `SELECT c.platform, ${CONNECTION_COLUMNS}
         FROM channels c JOIN channel_connections cc ON cc.channel_id = c.id AND cc.organization_id = c.organization_id
        WHERE c.organization_id = $1
        ORDER BY c.created_at, c.id`,
      [organizationId],
    );
    return rows.map((row) => toView(row.platform, row));
  }

  /**
   * Saves (creates or changes) the connection; it is untested again until the next test or publish. A
   * given address the outbound guard refuses is a 400 before anything is locked or stored.
   */
  async save(
    organizationId: string,
    channelId: string,
    actorId: string,
    input: SaveChannelConnectionRequest,
  ): Promise<ChannelConnectionView> {
    this.cipher.assertConfigured();
    await assertAllowedAddress(this.outbound, input.baseUrl);
    return this.db.transaction(async (tx) => {
      const channel = await this.channel(tx, organizationId, channelId, true);
      const before = channel.connected
        ? { baseUrl: channel.base_url, settings: channel.settings, credentialNames: channel.credential_names }
        : null;
      const change = checkConnectionChange(channel.platform, input, before);
      const owner = { organizationId, channelId };
      const kept = channel.connected && change.keptCredentialNames.length > 0 ? this.cipher.open(owner, channel.credentials) : {};
      // A save that gives no credential changes only the address or settings: the connection (a refresh
      // token from a sign-in too), its expiry and who connected it stay.
      const reconnected = Object.keys(change.givenCredentials).length > 0 || !channel.connected;
      const credentials: Record<string, string> = reconnected ? { ...change.givenCredentials } : { ...kept };
      for (const name of change.keptCredentialNames) {
        const value = kept[name];
        if (value !== undefined) credentials[name] = value;
      }
      const credentialNames = Object.keys(credentials).sort();
      await tx.query(
        `INSERT INTO channel_connections (channel_id, organization_id, base_url, settings, credentials, credential_names, connected_by, connected_at)
         VALUES ($1, $2, $3, $4::jsonb, $5, $6::text[], $7, now())
         ON CONFLICT (channel_id) DO UPDATE SET base_url = EXCLUDED.base_url, settings = EXCLUDED.settings, credentials = EXCLUDED.credentials,
           credential_names = EXCLUDED.credential_names, status = 'untested', account_name = NULL, last_error = NULL, checked_at = NULL, updated_at = now(),
           expires_at = CASE WHEN $8 THEN NULL ELSE channel_connections.expires_at END,
           connected_by = CASE WHEN $8 THEN EXCLUDED.connected_by ELSE channel_connections.connected_by END,
           connected_at = CASE WHEN $8 THEN EXCLUDED.connected_at ELSE channel_connections.connected_at END`,
        [
          channelId,
          organizationId,
          change.baseUrl,
          JSON.stringify(change.settings),
          this.cipher.seal(owner, credentials),
          credentialNames,
          actorId,
          reconnected,
        ],
      );
      const row = await this.stored(tx, channelId);
      const after = { baseUrl: row.base_url, settings: row.settings, credentialNames: row.credential_names };
      // Names only: which credentials this save replaced, never their values.
      await this.audit.record(tx, {
        organizationId,
        actorId,
        action: 'channel.connection_saved',
        subjectType: 'channel',
        subjectId: channelId,
        before,
        after: { ...after, credentialsReplaced: Object.keys(change.givenCredentials).sort() },
      });
      return toView(channel.platform, row);
    });
  }

  /**
   * Stores a connection the person just signed in to (OAuth callback): connected, with its account,
   * expiry and who connected it. The channel, its promises and its history stay, and so do settings the
   * sign-in does not give (visibility, language…); the audit names the credentials, never their values.
   */
  storeAuthorized(input: AuthorizedConnection): Promise<ChannelConnectionView> {
    const { organizationId, channelId, actorId } = input;
    return this.db.transaction(async (tx) => {
      const channel = await this.channel(tx, organizationId, channelId, true);
      const before = channel.connected
        ? { baseUrl: channel.base_url, settings: channel.settings, credentialNames: channel.credential_names }
        : null;
      const credentialNames = Object.keys(input.credentials).sort();
      await tx.query(
        `INSERT INTO channel_connections (channel_id, organization_id, base_url, settings, credentials, credential_names, status, account_name, checked_at,
           expires_at, connected_by, connected_at)
         VALUES ($1, $2, $3, $4::jsonb, $5, $6::text[], 'connected', $7, now(), $8, $9, now())
         ON CONFLICT (channel_id) DO UPDATE SET base_url = EXCLUDED.base_url, settings = channel_connections.settings || EXCLUDED.settings,
           credentials = EXCLUDED.credentials, credential_names = EXCLUDED.credential_names, status = 'connected', account_name = EXCLUDED.account_name, last_error = NULL,
           checked_at = now(), updated_at = now(), expires_at = EXCLUDED.expires_at, connected_by = EXCLUDED.connected_by, connected_at = now()`,
        [
          channelId,
          organizationId,
          input.baseUrl,
          JSON.stringify(input.settings),
          this.cipher.seal({ organizationId, channelId }, input.credentials),
          credentialNames,
          input.accountName.slice(0, ACCOUNT_NAME_MAX),
          input.expiresAt,
          actorId,
        ],
      );
      const row = await this.stored(tx, channelId);
      await this.audit.record(tx, {
        organizationId,
        actorId,
        action: 'channel.connection_authorized',
        subjectType: 'channel',
        subjectId: channelId,
        before,
        after: {
          baseUrl: row.base_url,
          settings: row.settings,
          credentialNames,
          accountName: row.account_name,
          expiresAt: row.expires_at?.toISOString() ?? null,
        },
      });
      return toView(channel.platform, row);
    });
  }

  remove(organizationId: string, channelId: string, actorId: string): Promise<void> {
    return this.db.transaction(async (tx) => {
      const channel = await this.channel(tx, organizationId, channelId, true);
      if (!channel.connected) throw connectionNotFound();
      await tx.query(`DELETE FROM channel_connections WHERE organization_id = $1 AND channel_id = $2`, [organizationId, channelId]);
      const before = { baseUrl: channel.base_url, settings: channel.settings, credentialNames: channel.credential_names };
      await this.audit.record(tx, {
        organizationId,
        actorId,
        action: 'channel.connection_removed',
        subjectType: 'channel',
        subjectId: channelId,
        before,
      });
    });
  }

  /**
   * Asks the platform who the credentials belong to. A refusal is an answer (ok: false, with the
   * reason), not an error of this request. No transaction is held while the platform answers; the
   * outcome is recorded only if the connection was not saved again meanwhile.
   */
  async test(organizationId: string, channelId: string, actorId: string): Promise<ConnectionTestResult> {
    this.cipher.assertConfigured();
    if (!(await this.channel(this.db.manager, organizationId, channelId, false)).connected) throw connectionNotFound();
    // A signed-in connection whose access token is about to expire is renewed first, as the publisher does.
    let refusal: unknown = null;
    await this.fresh.fresh(channelId).catch((error: unknown) => {
      if (!isPlatformError(error)) throw error;
      refusal = error;
    });
    const channel = await this.channel(this.db.manager, organizationId, channelId, false);
    if (!channel.connected) throw connectionNotFound();
    const connection = this.decrypted(channel);
    const timeoutMs = Math.min(DEFAULT_VERIFY_TIMEOUT_MS, this.config.publishing.requestTimeoutMs);
    let accountName: string | null = null;
    let failure: ConnectionTestFailure | null = null;
    try {
      if (refusal !== null) throw refusal;
      accountName = (await this.registry.adapterFor(channel.platform).verifyCredentials(connection, { timeoutMs })).accountName.slice(
        0,
        ACCOUNT_NAME_MAX,
      );
    } catch (error) {
      if (!isPlatformError(error)) throw error;
      failure = describeTestFailure(error);
    }
    const checkedAt = new Date();
    await this.db.transaction(async (tx) => {
      if (failure === null) {
        await tx.query(
          `UPDATE channel_connections SET status = 'connected', account_name = $3, last_error = NULL, checked_at = $4 WHERE channel_id = $1 AND credentials = $2`,
          [channelId, channel.credentials, accountName, checkedAt],
        );
      } else {
        await tx.query(
          `UPDATE channel_connections SET status = COALESCE($3, status), last_error = $4, checked_at = $5 WHERE channel_id = $1 AND credentials = $2`,
          [channelId, channel.credentials, statusAfterFailure(failure), failure.message.slice(0, LAST_ERROR_MAX), checkedAt],
        );
      }
      await this.audit.record(tx, {
        organizationId,
        actorId,
        action: 'channel.connection_tested',
        subjectType: 'channel',
        subjectId: channelId,
        after: { ok: failure === null, accountName, errorKind: failure?.kind ?? null, httpStatus: failure?.status ?? null },
      });
    });
    return { ok: failure === null, accountName, error: failure, checkedAt: checkedAt.toISOString() };
  }

  private decrypted(row: ConnectionRow): ChannelConnection {
    const owner: CredentialsOwner = { organizationId: row.organization_id, channelId: row.channel_id };
    return {
      ...(row.base_url === null ? {} : { baseUrl: row.base_url }),
      credentials: this.cipher.open(owner, row.credentials),
      settings: row.settings,
    };
  }

  private async stored(db: EntityManager, channelId: string): Promise<ConnectionRow> {
    const [row]: ConnectionRow[] = await db.query(`SELECT ${CONNECTION_COLUMNS} FROM channel_connections cc WHERE cc.channel_id = $1`, [
      channelId,
    ]);
    if (!row) throw new Error('The connection was not saved');
    return row;
  }

  /** The organisation's channel (404 otherwise) and its connection; `lock` serialises saves of one channel. */
  private async channel(db: EntityManager, organizationId: string, channelId: string, lock: boolean): Promise<ChannelRow> {
    const [row]: Array<{ platform: Platform } & Partial<ConnectionRow>> = await db.query(
      `SELECT c.platform, ${CONNECTION_COLUMNS}
         FROM channels c LEFT JOIN channel_connections cc ON cc.channel_id = c.id AND cc.organization_id = c.organization_id
        WHERE c.organization_id = $1 AND c.id = $2${lock ? ' FOR NO KEY UPDATE OF c' : ''}`,
      [organizationId, channelId],
    );
    if (!row) throw channelNotFound();
    if (row.channel_id === null || row.channel_id === undefined) return { platform: row.platform, connected: false };
    return { ...(row as ConnectionRow), platform: row.platform, connected: true };
  }
}

function toView(platform: Platform, row: ConnectionRow): ChannelConnectionView {
  return {
    channelId: row.channel_id,
    platform,
    status: row.status,
    accountName: row.account_name,
    baseUrl: row.base_url,
    settings: row.settings,
    credentialNames: row.credential_names,
    lastError: row.last_error,
    checkedAt: row.checked_at?.toISOString() ?? null,
    updatedAt: row.updated_at.toISOString(),
    expiresAt: row.expires_at?.toISOString() ?? null,
    connectedBy: row.connected_by === null ? null : { userId: row.connected_by, name: row.connected_by_name ?? '' },
    connectedAt: row.connected_at?.toISOString() ?? null,
  };
}
