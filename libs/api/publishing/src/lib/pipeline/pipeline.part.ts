import { APP_CONFIG, type AppConfig, PublishingMetrics } from '@kadens/api/core';

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
      inject: [APP_CONFIG, PublishingMetrics],
      useFactory: (config: AppConfig, metrics: PublishingMetrics): PublishQueue => {
        if (!config.redis.url) return new InProcessPublishQueue();
        const queue = new BullMqPublishQueue(config.redis.url, config.redis.prefix);
        metrics.watchQueue(() => queue.queue.getJobCounts('waiting', 'delayed', 'active'));
        return queue;
      },
    },
    Dispatcher,
    Publisher,
    Reconciler,
    PublishingRuntime,
  ],
};
