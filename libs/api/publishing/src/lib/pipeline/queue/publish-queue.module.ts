import { APP_CONFIG, type AppConfig, PublishingMetrics } from '@kadens/api/core';
import { Module } from '@nestjs/common';

import { PublishQueue } from '../publish-job';
import { BullMqPublishQueue } from './bullmq-publish-queue';
import { InProcessPublishQueue } from './in-process-publish-queue';

/**
 * The queue that delivers publish jobs: BullMQ on Redis when REDIS_URL is set (its job counts go to the
 * metrics), else the in-process timer queue. Both only deliver; PostgreSQL says what is due and done.
 */
@Module({
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
  ],
  exports: [PublishQueue],
})
export class PublishQueueModule {}
