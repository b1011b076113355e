import { APP_CONFIG, type AppConfig } from '@kadens/api/core';
import { type ChannelConnection, type OAuthClient, PlatformAuthError, PlatformRegistry } from '@kadens/api/platforms';
import type { Platform } from '@kadens/shared/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

import { CredentialsCipher } from './credentials-cipher';

/** An access token that stops working within this margin is renewed before it is used. */
export const REFRESH_MARGIN_MS = 5 * 60_000;
const LAST_ERROR_MAX = 2000;
/** The advisory lock of one connection's renewal: `hashtextextended` of this plus the channel id. */
const REFRESH_LOCK_PREFIX = 'kadens/connection-refresh/';
/** A connection holding one of these can be renewed (OAuth's refresh token; Bluesky's refresh JWT). */
const REFRESH_CREDENTIALS = ['refreshToken', 'refreshJwt'];

interface StoredConnection {
  organization_id: string;
  platform: Platform;
  base_url: string | null;
  settings: Record<string, unknown>;
  credentials: Buffer;
  expires_at: Date | null;
}

/**
 * Fresh credentials for a channel: what the publisher (and the connection test) asks for instead of
 * reading the stored ones. When the access token expires within `REFRESH_MARGIN_MS` and the platform
 * can renew it, it is renewed once, however many workers ask at the same moment: a per-connection
 * advisory lock, and the row read again under it, so a second caller finds the first one's token.
 * The rotated credentials are stored encrypted and committed before anyone uses them. A refusal
 * (`PlatformAuthError`) marks the channel "reconnect needed" and is thrown on.
 */
@Injectable()
export class ConnectionCredentials {
  private readonly clients: Partial<Record<Platform, OAuthClient>>;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly cipher: CredentialsCipher,
    private readonly registry: PlatformRegistry,
  ) {
    const { x, linkedin } = config.oauth;
    this.clients = {
      ...(x.clientId === null ? {} : { x: { clientId: x.clientId, clientSecret: x.clientSecret } }),
      ...(linkedin.clientId === null
        ? {}
        : {
            linkedin: {
              clientId: linkedin.clientId,
              clientSecret: linkedin.clientSecret,
              tokenUrl: `${linkedin.oauthUrl}/oauth/v2/accessToken`,
            },
          }),
    };
  }

  /**
   * The channel's connection, decrypted, renewed first when it is about to expire; null when the
   * channel has none. Throws `PlatformAuthError` when the renewal is refused (the channel then shows
   * "reconnect needed") and the adapter's other `PlatformError`s when the platform cannot be reached.
   */
  async fresh(channelId: string, now: Date = new Date()): Promise<ChannelConnection | null> {
    const row = await this.read(this.db.manager, channelId);
    if (row === null) return null;
    if (!this.expiring(row, now)) return this.decrypted(channelId, row);
    return this.renew(channelId, now);
  }

  /**
   * Renews under a per-connection lock: a transaction-scoped advisory lock on the channel, so callers
   * for the same channel queue up while nothing else waits (the connection row is not locked across the
   * platform's answer; reading, testing and publishing other channels go on). Under the lock the row is
   * read again: a caller that waited finds the renewed token and makes no call. The new credentials are
   * written (encrypted) only if nobody reconnected the channel meanwhile, and committed before they are
   * returned, so a rotated refresh token is never lost.
   */
  private async renew(channelId: string, now: Date): Promise<ChannelConnection | null> {
    let refused: PlatformAuthError | null = null;
    const renewed = await this.db.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`${REFRESH_LOCK_PREFIX}${channelId}`]);
      const row = await this.read(tx, channelId);
      // Another caller renewed it while this one waited for the lock: use theirs.
      if (row === null || !this.expiring(row, now)) return row === null ? null : this.decrypted(channelId, row);
      const adapter = this.registry.adapterFor(row.platform);
      const current = this.decrypted(channelId, row);
      if (adapter.refreshCredentials === undefined || !REFRESH_CREDENTIALS.some((name) => current.credentials[name] !== undefined)) {
        return current;
      }
      try {
        const refreshed = await adapter.refreshCredentials({
          connection: current,
          client: this.clients[row.platform] ?? null,
          timeoutMs: this.config.publishing.requestTimeoutMs,
        });
        const credentials = { ...current.credentials, ...refreshed.credentials };
        const [, stored]: [unknown, number] = await tx.query(
          `UPDATE channel_connections SET credentials = $2, credential_names = $3::text[], expires_at = $4, updated_at = now()
            WHERE channel_id = $1 AND credentials = $5`,
          [
            channelId,
            this.cipher.seal({ organizationId: row.organization_id, channelId }, credentials),
            Object.keys(credentials).sort(),
            refreshed.expiresAt,
            row.credentials,
          ],
        );
        // Reconnected while the platform answered: the new sign-in wins.
        if (stored === 0) return this.readDecrypted(tx, channelId);
        return { ...current, credentials };
      } catch (error) {
        if (!(error instanceof PlatformAuthError)) throw error;
        refused = error;
      }
      await tx.query(
        `UPDATE channel_connections SET status = 'reconnect_needed', last_error = $2, checked_at = now() WHERE channel_id = $1 AND credentials = $3`,
        [channelId, refused.message.slice(0, LAST_ERROR_MAX), row.credentials],
      );
      return null;
    });
    if (refused !== null) throw refused;
    return renewed;
  }

  private async readDecrypted(db: EntityManager, channelId: string): Promise<ChannelConnection | null> {
    const row = await this.read(db, channelId);
    return row === null ? null : this.decrypted(channelId, row);
  }

  private expiring(row: StoredConnection, now: Date): boolean {
    return row.expires_at !== null && row.expires_at.getTime() - now.getTime() <= REFRESH_MARGIN_MS;
  }

  private async read(db: EntityManager, channelId: string): Promise<StoredConnection | null> {
    const [row]: StoredConnection[] = await db.query(
      `SELECT cc.organization_id, c.platform, cc.base_url, cc.settings, cc.credentials, cc.expires_at
         FROM channel_connections cc JOIN channels c ON c.organization_id = cc.organization_id AND c.id = cc.channel_id
        WHERE cc.channel_id = $1`,
      [channelId],
    );
    return row ?? null;
  }

  private decrypted(channelId: string, row: StoredConnection): ChannelConnection {
    const credentials = this.cipher.open({ organizationId: row.organization_id, channelId }, row.credentials);
    return { ...(row.base_url === null ? {} : { baseUrl: row.base_url }), credentials, settings: row.settings };
  }
}
