export * from './lib/channel-promises/promise-rows';
export * from './lib/plan/plan-rules.service';
export * from './lib/plan/planned-post';
export * from './lib/promises.module';
