import { mountQueueDashboard } from '@kadens/api/publishing';
import { BullMqResultsQueue, ResultsQueue } from '@kadens/api/results';
import type { INestApplication } from '@nestjs/common';

/** The queue dashboard (/admin/queues) with every BullMQ queue of the installation: publishing and results. */
export function mountQueues(app: INestApplication): void {
  const results = app.get(ResultsQueue, { strict: false });
  mountQueueDashboard(app, results instanceof BullMqResultsQueue ? [results.queue] : []);
}
