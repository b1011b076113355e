import type { ChannelView } from '@kadens/shared/contracts';

import type { Channel } from './channel.entity';

export function toChannelView(channel: Channel): ChannelView {
  return {
    id: channel.id,
    platform: channel.platform,
    name: channel.name,
    handle: channel.handle,
    responsibleUserId: channel.responsibleUserId,
    publicDescription: channel.publicDescription,
    status: channel.status,
    createdAt: channel.createdAt.toISOString(),
  };
}
