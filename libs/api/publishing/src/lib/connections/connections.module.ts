import { AuditModule } from '@kadens/api/audit';
import { OrganizationsModule } from '@kadens/api/organizations';
import { PlatformsModule } from '@kadens/api/platforms';
import { Module } from '@nestjs/common';

import { ConnectionCredentials } from './connection-credentials';
import { ConnectionsController } from './connections.controller';
import { ConnectionsListController } from './connections-list.controller';
import { ConnectionsService } from './connections.service';
import { CredentialsCipher } from './credentials-cipher';

/**
 * Channel connections: saving, testing and listing them, their encrypted credentials, and the fresh
 * (renewed when expiring) credentials the pipeline publishes with.
 */
@Module({
  imports: [OrganizationsModule, PlatformsModule, AuditModule],
  controllers: [ConnectionsController, ConnectionsListController],
  providers: [CredentialsCipher, ConnectionCredentials, ConnectionsService],
  exports: [ConnectionsService, ConnectionCredentials],
})
export class ConnectionsModule {}
