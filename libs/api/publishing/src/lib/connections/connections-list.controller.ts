import { RequirePermission } from '@kadens/api/organizations';
import type { ChannelConnectionView } from '@kadens/shared/contracts';
import { Controller, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

import { ConnectionsService } from './connections.service';

@ApiTags('channel connections')
@Controller('organizations/:organizationId/channel-connections')
export class ConnectionsListController {
  constructor(private readonly connections: ConnectionsService) {}

  /**
   * The connections of all the organisation's channels in one answer, as `GET …/channels/{id}/connection`
   * gives each; a channel that is not connected is simply not listed (no 404 per channel).
   */
  @Get()
  @RequirePermission('strategy.read')
  list(@Param('organizationId') organizationId: string): Promise<ChannelConnectionView[]> {
    return this.connections.list(organizationId);
  }
}
