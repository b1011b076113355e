import type { Platform, PublishingPause, PublishingStatus } from '@kadens/shared/contracts';
import type { EntityManager } from 'typeorm';

import { countAttention } from '../attention/attention-query';

interface PauseRow {
  paused_at: Date;
  reason: string;
  paused_by_id: string | null;
  paused_by_name: string | null;
}

function toPause(row: PauseRow): PublishingPause {
  return {
    pausedAt: row.paused_at.toISOString(),
    reason: row.reason,
    pausedBy: row.paused_by_id ? { id: row.paused_by_id, name: row.paused_by_name ?? '' } : null,
  };
}

/** The organisation's pause (null when publishing runs) and every paused channel, by name. */
export async function loadPauses(
  manager: EntityManager,
  organizationId: string,
): Promise<Pick<PublishingStatus, 'organization' | 'channels'>> {
  const organizations: PauseRow[] = await manager.query(
    `SELECT o.publishing_paused_at AS paused_at, o.publishing_pause_reason AS reason, u.id AS paused_by_id, u.name AS paused_by_name
       FROM organizations o LEFT JOIN users u ON u.id = o.publishing_paused_by
      WHERE o.id = $1 AND o.publishing_paused_at IS NOT NULL`,
    [organizationId],
  );
  const channels: Array<PauseRow & { channel_id: string; channel_name: string; platform: Platform }> = await manager.query(
    `SELECT c.id AS channel_id, c.name AS channel_name, c.platform,
            c.publishing_paused_at AS paused_at, c.publishing_pause_reason AS reason, u.id AS paused_by_id, u.name AS paused_by_name
       FROM channels c LEFT JOIN users u ON u.id = c.publishing_paused_by
      WHERE c.organization_id = $1 AND c.publishing_paused_at IS NOT NULL
      ORDER BY lower(c.name), c.id`,
    [organizationId],
  );
  const organization = organizations[0];
  return {
    organization: organization ? toPause(organization) : null,
    channels: channels.map((row) => ({
      channelId: row.channel_id,
      channelName: row.channel_name,
      platform: row.platform,
      pause: toPause(row),
    })),
  };
}

/** Everything the banner shows on every page: the pauses, what they hold, what needs a person. */
export async function loadPublishingStatus(manager: EntityManager, organizationId: string): Promise<PublishingStatus> {
  const pauses = await loadPauses(manager, organizationId);
  const [{ held }]: [{ held: number }] = await manager.query(
    `SELECT count(*)::int AS held FROM post_targets WHERE organization_id = $1 AND state = 'held'`,
    [organizationId],
  );
  const reconnect: Array<{ channel_id: string; channel_name: string; platform: Platform }> = await manager.query(
    `SELECT c.id AS channel_id, c.name AS channel_name, c.platform
       FROM channel_connections cc JOIN channels c ON c.id = cc.channel_id
      WHERE cc.organization_id = $1 AND cc.status = 'reconnect_needed'
      ORDER BY lower(c.name), c.id`,
    [organizationId],
  );
  return {
    ...pauses,
    heldCount: held,
    attentionCount: await countAttention(manager, organizationId),
    reconnectNeeded: reconnect.map((row) => ({ channelId: row.channel_id, channelName: row.channel_name, platform: row.platform })),
  };
}
