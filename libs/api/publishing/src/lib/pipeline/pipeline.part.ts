import { APP_CONFIG, type AppConfig } from '@kadens/api/core';

import type { PublishingPart } from '../part';
import { BullMqPublishQueue } from './bullmq-publish-queue';
import { Dispatcher } from './dispatcher';
import { InProcessPublishQueue } from './in-process-publish-queue';
import { PublishQueue } from './publish-job';
import { Publisher } from './publisher';
import { PublishingRuntime } from './publishing-runtime';
import { Reconciler } from './reconciler';

export const pipelinePart: PublishingPart = {
  controllers: [],
  providers: [
    {
      provide: PublishQueue,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): PublishQueue => (config.redis.url ? new BullMqPublishQueue(config.redis.url, config.redis.prefix) : new InProcessPublishQueue()),
    },
    Dispatcher,
    Publisher,
    Reconciler,
    PublishingRuntime,
  ],
};
