export * from './lib/results.module';
export { ResultsPlanner, stageArrays } from './lib/planning/results-planner';
export { ResultsDispatcher } from './lib/collection/results-dispatcher';
export { ResultsReconciler } from './lib/collection/results-reconciler';
export { ResultsCollector } from './lib/collection/results-collector';
export { ResultsQueue, RESULTS_QUEUE, RESULTS_JOB, type ResultsJob } from './lib/collection/queue/results-job';
export { BullMqResultsQueue } from './lib/collection/queue/bullmq-results-queue';
export { InProcessResultsQueue } from './lib/collection/queue/in-process-results-queue';
export { METRIC_COLUMNS, METRIC_COLUMN_LIST } from './lib/result-columns';
