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
 * can renew it, it is renewed once, however many workers ask at the same moment: the connection row
 * is locked (`FOR UPDATE`) and read again under the lock, so a second caller finds the first one's
 * token. The rotated credentials are stored encrypted in the same transaction, before anyone uses
 * them. A refusal (`PlatformAuthError`) marks the channel "reconnect needed" and is thrown on.
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
    const x = config.oauth.x;
    this.clients = x.clientId === null ? {} : { x: { clientId: x.clientId, clientSecret: x.clientSecret } };
  }

  /**
   * The channel's connection, decrypted, renewed first when it is about to expire; null when the
   * channel has none. Throws `PlatformAuthError` when the renewal is refused (the channel then shows
   * "reconnect needed") and the adapter's other `PlatformError`s when the platform cannot be reached.
   */
  async fresh(channelId: string, now: Date = new Date()): Promise<ChannelConnection | null> {
    const row = await this.read(this.db.manager, channelId, false);
    if (row === null) return null;
    if (!this.expiring(row, now)) return this.decrypted(channelId, row);
    return this.renew(channelId, now);
  }

  private async renew(channelId: string, now: Date): Promise<ChannelConnection | null> {
    let refused: PlatformAuthError | null = null;
    const renewed = await this.db.transaction(async (tx) => {
      const row = await this.read(tx, channelId, true);
      // Another caller renewed it while this one waited for the lock: use theirs.
      if (row === null || !this.expiring(row, now)) return row === null ? null : this.decrypted(channelId, row);
      const adapter = this.registry.adapterFor(row.platform);
      const client = this.clients[row.platform];
      const current = this.decrypted(channelId, row);
      if (adapter.refreshCredentials === undefined || current.credentials['refreshToken'] === undefined) return current;
      if (client === undefined) {
        refused = new PlatformAuthError(
          row.platform,
          `The ${row.platform} app of this installation is not configured, so the sign-in cannot be renewed`,
          {
            code: 'oauth_client_missing',
          },
        );
      } else {
        try {
          const refreshed = await adapter.refreshCredentials({
            connection: current,
            client,
            timeoutMs: this.config.publishing.requestTimeoutMs,
          });
          const credentials = { ...current.credentials, ...refreshed.credentials };
          await tx.query(
            `UPDATE channel_connections SET credentials = $2, credential_names = $3::text[], expires_at = $4, updated_at = now() WHERE channel_id = $1`,
            [
              channelId,
              this.cipher.seal({ organizationId: row.organization_id, channelId }, credentials),
              Object.keys(credentials).sort(),
              refreshed.expiresAt,
            ],
          );
          return { ...current, credentials };
        } catch (error) {
          if (!(error instanceof PlatformAuthError)) throw error;
          refused = error;
        }
      }
      await tx.query(
        `UPDATE channel_connections SET status = 'reconnect_needed', last_error = $2, checked_at = now() WHERE channel_id = $1`,
        [channelId, (refused as PlatformAuthError).message.slice(0, LAST_ERROR_MAX)],
      );
      return null;
    });
    if (refused !== null) throw refused;
    return renewed;
  }

  private expiring(row: StoredConnection, now: Date): boolean {
    return row.expires_at !== null && row.expires_at.getTime() - now.getTime() <= REFRESH_MARGIN_MS;
  }

  private async read(db: EntityManager, channelId: string, lock: boolean): Promise<StoredConnection | null> {
    const [row]: StoredConnection[] = await db.query(
      `SELECT cc.organization_id, c.platform, cc.base_url, cc.settings, cc.credentials, cc.expires_at
         FROM channel_connections cc JOIN channels c ON c.organization_id = cc.organization_id AND c.id = cc.channel_id
        WHERE cc.channel_id = $1${lock ? ' FOR UPDATE OF cc' : ''}`,
      [channelId],
    );
    return row ?? null;
  }

  private decrypted(channelId: string, row: StoredConnection): ChannelConnection {
    const credentials = this.cipher.open({ organizationId: row.organization_id, channelId }, row.credentials);
    return { ...(row.base_url === null ? {} : { baseUrl: row.base_url }), credentials, settings: row.settings };
  }
}
