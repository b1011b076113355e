import { AuditModule } from '@kadens/api/audit';
import { NotificationsModule } from '@kadens/api/notifications';
import { OrganizationsModule } from '@kadens/api/organizations';
import { PlatformsModule } from '@kadens/api/platforms';
import { Module } from '@nestjs/common';

import { ConnectionCredentials } from './connection-credentials';
import { ConnectionExpiryWarnings } from './connection-expiry-warnings';
import { ConnectionsController } from './connections.controller';
import { ConnectionsListController } from './connections-list.controller';
import { ConnectionsService } from './connections.service';
import { CredentialsCipher } from './credentials-cipher';

/**
 * Channel connections: saving, testing and listing them, their encrypted credentials, and the fresh
 * (renewed when expiring) credentials the pipeline publishes with, and the warnings before a
 * connection nobody can renew expires.
 */
@Module({
  imports: [OrganizationsModule, PlatformsModule, AuditModule, NotificationsModule],
  controllers: [ConnectionsController, ConnectionsListController],
  providers: [CredentialsCipher, ConnectionCredentials, ConnectionsService, ConnectionExpiryWarnings],
  exports: [ConnectionsService, ConnectionCredentials, CredentialsCipher, ConnectionExpiryWarnings],
})
export class ConnectionsModule {}
