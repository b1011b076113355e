export * from './lib/publishing.module';
export { PublishQueue, PUBLISH_JOB, PUBLISH_QUEUE, type PublishJob } from './lib/pipeline/publish-job';
export { Dispatcher } from './lib/pipeline/dispatcher';
export { Publisher } from './lib/pipeline/publisher';
export { Reconciler } from './lib/pipeline/reconciler';
export { BullMqPublishQueue } from './lib/pipeline/bullmq-publish-queue';
export { mountQueueDashboard, QUEUE_DASHBOARD_PATH } from './lib/pipeline/queue-dashboard';
