export * from './lib/publishing.module';
export { type AuthorizedConnection, ConnectionsService } from './lib/connections/connections.service';
export { ConnectionCredentials, REFRESH_MARGIN_MS } from './lib/connections/connection-credentials';
export { PublishQueue, PUBLISH_JOB, PUBLISH_QUEUE, type PublishJob } from './lib/pipeline/publish-job';
export { Dispatcher } from './lib/pipeline/dispatcher';
export { Publisher } from './lib/pipeline/publisher';
export { Reconciler } from './lib/pipeline/reconciler';
export { BullMqPublishQueue } from './lib/pipeline/queue/bullmq-publish-queue';
export { mountQueueDashboard, QUEUE_DASHBOARD_PATH } from './lib/pipeline/queue/queue-dashboard';
