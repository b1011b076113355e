export * from './lib/channel-promises/promise-rows';
export * from './lib/plan/plan-rules.service';
export * from './lib/promises.module';
