import { OrganizationsModule } from '@kadens/api/organizations';
import { Module } from '@nestjs/common';

import { MailOutbox } from './mail-outbox';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';

@Module({
  imports: [OrganizationsModule],
  controllers: [NotificationsController],
  providers: [NotificationsService, MailOutbox],
  exports: [NotificationsService, MailOutbox],
})
export class NotificationsModule {}
