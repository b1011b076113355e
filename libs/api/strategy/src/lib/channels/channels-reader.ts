import type { Platform } from '@kadens/shared/contracts';
import type { EntityManager } from 'typeorm';

/** A channel as the public availability page shows it. */
export interface PublicChannelRow {
  id: string;
  platform: Platform;
  name: string;
  handle: string;
  public_description: string;
}

/**
 * Typed reads of `channels` for the other libraries (the strategy library owns the table). Built on
 * the caller's EntityManager, so a read inside a transaction sees that transaction:
 * `new ChannelsReader(tx)` or `new ChannelsReader(this.db.manager)`.
 */
export class ChannelsReader {
  constructor(private readonly manager: EntityManager) {}

  /** The organisation's active channels by name, with what the public may see of them. */
  activeForPublic(organizationId: string): Promise<PublicChannelRow[]> {
    return this.manager.query(
      `SELECT id, platform, name, handle, public_description FROM channels WHERE organization_id = $1 AND status = 'active' ORDER BY name`,
      [organizationId],
    );
  }

  /** The channel's platform, or null when the organisation has no such channel. */
  async platformOf(organizationId: string, channelId: string): Promise<Platform | null> {
    const [channel]: Array<{ platform: Platform }> = await this.manager.query(
      `SELECT platform FROM channels WHERE organization_id = $1 AND id = $2`,
      [organizationId, channelId],
    );
    return channel?.platform ?? null;
  }

  /** Which of the given ids are channels of the organisation (in no particular order). */
  async existingIds(organizationId: string, channelIds: readonly string[]): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.manager.query(
      `SELECT id FROM channels WHERE organization_id = $1 AND id = ANY($2::uuid[])`,
      [organizationId, [...channelIds]],
    );
    return rows.map((row) => row.id);
  }
}
