import { OrganizationsModule } from '@kadens/api/organizations';
import { PlatformsModule } from '@kadens/api/platforms';
import { PublishingModule } from '@kadens/api/publishing';
import { Module } from '@nestjs/common';

import { ConnectController } from './connect.controller';
import { ConnectService } from './connect.service';
import { ConnectionChoicesController } from './connection-choices.controller';
import { PlatformSettingsController } from './platform-settings.controller';

/**
 * Connecting channels by signing in with the platform (issue 11): X (OAuth 2.0 with PKCE), Mastodon
 * (an app registered per instance), Facebook and Instagram (Facebook Login; the person picks the page
 * or account: connection_choices). The connection is stored by publishing's
 * ConnectionsService; renewing expiring tokens is publishing's ConnectionCredentials.
 */
@Module({
  imports: [OrganizationsModule, PlatformsModule, PublishingModule],
  controllers: [ConnectController, ConnectionChoicesController, PlatformSettingsController],
  providers: [ConnectService],
})
export class ConnectModule {}
