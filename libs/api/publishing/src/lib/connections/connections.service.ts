import type { ChannelConnection } from '@kadens/api/platforms';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/**
 * Channel connections: credentials encrypted at rest (AES-256-GCM), the "test connection" action,
 * and the connection status the publisher updates ("reconnect needed" after an auth failure).
 */
@Injectable()
export class ConnectionsService {
  /** The decrypted connection for the publisher; null when the channel has none (or no key is configured). */
  async forPublishing(_db: EntityManager, _channelId: string): Promise<ChannelConnection | null> {
    throw new Error('not implemented yet');
  }

  /** After an auth failure while publishing: the channel shows "reconnect needed" with the platform's words. */
  async markReconnectNeeded(_db: EntityManager, _channelId: string, _message: string): Promise<void> {
    throw new Error('not implemented yet');
  }

  /** After a successful publish: a channel that needed reconnecting is connected again. */
  async markConnected(_db: EntityManager, _channelId: string): Promise<void> {
    throw new Error('not implemented yet');
  }
}
