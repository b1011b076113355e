import { MediaModule } from '@kadens/api/media';
import { PlatformsModule } from '@kadens/api/platforms';
import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';

import { ConnectionsModule } from '../connections/connections.module';
import { DeliveryClaim } from './claim/delivery-claim';
import { Dispatcher } from './dispatcher';
import { PlatformCall } from './publish/platform-call';
import { Publisher } from './publisher';
import { PublishingRuntime } from './publishing-runtime';
import { PublishQueueModule } from './queue/publish-queue.module';
import { Reconciler } from './reconciler';
import { DeliverySettlement } from './settle/delivery-settlement';
import { PublishedLookups } from './settle/published-lookup';

/**
 * The pipeline, its providers in the order a target meets them: the dispatcher enqueues, the Publisher
 * runs claim → publish → settle, the reconciler repairs, the runtime starts them for this process's
 * roles. It publishes with ConnectionsModule's credentials; the queue is PublishQueueModule's.
 */
@Module({
  imports: [ScheduleModule.forRoot(), ConnectionsModule, MediaModule, PlatformsModule, PublishQueueModule],
  providers: [Dispatcher, DeliveryClaim, PlatformCall, PublishedLookups, DeliverySettlement, Publisher, Reconciler, PublishingRuntime],
  exports: [PublishQueueModule, Dispatcher, Reconciler, Publisher],
})
export class PipelineModule {}
