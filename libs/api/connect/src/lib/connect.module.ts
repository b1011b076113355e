import { OrganizationsModule } from '@kadens/api/organizations';
import { PlatformsModule } from '@kadens/api/platforms';
import { PublishingModule } from '@kadens/api/publishing';
import { Module } from '@nestjs/common';

import { ConnectController } from './connect.controller';
import { ConnectService } from './connect.service';

/**
 * Connecting channels by signing in with the platform (issue 11): X (OAuth 2.0 with PKCE) and
 * Mastodon (an app registered per instance). The connection is stored by publishing's
 * ConnectionsService; renewing expiring tokens is publishing's ConnectionCredentials.
 */
@Module({
  imports: [OrganizationsModule, PlatformsModule, PublishingModule],
  controllers: [ConnectController],
  providers: [ConnectService],
})
export class ConnectModule {}
