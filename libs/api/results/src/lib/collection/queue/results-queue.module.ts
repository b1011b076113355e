import { APP_CONFIG, type AppConfig } from '@kadens/api/core';
import { Module } from '@nestjs/common';

import { BullMqResultsQueue } from './bullmq-results-queue';
import { InProcessResultsQueue } from './in-process-results-queue';
import { ResultsQueue } from './results-job';

/** The queue that delivers collection jobs: BullMQ on Redis when REDIS_URL is set, else the in-process timer queue. */
@Module({
  providers: [
    {
      provide: ResultsQueue,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): ResultsQueue =>
        config.redis.url ? new BullMqResultsQueue(config.redis.url, config.redis.prefix) : new InProcessResultsQueue(),
    },
  ],
  exports: [ResultsQueue],
})
export class ResultsQueueModule {}
