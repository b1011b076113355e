import { AuditService } from '@kadens/api/audit';
import { APP_CONFIG, type AppConfig } from '@kadens/api/core';
import { OutboundClient } from '@kadens/api/outbound';
import { type ChannelConnection, DEFAULT_VERIFY_TIMEOUT_MS, isPlatformError, PlatformRegistry } from '@kadens/api/platforms';
import type { ChannelConnectionView, ConnectionStatus, ConnectionTestResult, Platform, SaveChannelConnectionRequest } from '@kadens/shared/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

import { assertAllowedAddress } from './connection-address';
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
}

/** A channel with its connection, if it has one. */
type ChannelRow = { platform: Platform } & ({ connected: false } | ({ connected: true } & ConnectionRow));

const LAST_ERROR_MAX = 2000;
const ACCOUNT_NAME_MAX = 200;
const CONNECTION_COLUMNS = `cc.channel_id, cc.organization_id, cc.base_url, cc.settings, cc.credentials, cc.credential_names, cc.status,
  cc.account_name, cc.last_error, cc.checked_at, cc.updated_at`;

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
  ) {}

  /**
   * The decrypted connection for the publisher; null when the channel has none. Throws
   * `CredentialsKeyMissingError` without CREDENTIALS_KEY and `CredentialsUnreadableError` when the
   * stored bytes do not open (another key, or altered): both messages say what a person must do.
   */
  async forPublishing(db: EntityManager, channelId: string): Promise<ChannelConnection | null> {
    const [row]: ConnectionRow[] = await db.query(`SELECT ${CONNECTION_COLUMNS} FROM channel_connections cc WHERE cc.channel_id = $1`, [channelId]);
    return row ? this.decrypted(row) : null;
  }

  /** After an auth failure while publishing: the channel shows "reconnect needed" with the platform's words. */
  async markReconnectNeeded(db: EntityManager, channelId: string, message: string): Promise<void> {
    await db.query(`UPDATE channel_connections SET status = 'reconnect_needed', last_error = $2, checked_at = now() WHERE channel_id = $1`, [
      channelId,
      message.slice(0, LAST_ERROR_MAX),
    ]);
  }

  /** After a successful publish: a channel that needed reconnecting (or was never tested) is connected again. */
  async markConnected(db: EntityManager, channelId: string): Promise<void> {
    await db.query(`UPDATE channel_connections SET status = 'connected', last_error = NULL, checked_at = now() WHERE channel_id = $1 AND status <> 'connected'`, [
      channelId,
    ]);
  }

  async get(organizationId: string, channelId: string): Promise<ChannelConnectionView> {
    const channel = await this.channel(this.db.manager, organizationId, channelId, false);
    if (!channel.connected) throw connectionNotFound();
    return toView(channel.platform, channel);
  }

  /**
   * Saves (creates or changes) the connection; it is untested again until the next test or publish. A
   * given address the outbound guard refuses is a 400 before anything is locked or stored.
   */
  async save(organizationId: string, channelId: string, actorId: string, input: SaveChannelConnectionRequest): Promise<ChannelConnectionView> {
    this.cipher.assertConfigured();
    await assertAllowedAddress(this.outbound, input.baseUrl);
    return this.db.transaction(async (tx) => {
      const channel = await this.channel(tx, organizationId, channelId, true);
      const before = channel.connected ? { baseUrl: channel.base_url, settings: channel.settings, credentialNames: channel.credential_names } : null;
      const change = checkConnectionChange(channel.platform, input, before);
      const owner = { organizationId, channelId };
      const kept = channel.connected && change.keptCredentialNames.length > 0 ? this.cipher.open(owner, channel.credentials) : {};
      const credentials: Record<string, string> = { ...change.givenCredentials };
      for (const name of change.keptCredentialNames) {
        const value = kept[name];
        if (value !== undefined) credentials[name] = value;
      }
      const credentialNames = Object.keys(credentials).sort();
      const [row]: ConnectionRow[] = await tx.query(
        `INSERT INTO channel_connections (channel_id, organization_id, base_url, settings, credentials, credential_names)
         VALUES ($1, $2, $3, $4::jsonb, $5, $6::text[])
         ON CONFLICT (channel_id) DO UPDATE SET base_url = EXCLUDED.base_url, settings = EXCLUDED.settings, credentials = EXCLUDED.credentials,
           credential_names = EXCLUDED.credential_names, status = 'untested', account_name = NULL, last_error = NULL, checked_at = NULL, updated_at = now()
         RETURNING channel_id, organization_id, base_url, settings, credentials, credential_names, status, account_name, last_error, checked_at, updated_at`,
        [channelId, organizationId, change.baseUrl, JSON.stringify(change.settings), this.cipher.seal(owner, credentials), credentialNames],
      );
      if (!row) throw new Error('The connection was not saved');
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

  remove(organizationId: string, channelId: string, actorId: string): Promise<void> {
    return this.db.transaction(async (tx) => {
      const channel = await this.channel(tx, organizationId, channelId, true);
      if (!channel.connected) throw connectionNotFound();
      await tx.query(`DELETE FROM channel_connections WHERE organization_id = $1 AND channel_id = $2`, [organizationId, channelId]);
      const before = { baseUrl: channel.base_url, settings: channel.settings, credentialNames: channel.credential_names };
      await this.audit.record(tx, { organizationId, actorId, action: 'channel.connection_removed', subjectType: 'channel', subjectId: channelId, before });
    });
  }

  /**
   * Asks the platform who the credentials belong to. A refusal is an answer (ok: false, with the
   * reason), not an error of this request. No transaction is held while the platform answers; the
   * outcome is recorded only if the connection was not saved again meanwhile.
   */
  async test(organizationId: string, channelId: string, actorId: string): Promise<ConnectionTestResult> {
    this.cipher.assertConfigured();
    const channel = await this.channel(this.db.manager, organizationId, channelId, false);
    if (!channel.connected) throw connectionNotFound();
    const connection = this.decrypted(channel);
    const timeoutMs = Math.min(DEFAULT_VERIFY_TIMEOUT_MS, this.config.publishing.requestTimeoutMs);
    let accountName: string | null = null;
    let failure: ConnectionTestFailure | null = null;
    try {
      accountName = (await this.registry.adapterFor(channel.platform).verifyCredentials(connection, { timeoutMs })).accountName.slice(0, ACCOUNT_NAME_MAX);
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
    return { ...(row.base_url === null ? {} : { baseUrl: row.base_url }), credentials: this.cipher.open(owner, row.credentials), settings: row.settings };
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
  };
}
