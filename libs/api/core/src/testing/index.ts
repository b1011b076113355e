export * from './test-app';
export * from './test-database';
export { isolatedAppEnv, queueVariants, testRedisUrl } from '../lib/config/test-database';
export * from './test-mailbox';
export * from './metrics-testing';
