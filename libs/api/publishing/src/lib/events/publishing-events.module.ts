import { OrganizationsModule } from '@kadens/api/organizations';
import { Module } from '@nestjs/common';

import { PublishingEventsController } from './publishing-events.controller';
import { PublishingEventsService } from './publishing-events.service';
import { PublishingListener } from './publishing-listener';

/** The live delivery stream: one `LISTEN` connection per process, streamed to members as server-sent events. */
@Module({
  imports: [OrganizationsModule],
  controllers: [PublishingEventsController],
  providers: [PublishingListener, PublishingEventsService],
})
export class PublishingEventsModule {}
